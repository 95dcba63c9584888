import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { TenantEntity } from '../core/tenant-entity.js';
import { Party } from './party.entity.js';

export type Gender = 'female' | 'male' | 'other';

/** An elected official or substitute. */
@Entity({ tableName: 'person' })
export class Person extends TenantEntity {
  [OptionalProps]?: 'party' | 'email' | 'phone' | 'personalNumber' | 'id' | 'createdAt';

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

  /** Optional fødselsnummer (synthetic in demo and tests); never sent out unmasked, never logged. */
  @Property({ type: 'string', length: 11, nullable: true, hidden: true })
  personalNumber: string | null = null;

  fullName(): string {
    return `${this.givenName} ${this.familyName}`;
  }
}
