import { Check, Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Opt, type Ref } from '@mikro-orm/core';
import { REJECTION_GROUNDS, type RejectionGround } from '@sekretariat/contracts';
import { TenantEntity } from '../core/tenant-entity.js';
import { AdvanceVote } from './advance-vote.entity.js';
import { Election } from './election.entity.js';

/**
 * An envelope (forsendelse) of advance votes sent to the voters' municipality (domain.md §2.2:
 * a vote of another municipality's voter is taken in an omslagskonvolutt and sent there for
 * prøving). One serial per receiving municipality and election.
 */
@Entity({ tableName: 'sent_envelope' })
@Unique({ name: 'sent_envelope_serial_unique', properties: ['election', 'toMunicipalityNumber', 'serial'] })
export class SentEnvelope extends TenantEntity {
  @ManyToOne(() => Election, { ref: true, deleteRule: 'restrict' })
  election!: Ref<Election>;

  @Property({ type: 'string', length: 4 })
  toMunicipalityNumber!: string;

  @Property({ type: 'string', length: 200 })
  toMunicipalityName!: string;

  @Property({ type: 'string', length: 40 })
  serial!: string;

  @Property({ type: 'date' })
  sentOn!: string;

  @Property({ type: 'uuid' })
  sentBy!: string;

  @Property({ type: 'string', length: 200 })
  sentByName!: string;
}

/** A vote in a sent envelope; a vote is sent once. */
@Entity({ tableName: 'sent_envelope_vote' })
export class SentEnvelopeVote extends TenantEntity {
  @ManyToOne(() => SentEnvelope, { ref: true, deleteRule: 'cascade', index: true })
  envelope!: Ref<SentEnvelope>;

  @ManyToOne(() => AdvanceVote, { ref: true, deleteRule: 'restrict', unique: true })
  vote!: Ref<AdvanceVote>;
}

export const RECEIVED_ENVELOPE_STATUSES = ['received', 'approved', 'rejected'] as const;

/**
 * An envelope with a vote of one of our voters, received from another municipality: when it
 * arrived and whether that was after the deadline (kl. 17 the day after election day, Europe/Oslo;
 * rules/deadline.ts). Late ones are registered, and can never be approved (check constraint).
 */
@Entity({ tableName: 'received_envelope' })
@Unique({ name: 'received_envelope_serial_unique', properties: ['election', 'fromMunicipalityNumber', 'serial'] })
@Check({ name: 'received_envelope_late_not_approved', expression: "not (late and status = 'approved')" })
export class ReceivedEnvelope extends TenantEntity {
  @ManyToOne(() => Election, { ref: true, deleteRule: 'restrict' })
  election!: Ref<Election>;

  @Property({ type: 'string', length: 4 })
  fromMunicipalityNumber!: string;

  @Property({ type: 'string', length: 200 })
  fromMunicipalityName!: string;

  @Property({ type: 'string', length: 40 })
  serial!: string;

  @Property({ type: 'datetime' })
  arrivedAt!: Date;

  @Property({ type: 'boolean' })
  late!: boolean;

  @Property({ type: 'uuid' })
  receivedBy!: string;

  @Property({ type: 'string', length: 200 })
  receivedByName!: string;

  /** The voter, as written on the envelope; deleted with the roll (retention). */
  @Property({ type: 'string', length: 11, nullable: true })
  personalNumber?: string | null = null;

  @Enum({ items: [...RECEIVED_ENVELOPE_STATUSES], default: 'received' })
  status: ((typeof RECEIVED_ENVELOPE_STATUSES)[number]) & Opt = 'received';

  @Enum({ items: [...REJECTION_GROUNDS], nullable: true })
  rejectGround?: RejectionGround | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  decidedBy?: string | null = null;
}
