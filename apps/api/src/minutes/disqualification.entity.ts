import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { DISQUALIFICATION_GROUNDS, type DisqualificationGround } from '@sekretariat/contracts';
import { Person } from '../bodies/person.entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';

/** The body's ruling on a member's disqualification (inhabilitet, fvl. § 6) in one item. */
@Entity({ tableName: 'minutes_disqualification' })
@Unique({ name: 'minutes_disqualification_once', properties: ['agendaItem', 'person'] })
export class MinutesDisqualification extends TenantEntity {
  [OptionalProps]?: 'note' | 'id' | 'createdAt';

  @ManyToOne(() => AgendaItem, { ref: true, deleteRule: 'restrict' })
  agendaItem!: Ref<AgendaItem>;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  person!: Ref<Person>;

  @Enum({ items: [...DISQUALIFICATION_GROUNDS] })
  ground!: DisqualificationGround;

  @Property({ type: 'boolean' })
  disqualified!: boolean;

  @Property({ type: 'string', length: 2000, default: '' })
  note: string & Opt = '';
}
