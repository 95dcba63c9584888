import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { SUMMONS_STATUSES, type SummonsStatus } from '@sekretariat/contracts';
import { Person } from '../bodies/person.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { MeetingAbsence } from './absence.entity.js';

/**
 * A substitute called in for an absence (innkalling av varamedlem). The link in the e-mail carries a
 * random token; only its SHA-256 is stored. PostgreSQL refuses a second open summons for one absence
 * and the same substitute accepted twice for one meeting.
 */
@Entity({ tableName: 'substitute_summons' })
@Index({ properties: ['meeting'] })
@Index({ properties: ['status', 'deadline'] })
@Unique({ name: 'substitute_summons_one_open', properties: ['absence'], where: `(status = ANY (ARRAY['pending'::text, 'accepted'::text]))` })
@Unique({ name: 'substitute_summons_one_accepted', properties: ['meeting', 'person'], where: `(status = 'accepted'::text)` })
export class SubstituteSummons extends TenantEntity {
  [OptionalProps]?: 'status' | 'tokenHash' | 'answeredAt' | 'id' | 'createdAt';

  @ManyToOne(() => MeetingAbsence, { ref: true, deleteRule: 'restrict' })
  absence!: Ref<MeetingAbsence>;

  /** The absence's meeting, kept here so the database can hold one acceptance per substitute and meeting. */
  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'restrict' })
  meeting!: Ref<Meeting>;

  /** The substitute. */
  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  person!: Ref<Person>;

  @Property({ type: 'string', length: 100 })
  list!: string;

  @Property({ type: 'integer' })
  rank!: number;

  @Enum({ items: [...SUMMONS_STATUSES], default: 'pending' })
  status: SummonsStatus & Opt = 'pending';

  /** SHA-256 (hex) of the token in the e-mailed link; set when the e-mail is sent. */
  @Property({ type: 'string', length: 64, nullable: true, unique: 'substitute_summons_token_hash_unique' })
  tokenHash: string | null = null;

  @Property({ type: 'datetime' })
  deadline!: Date;

  @Property({ type: 'datetime', nullable: true })
  answeredAt: Date | null = null;
}
