import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { type Ref } from '@mikro-orm/core';
import { TenantEntity } from '../core/tenant-entity.js';
import { User } from './user.entity.js';

/** A signed-in browser. Only the SHA-256 of the cookie's token is stored. */
@Entity({ tableName: 'app_session' })
export class Session extends TenantEntity {
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'datetime' })
  expiresAt!: Date;
}
