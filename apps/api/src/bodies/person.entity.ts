import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { type Ref } from '@mikro-orm/core';
import { TenantEntity } from '../common/tenant-entity.js';
import { Party } from './party.entity.js';

export type Gender = 'female' | 'male' | 'other';

/** An elected official or substitute. */
@Entity({ tableName: 'person' })
export class Person extends TenantEntity {
  @Property({ type: 'string', length: 100 })
  givenName!: string;

  @Property({ type: 'string', length: 100 })
  familyName!: string;

  @Enum({ items: ['female', 'male', 'other'], nativeEnumName: undefined })
  gender!: Gender;

  @ManyToOne(() => Party, { ref: true, nullable: true, deleteRule: 'set null' })
  party: Ref<Party> | null = null;

  /** Work contact; shown only to signed-in staff. */
  @Property({ type: 'string', length: 200, nullable: true })
  email: string | null = null;

  @Property({ type: 'string', length: 40, nullable: true })
  phone: string | null = null;

  fullName(): string {
    return `${this.givenName} ${this.familyName}`;
  }
}
