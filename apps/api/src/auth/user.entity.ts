import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { type Opt } from '@mikro-orm/core';
import type { Role } from '@sekretariat/contracts';
import { TenantEntity } from '../common/tenant-entity.js';

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
}
