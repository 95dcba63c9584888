import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import {
  APPLICATION_CHANNELS,
  APPLICATION_STATUSES,
  INSTITUTION_KINDS,
  OUTREACH_LOCALES,
  VISIT_OUTCOMES,
  type ApplicationChannel,
  type ApplicationStatus,
  type InstitutionKind,
  type OutreachLocale,
  type VisitOutcome,
} from '@sekretariat/contracts';
import { User } from '../auth/user.entity.js';
import { Election } from '../elections/election.entity.js';
import { VotingPlace } from '../elections/voting-place.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';

/** Per election: the application deadline valgstyret set, and the voting place outreach votes are registered at. */
@Entity({ tableName: 'outreach_settings' })
@Unique({ name: 'outreach_settings_election_unique', properties: ['election'] })
export class OutreachSettings extends TenantEntity {
  [OptionalProps]?: 'votingPlace' | 'id' | 'createdAt';

  @ManyToOne(() => Election, { ref: true, deleteRule: 'restrict' })
  election!: Ref<Election>;

  /** The last day an application is accepted (to 23:59 Norwegian time). */
  @Property({ type: 'date' })
  deadlineDate!: string;

  /** "Ambulerende stemmegivning": the voting place (of the elections module) votes taken on visits are registered at. */
  @ManyToOne(() => VotingPlace, { ref: true, nullable: true, deleteRule: 'restrict' })
  votingPlace: Ref<VotingPlace> | null = null;
}

/** A care home, hospital or prison where the election office holds voting sessions. */
@Entity({ tableName: 'outreach_institution' })
export class OutreachInstitution extends TenantEntity {
  @Enum({ items: [...INSTITUTION_KINDS] })
  kind!: InstitutionKind;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 300 })
  address!: string;

  @Property({ type: 'string', length: 4 })
  postcode!: string;

  @Property({ type: 'string', length: 200 })
  contactName!: string;

  @Property({ type: 'string', length: 254 })
  contactEmail!: string;

  @Property({ type: 'string', length: 20 })
  contactPhone!: string;

  @Enum({ items: [...OUTREACH_LOCALES], default: 'nb' })
  locale: OutreachLocale & Opt = 'nb';
}

/** A voting session at an institution on one day, with its two officials (outreach_assignment). */
@Entity({ tableName: 'outreach_session' })
@Index({ properties: ['election', 'date'] })
export class OutreachSession extends TenantEntity {
  [OptionalProps]?: 'announcedAt' | 'id' | 'createdAt';

  @ManyToOne(() => Election, { ref: true, deleteRule: 'restrict' })
  election!: Ref<Election>;

  @ManyToOne(() => OutreachInstitution, { ref: true, deleteRule: 'restrict' })
  institution!: Ref<OutreachInstitution>;

  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'string', length: 5 })
  startTime!: string;

  @Property({ type: 'string', length: 5 })
  endTime!: string;

  /** When the e-mail to the institution's contact was sent. */
  @Property({ type: 'datetime', nullable: true })
  announcedAt: Date | null = null;
}

/** A home-voting application (søknad om ambulerende stemmegivning). */
@Entity({ tableName: 'outreach_application' })
@Unique({ name: 'outreach_application_reference_unique', properties: ['municipality', 'reference'] })
@Index({ properties: ['election', 'status'] })
export class OutreachApplication extends TenantEntity {
  [OptionalProps]?: 'appliedBy' | 'id' | 'createdAt';

  @ManyToOne(() => Election, { ref: true, deleteRule: 'restrict' })
  election!: Ref<Election>;

  @Property({ type: 'string', length: 12 })
  reference!: string;

  @Property({ type: 'string', length: 11 })
  personalNumber!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 300 })
  address!: string;

  @Property({ type: 'string', length: 4 })
  postcode!: string;

  @Property({ type: 'string', length: 20 })
  phone!: string;

  /** Health-related: shown to election staff only. */
  @Property({ type: 'string', length: 500 })
  reason!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  appliedBy: string | null = null;

  @Enum({ items: [...APPLICATION_CHANNELS] })
  channel!: ApplicationChannel;

  @Enum({ items: [...APPLICATION_STATUSES] })
  status!: ApplicationStatus;

  @Property({ type: 'datetime' })
  receivedAt!: Date;
}

