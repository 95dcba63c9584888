import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantEntity } from '../core/tenant-entity.js';

/** A political party or list as registered in the municipality. */
@Entity({ tableName: 'party' })
@Unique({ properties: ['municipality', 'shortName'] })
export class Party extends TenantEntity {
  @Property({ type: 'string', length: 200 })
  name!: string;

  /** The customary abbreviation, e.g. "Ap", "H", "Sp". */
  @Property({ type: 'string', length: 20 })
  shortName!: string;
}
