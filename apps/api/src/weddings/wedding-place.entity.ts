import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps } from '@mikro-orm/core';
import { TenantEntity } from '../core/tenant-entity.js';

/** Where ceremonies are held: the town hall's wedding room, another room, an outdoor place. */
@Entity({ tableName: 'wedding_place' })
export class WeddingPlace extends TenantEntity {
  [OptionalProps]?: 'address' | 'accessibility' | 'active' | 'id' | 'createdAt';

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Guests besides the couple and the witnesses. */
  @Property({ type: 'integer' })
  capacity!: number;

  /** Street address, postcode and place; shown to the couple and in the calendar entry's LOCATION. */
  @Property({ type: 'text', default: '' })
  address: string & Opt = '';

  @Property({ type: 'text', default: '' })
  accessibility: string & Opt = '';

  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;
}
