import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { ABSENCE_KINDS, ABSENCE_SOURCES, type AbsenceKind, type AbsenceSource } from '@sekretariat/contracts';
import { Person } from '../bodies/person.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';

/**
 * A member's absence from a meeting (forfall), or disqualification (inhabilitet) in one item. Never
 * deleted: withdrawn. One open absence per member and meeting, and per member and item.
 */
@Entity({ tableName: 'meeting_absence' })
@Index({ properties: ['meeting'] })
@Unique({ name: 'meeting_absence_one_whole', properties: ['meeting', 'person'], where: '((agenda_item_id IS NULL) AND (withdrawn_at IS NULL))' })
@Unique({ name: 'meeting_absence_one_per_item', properties: ['meeting', 'person', 'agendaItem'], where: '(withdrawn_at IS NULL)' })
@Check({ name: 'meeting_absence_item_kind_check', expression: `(kind = 'disqualified') = (agenda_item_id is not null)` })
export class MeetingAbsence extends TenantEntity {
  [OptionalProps]?: 'agendaItem' | 'reason' | 'withdrawnAt' | 'exhausted' | 'reporterUserId' | 'id' | 'createdAt';

  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'restrict' })
  meeting!: Ref<Meeting>;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  person!: Ref<Person>;

  @ManyToOne(() => AgendaItem, { ref: true, nullable: true, deleteRule: 'restrict' })
  agendaItem: Ref<AgendaItem> | null = null;

  @Enum({ items: [...ABSENCE_KINDS] })
  kind!: AbsenceKind;

  @Property({ type: 'string', length: 1000, default: '' })
  reason: string & Opt = '';

  @Enum({ items: [...ABSENCE_SOURCES] })
  source!: AbsenceSource;

  /** The user who reported it (null through the e-mail link), and a name for the record. */
  @Property({ type: 'uuid', nullable: true })
  reporterUserId: string | null = null;

  @Property({ type: 'string', length: 200 })
  reportedBy!: string;

  @Property({ type: 'integer' })
  deadlineHours!: number;

  @Property({ type: 'datetime', nullable: true })
  withdrawnAt: Date | null = null;

  /** Set when no substitute (more) can be asked: why, for the secretariat. */
  @Property({ type: 'string', length: 1000, nullable: true })
  exhausted: string | null = null;
}
