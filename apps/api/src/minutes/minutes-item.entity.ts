import { Entity, Enum, OneToOne, Property } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { ITEM_OUTCOMES, type ItemOutcome } from '@sekretariat/contracts';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';

/** How an agenda item was treated in the meeting. The decision itself is kept on the item (saksgang reads it there). */
@Entity({ tableName: 'minutes_item' })
export class MinutesItem extends TenantEntity {
  [OptionalProps]?: 'outcome' | 'treatment' | 'decisionExempt' | 'handledAs' | 'id' | 'createdAt';

  @OneToOne(() => AgendaItem, { ref: true, owner: true, deleteRule: 'restrict', unique: 'minutes_item_agenda_item_unique' })
  agendaItem!: Ref<AgendaItem>;

  @Enum({ items: [...ITEM_OUTCOMES], default: 'pending' })
  outcome: ItemOutcome & Opt = 'pending';

  @Property({ type: 'text', default: '' })
  treatment: string & Opt = '';

  @Property({ type: 'boolean', default: false })
  decisionExempt: boolean & Opt = false;

  @Property({ type: 'integer', nullable: true })
  handledAs: number | null = null;
}
