import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { type Ref } from '@mikro-orm/core';
import { Person } from '../bodies/person.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';
import { Meeting } from '../meetings/meeting.entity.js';

/**
 * A member's personal link in the notice e-mail (`/forfall/<token>`) to report absence without
 * signing in. Only the SHA-256 of the token is stored; each notice e-mail gets a new one.
 */
@Entity({ tableName: 'absence_link' })
@Index({ properties: ['meeting', 'person'] })
export class AbsenceLink extends TenantEntity {
  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'restrict' })
  meeting!: Ref<Meeting>;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  person!: Ref<Person>;

  @Property({ type: 'string', length: 64, unique: 'absence_link_token_hash_unique' })
  tokenHash!: string;
}
