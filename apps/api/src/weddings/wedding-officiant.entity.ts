import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { OFFICIANT_KINDS, type OfficiantKind } from '@sekretariat/contracts';
import { User } from '../auth/user.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';

/**
 * A vigsler (el. § 12): the mayor and deputy mayor by law; others authorised by the municipal
 * council, with the decision and its period.
 */
@Entity({ tableName: 'wedding_officiant' })
@Unique({ name: 'wedding_officiant_user_unique', properties: ['municipality', 'user'] })
export class WeddingOfficiant extends TenantEntity {
  [OptionalProps]?: 'decisionRef' | 'authorisedFrom' | 'authorisedTo' | 'active' | 'user' | 'id' | 'createdAt';

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: [...OFFICIANT_KINDS] })
  kind!: OfficiantKind;

  @Property({ type: 'string', length: 100, nullable: true })
  decisionRef: string | null = null;

  @Property({ type: 'date', nullable: true })
  authorisedFrom: string | null = null;

  @Property({ type: 'date', nullable: true })
  authorisedTo: string | null = null;

  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  /** The user who signs in as this officiant (role wedding_officiant) and sees only these ceremonies. */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  user: Ref<User> | null = null;
}
