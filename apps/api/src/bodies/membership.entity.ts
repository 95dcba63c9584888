import { Check, Entity, Enum, Index, ManyToOne, OneToMany, Property } from '@mikro-orm/decorators/legacy';
import { Collection, OptionalProps, type Ref } from '@mikro-orm/core';
import { MembershipLeave } from './membership-leave.entity.js';
import type { END_REASONS, MemberRole } from '@sekretariat/contracts';

type EndReason = (typeof END_REASONS)[number];
import { TenantEntity } from '../core/tenant-entity.js';
import { Body } from './body.entity.js';
import { Party } from './party.entity.js';
import { Person } from './person.entity.js';

export type MembershipKind = 'member' | 'substitute';

/** A seat or a place on the substitute list, for a period. Never deleted: it ends. */
@Entity({ tableName: 'membership' })
@Index({ properties: ['body', 'kind'] })
@Index({ properties: ['person'] })
@Check({ name: 'membership_period_check', expression: '"to" is null or "to" >= "from"' })
@Check({ name: 'membership_rank_check', expression: `(kind = 'substitute') = (rank is not null)` })
export class Membership extends TenantEntity {
  [OptionalProps]?: 'party' | 'rank' | 'to' | 'endReason' | 'decisionRef' | 'leaves' | 'id' | 'createdAt';

  @ManyToOne(() => Body, { ref: true, deleteRule: 'restrict' })
  body!: Ref<Body>;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  person!: Ref<Person>;

  /** The list or group the person was elected from. */
  @ManyToOne(() => Party, { ref: true, nullable: true, deleteRule: 'restrict' })
  party: Ref<Party> | null = null;

  @Enum({ items: ['member', 'substitute'] })
  kind!: MembershipKind;

  @Enum({ items: ['leader', 'deputy_leader', 'member'] })
  role!: MemberRole;

  /** Order on the substitute list (1 = first called in); null for members. */
  @Property({ type: 'integer', nullable: true })
  rank: number | null = null;

  @Property({ type: 'date', fieldName: 'from' })
  from!: string;

  @Property({ type: 'date', fieldName: 'to', nullable: true })
  to: string | null = null;

  /** Why it ended: term_end, released (fritak), resigned, moved, deceased, replaced, other. */
  @Property({ type: 'string', length: 30, nullable: true })
  endReason: EndReason | null = null;

  /** The decision behind the start or end, e.g. "PS 12/25". */
  @Property({ type: 'string', length: 50, nullable: true })
  decisionRef: string | null = null;

  @OneToMany(() => MembershipLeave, (l) => l.membership)
  leaves = new Collection<MembershipLeave>(this);
}
