import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { PROPOSAL_KINDS, PROPOSAL_OUTCOMES, type ProposalKind, type ProposalOutcome } from '@sekretariat/contracts';
import { Person } from '../bodies/person.entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';

/** A proposal in an item (the recommendation first), in voting order, with its vote: who voted against. */
@Entity({ tableName: 'minutes_proposal' })
@Index({ properties: ['agendaItem'] })
@Unique({ name: 'minutes_proposal_ordinal_unique', properties: ['agendaItem', 'ordinal'] })
export class MinutesProposal extends TenantEntity {
  [OptionalProps]?: 'person' | 'onBehalfOf' | 'outcome' | 'againstPersonIds' | 'id' | 'createdAt';

  @ManyToOne(() => AgendaItem, { ref: true, deleteRule: 'restrict' })
  agendaItem!: Ref<AgendaItem>;

  @Property({ type: 'integer' })
  ordinal!: number;

  @Enum({ items: [...PROPOSAL_KINDS] })
  kind!: ProposalKind;

  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'restrict' })
  person: Ref<Person> | null = null;

  /** As printed: "Kari Nordmann (Ap)"; the recommendation's proposer is the body or the administration. */
  @Property({ type: 'string', length: 300 })
  proposer!: string;

  @Property({ type: 'string', length: 200, default: '' })
  onBehalfOf: string & Opt = '';

  @Property({ type: 'text' })
  text!: string;

  @Enum({ items: [...PROPOSAL_OUTCOMES], default: 'pending' })
  outcome: ProposalOutcome & Opt = 'pending';

  @Property({ type: 'uuid[]', defaultRaw: "'{}'" })
  againstPersonIds: string[] & Opt = [];
}
