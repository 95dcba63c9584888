import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { type Opt, type Ref } from '@mikro-orm/core';
import type { Role } from '@sekretariat/contracts';
import { Person } from '../bodies/person.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';

@Entity({ tableName: 'app_user' })
export class User extends TenantEntity {
  /** Unique across the installation, stored in lower case: one login page serves every municipality. */
  @Property({ type: 'string', length: 100, unique: true })
  username!: string;

  @Property({ type: 'string', length: 200 })
  displayName!: string;

  /** argon2id hash; null for users who only sign in through an external identity provider. */
  @Property({ type: 'string', length: 255, nullable: true, hidden: true })
  passwordHash: string | null = null;

  @Property({ type: 'text[]' })
  roles!: Role[];

  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  /** The elected official this user is, if any: gives access to the papers of their bodies. */
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  person: Ref<Person> | null = null;
}
