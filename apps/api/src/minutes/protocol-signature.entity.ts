import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Ref } from '@mikro-orm/core';
import { Person } from '../bodies/person.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';
import { ProtocolVersion } from './protocol-version.entity.js';

/** A chosen member's approval of a protocol version, through their own sign-in. */
@Entity({ tableName: 'protocol_signature' })
@Unique({ name: 'protocol_signature_once', properties: ['protocol', 'person'] })
export class ProtocolSignature extends TenantEntity {
  @ManyToOne(() => ProtocolVersion, { ref: true, deleteRule: 'restrict' })
  protocol!: Ref<ProtocolVersion>;

  @ManyToOne(() => Person, { ref: true, deleteRule: 'restrict' })
  person!: Ref<Person>;

  @Property({ type: 'uuid' })
  userId!: string;
}
