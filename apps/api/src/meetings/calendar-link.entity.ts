import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Ref } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';
import { Person } from '../bodies/person.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';

/**
 * An official's secret calendar address (/api/public/calendar/<token>.ics): calendar apps cannot
 * send a cookie, so the token is the key. Only its SHA-256 is stored; one per user, replaced on rotation.
 */
@Entity({ tableName: 'calendar_link' })
@Unique({ name: 'calendar_link_user_id_unique', properties: ['user'] })
export class CalendarLink extends TenantEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  /** The person whose seats the feed shows; the feed stops if the user is no longer that person. */
  @ManyToOne(() => Person, { ref: true, deleteRule: 'cascade' })
  person!: Ref<Person>;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;
}
