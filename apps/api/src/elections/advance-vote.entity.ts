import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { ENVELOPE_REASONS, REJECTION_GROUNDS, VOTE_STATUSES, type EnvelopeReason, type RejectionGround, type VoteKind, type VoteStatus, VOTE_KINDS } from '@sekretariat/contracts';
import { TenantEntity } from '../core/tenant-entity.js';
import { Election } from './election.entity.js';
import { VotingPlace } from './voting-place.entity.js';

/**
 * One advance vote (stemmegivning): received (in a special envelope, for the board to decide),
 * approved or rejected with a ground in prøving, or cancelled when registered in error. Never
 * deleted. At most one approved vote per voter and election, enforced by the partial unique
 * index advance_vote_one_approved (see the migrations).
 */
@Entity({ tableName: 'advance_vote' })
@Unique({ properties: ['municipality', 'idempotencyKey'] })
@Index({ properties: ['election', 'personalNumber'] })
@Index({ properties: ['votingPlace', 'castAt'] })
export class AdvanceVote extends TenantEntity {
  [OptionalProps]?: 'envelopeSerial' | 'envelopeReason' | 'rejectReason' | 'rejectGround' | 'decidedAt' | 'decidedBy' | 'cancelledAt' | 'cancelledBy' | 'cancelReason' | 'voterMunicipalityNumber' | 'id' | 'createdAt';

  @ManyToOne(() => Election, { ref: true, deleteRule: 'restrict' })
  election!: Ref<Election>;

  /** Null once the retention job has deleted it (rules/retention.ts); the counts stay. */
  @Property({ type: 'string', length: 11, nullable: true })
  personalNumber!: string | null;

  /** The municipality whose roll the voter is in (4 digits); for a voter not in the roll, what they said, if anything. */
  @Property({ type: 'string', length: 4, nullable: true })
  voterMunicipalityNumber: string | null = null;

  @ManyToOne(() => VotingPlace, { ref: true, deleteRule: 'restrict' })
  votingPlace!: Ref<VotingPlace>;

  @Property({ type: 'uuid' })
  clerkId!: string;

  @Property({ type: 'datetime' })
  castAt!: Date;

  @Enum({ items: [...VOTE_KINDS] })
  kind!: VoteKind;

  /** Ballot in an envelope (other municipality, early vote) rather than straight into the box. */
  @Property({ type: 'boolean' })
  envelope!: boolean;

  @Property({ type: 'string', length: 40, nullable: true })
  envelopeSerial: string | null = null;

  /** Why the vote is in a special envelope; null for a plain vote into the ballot box. */
  @Enum({ items: [...ENVELOPE_REASONS], nullable: true })
  envelopeReason: EnvelopeReason | null = null;

  @Enum({ items: [...VOTE_STATUSES] })
  status!: VoteStatus;

  @Property({ type: 'string', length: 200, nullable: true })
  rejectReason: string | null = null;

  /** The criterion of prøving not met (election board). */
  @Enum({ items: [...REJECTION_GROUNDS], nullable: true })
  rejectGround: RejectionGround | null = null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  decidedBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  cancelledBy: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  cancelReason: string | null = null;

  @Property({ type: 'string', length: 100 })
  idempotencyKey!: string;
}
