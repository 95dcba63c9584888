import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import {
  BODY_KINDS,
  ELECTION_METHODS,
  SUBSTITUTE_ORDERS,
  type BodyKind,
  type ElectionMethod,
  type SubstituteOrder,
} from '@sekretariat/contracts';
import { TenantEntity } from '../core/tenant-entity.js';

/** A political body: kommunestyre, formannskap, a committee, a council, the election board. */
@Entity({ tableName: 'body' })
export class Body extends TenantEntity {
  [OptionalProps]?: 'nameNn' | 'parent' | 'delegation' | 'electionMethod' | 'substituteOrder' | 'isPublic' | 'id' | 'createdAt';

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** The name in nynorsk, where the municipality uses it. */
  @Property({ type: 'string', length: 200, nullable: true })
  nameNn: string | null = null;

  @ManyToOne(() => Body, { ref: true, nullable: true, deleteRule: 'restrict' })
  parent: Ref<Body> | null = null;

  /** What the body may decide (delegeringsreglement), as adopted. */
  @Property({ type: 'text', default: '' })
  delegation: string & Opt = '';

  /** How the members were elected (koml. §§ 7-5 to 7-8), as it was made. */
  @Enum({ items: [...ELECTION_METHODS], default: 'forholdsvalg' })
  electionMethod: ElectionMethod & Opt = 'forholdsvalg';

  /** Substitutes in elected order per list, or one common ranked list. */
  @Enum({ items: [...SUBSTITUTE_ORDERS], default: 'per_list' })
  substituteOrder: SubstituteOrder & Opt = 'per_list';

  @Enum({ items: [...BODY_KINDS] })
  kind!: BodyKind;

  @Property({ type: 'integer' })
  seats!: number;

  /** Valgperiode, e.g. 2023-10-01 to 2027-09-30. */
  @Property({ type: 'date' })
  termFrom!: string;

  @Property({ type: 'date' })
  termTo!: string;

  /** Whether the public may see the body and its members. */
  @Property({ type: 'boolean', default: true })
  isPublic: boolean & Opt = true;
}