/** One day's route of home visits by two officials. */
@Entity({ tableName: 'outreach_route' })
@Index({ properties: ['election', 'date'] })
export class OutreachRoute extends TenantEntity {
  @ManyToOne(() => Election, { ref: true, deleteRule: 'restrict' })
  election!: Ref<Election>;

  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'string', length: 20 })
  area!: string;

  @Property({ type: 'string', length: 5 })
  startTime!: string;

  @Property({ type: 'integer' })
  minutesPerVisit!: number;
}

/**
 * An official's time taken by a session or a route. The exclusion constraint
 * outreach_assignment_no_overlap (written in the migration) refuses one official in two places at
 * overlapping times, whatever the application does.
 */
@Entity({ tableName: 'outreach_assignment' })
@Index({ properties: ['user'] })
export class OutreachAssignment extends TenantEntity {
  [OptionalProps]?: 'session' | 'route' | 'id' | 'createdAt';

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  user!: Ref<User>;

  @ManyToOne(() => OutreachSession, { ref: true, nullable: true, deleteRule: 'cascade' })
  session: Ref<OutreachSession> | null = null;

  @ManyToOne(() => OutreachRoute, { ref: true, nullable: true, deleteRule: 'cascade' })
  route: Ref<OutreachRoute> | null = null;

  /** tstzrange [start, end): written as text, never read. */
  @Property({ columnType: 'tstzrange', type: 'string', lazy: true })
  during!: string;
}

/**
 * A visit on a route. `claim` is 'open' until the visit is marked (then null): the unique
 * constraint over (municipality, application, claim) keeps a voter on at most one open route,
 * because PostgreSQL's unique constraints let any number of nulls through.
 */
@Entity({ tableName: 'outreach_stop' })
@Unique({ name: 'outreach_stop_one_open_route', properties: ['municipality', 'application', 'claim'] })
@Index({ properties: ['route'] })
export class OutreachStop extends TenantEntity {
  [OptionalProps]?: 'claim' | 'outcome' | 'markedAt' | 'voteId' | 'voteMessage' | 'id' | 'createdAt';

  @ManyToOne(() => OutreachRoute, { ref: true, deleteRule: 'cascade' })
  route!: Ref<OutreachRoute>;

  @ManyToOne(() => OutreachApplication, { ref: true, deleteRule: 'restrict' })
  application!: Ref<OutreachApplication>;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'string', length: 5 })
  windowFrom!: string;

  @Property({ type: 'string', length: 5 })
  windowTo!: string;

  @Property({ type: 'string', length: 4, nullable: true })
  claim: string | null = 'open';

  @Enum({ items: [...VISIT_OUTCOMES], nullable: true })
  outcome: VisitOutcome | null = null;

  @Property({ type: 'datetime', nullable: true })
  markedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  voteId: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  voteMessage: string | null = null;
}

/** A mark sent from a phone, kept by its client id: a replay returns the stored result. */
@Entity({ tableName: 'outreach_mark' })
@Unique({ name: 'outreach_mark_client_unique', properties: ['municipality', 'clientId'] })
export class OutreachMark extends TenantEntity {
  [OptionalProps]?: 'voteId' | 'voteStatus' | 'id' | 'createdAt';

  @Property({ type: 'uuid' })
  clientId!: string;

  @ManyToOne(() => OutreachStop, { ref: true, deleteRule: 'restrict' })
  stop!: Ref<OutreachStop>;

  @Enum({ items: [...VISIT_OUTCOMES] })
  outcome!: VisitOutcome;

  @Property({ type: 'datetime' })
  markedAt!: Date;

  @Property({ type: 'uuid' })
  markedBy!: string;

  @Property({ type: 'uuid', nullable: true })
  voteId: string | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  voteStatus: string | null = null;

  @Property({ type: 'string', length: 500 })
  message!: string;
}

export const OUTREACH_ENTITIES = [OutreachSettings, OutreachInstitution, OutreachSession, OutreachApplication, OutreachRoute, OutreachAssignment, OutreachStop, OutreachMark];
export const OUTREACH_TABLES = ['outreach_settings', 'outreach_institution', 'outreach_session', 'outreach_application', 'outreach_route', 'outreach_assignment', 'outreach_stop', 'outreach_mark'];
