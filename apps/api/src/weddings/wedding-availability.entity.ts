import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { TenantEntity } from '../core/tenant-entity.js';
import { WeddingOfficiant } from './wedding-officiant.entity.js';
import { WeddingPlace } from './wedding-place.entity.js';

/** A recurring availability: a place (and officiant) on a weekday, from start to end in slots with a buffer after each. */
@Entity({ tableName: 'wedding_availability' })
@Index({ properties: ['place'] })
export class WeddingAvailability extends TenantEntity {
  [OptionalProps]?: 'officiant' | 'bufferMinutes' | 'validTo' | 'id' | 'createdAt';

  @ManyToOne(() => WeddingPlace, { ref: true, deleteRule: 'restrict' })
  place!: Ref<WeddingPlace>;

  @ManyToOne(() => WeddingOfficiant, { ref: true, nullable: true, deleteRule: 'restrict' })
  officiant: Ref<WeddingOfficiant> | null = null;

  /** ISO weekday, 1 Monday … 7 Sunday. */
  @Property({ type: 'integer' })
  weekday!: number;

  @Property({ type: 'string', length: 5 })
  startTime!: string;

  @Property({ type: 'string', length: 5 })
  endTime!: string;

  @Property({ type: 'integer' })
  slotMinutes!: number;

  @Property({ type: 'integer', default: 0 })
  bufferMinutes: number & Opt = 0;

  @Property({ type: 'date' })
  validFrom!: string;

  @Property({ type: 'date', nullable: true })
  validTo: string | null = null;
}
