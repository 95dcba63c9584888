import { Entity, Enum, Property } from '@mikro-orm/decorators/legacy';
import { type Opt } from '@mikro-orm/core';
import { BODY_KINDS, type BodyKind } from '@sekretariat/contracts';
import { TenantEntity } from '../common/tenant-entity.js';

/** A political body: kommunestyre, formannskap, a committee, a council, the election board. */
@Entity({ tableName: 'body' })
export class Body extends TenantEntity {
  @Property({ type: 'string', length: 200 })
  name!: string;

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
