import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { VOTE_KINDS, type VoteKind } from '@sekretariat/contracts';
import { TenantEntity } from '../common/tenant-entity.js';
import { Election } from './election.entity.js';
import { VotingPlace } from './voting-place.entity.js';

export type VoteStatus = 'counted' | 'rejected' | 'cancelled';

/**
 * One advance vote received (stemmegivning). Never deleted: a registration made in error is
 * cancelled by the election board with a reason. At most one counted vote per voter and
 * election, enforced by a partial unique index (see the migration).
 */
@Entity({ tableName: 'advance_vote' })
@Unique({ properties: ['municipality', 'idempotencyKey'] })
@Index({ properties: ['election', 'personalNumber'] })
@Index({ properties: ['votingPlace', 'castAt'] })
export class AdvanceVote extends TenantEntity {
  [OptionalProps]?: 'envelopeSerial' | 'rejectReason' | 'cancelledAt' | 'cancelledBy' | 'cancelReason' | 'id' | 'createdAt';

  @ManyToOne(() => Election, { ref: true, deleteRule: 'restrict' })
  election!: Ref<Election>;

  @Property({ type: 'string', length: 11 })
  personalNumber!: string;

  /** The municipality whose roll the voter is in (4 digits). */
  @Property({ type: 'string', length: 4 })
  voterMunicipalityNumber!: string;

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

  @Enum({ items: ['counted', 'rejected', 'cancelled'] })
  status!: VoteStatus;

  @Property({ type: 'string', length: 200, nullable: true })
  rejectReason: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  cancelledBy: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  cancelReason: string | null = null;

  @Property({ type: 'string', length: 100 })
  idempotencyKey!: string;
}
