import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Ref } from '@mikro-orm/core';
import { AGENDA_ITEM_TYPES, type AgendaItemType } from '@sekretariat/contracts';
import { Body } from '../bodies/body.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';

/**
 * The highest number a body has given to items of a type in a year, kept when items are removed,
 * so a number once given is never given again.
 */
@Entity({ tableName: 'agenda_sequence' })
@Unique({ name: 'agenda_sequence_body_year_type_unique', properties: ['body', 'year', 'type'] })
export class AgendaSequence extends TenantEntity {
  @ManyToOne(() => Body, { ref: true, deleteRule: 'restrict' })
  body!: Ref<Body>;

  @Property({ type: 'integer' })
  year!: number;

  @Enum({ items: [...AGENDA_ITEM_TYPES] })
  type!: AgendaItemType;

  @Property({ type: 'integer' })
  last!: number;
}
