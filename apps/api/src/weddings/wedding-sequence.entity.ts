import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantEntity } from '../core/tenant-entity.js';

/** The last booking reference number given in a year (V-2027-0042), taken by an upsert: never given twice. */
@Entity({ tableName: 'wedding_sequence' })
@Unique({ name: 'wedding_sequence_year_unique', properties: ['municipality', 'year'] })
export class WeddingSequence extends TenantEntity {
  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  last!: number;
}
