import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantEntity } from '../core/tenant-entity.js';

/** The municipality's rates for party group grants and fixed remuneration, per year. */
@Entity({ tableName: 'grant_rates' })
@Unique({ properties: ['municipality', 'year'] })
export class GrantRates extends TenantEntity {
  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'decimal', precision: 12, scale: 2 })
  groupBase!: string;

  @Property({ type: 'decimal', precision: 12, scale: 2 })
  perSeat!: string;

  @Property({ type: 'decimal', precision: 12, scale: 2 })
  leaderFee!: string;

  @Property({ type: 'decimal', precision: 12, scale: 2 })
  deputyLeaderFee!: string;

  @Property({ type: 'decimal', precision: 12, scale: 2 })
  memberFee!: string;
}
