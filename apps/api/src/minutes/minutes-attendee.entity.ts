import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { ATTENDEE_ROLES, type AttendeeRole } from '@sekretariat/contracts';
import { Person } from '../bodies/person.entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';

/**
 * Someone in the protocol's attendance: a member (present, or absent with a reason), a substitute
 * meeting for a member (for the whole meeting or one item), or an officer of the administration.
 * Present from one item to another: arrivals and departures during the meeting.
 */
@Entity({ tableName: 'minutes_attendee' })
@Index({ properties: ['meeting'] })
@Unique({ name: 'minutes_attendee_once', properties: ['meeting', 'person'], where: '(only_item_id IS NULL)' })
@Unique({ name: 'minutes_attendee_once_per_item', properties: ['meeting', 'person', 'onlyItem'], where: '(only_item_id IS NOT NULL)' })
@Check({ name: 'minutes_attendee_substitute_check', expression: `(role = 'substitute') = (meets_for_id is not null)` })
@Check({ name: 'minutes_attendee_person_check', expression: `role = 'officer' or person_id is not null` })
export class MinutesAttendee extends TenantEntity {
  [OptionalProps]?: 'person' | 'title' | 'party' | 'meetsFor' | 'onlyItem' | 'present' | 'absenceReason' | 'fromItem' | 'toItem' | 'arrivedAt' | 'leftAt' | 'id' | 'createdAt';

  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'restrict' })
  meeting!: Ref<Meeting>;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  person: Ref<Person> | null = null;

  /** As printed (the person's name when there is one, kept as it was on the day). */
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200, default: '' })
  title: string & Opt = '';

  /** The party or list of the seat on the meeting day (short name); null for independents and officers. */
  @Property({ type: 'string', length: 50, nullable: true })
  party: string | null = null;

  @Enum({ items: [...ATTENDEE_ROLES] })
  role!: AttendeeRole;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  meetsFor: Ref<Person> | null = null;

  @ManyToOne(() => AgendaItem, { ref: true, nullable: true, deleteRule: 'restrict' })
  onlyItem: Ref<AgendaItem> | null = null;

  @Property({ type: 'boolean', default: true })
  present: boolean & Opt = true;

  @Property({ type: 'string', length: 300, default: '' })
  absenceReason: string & Opt = '';

  @ManyToOne(() => AgendaItem, { ref: true, nullable: true, deleteRule: 'restrict' })
  fromItem: Ref<AgendaItem> | null = null;

  @ManyToOne(() => AgendaItem, { ref: true, nullable: true, deleteRule: 'restrict' })
  toItem: Ref<AgendaItem> | null = null;

  @Property({ type: 'string', length: 5, nullable: true })
  arrivedAt: string | null = null;

  @Property({ type: 'string', length: 5, nullable: true })
  leftAt: string | null = null;
}
