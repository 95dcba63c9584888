import { Entity, Enum, Property } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps } from '@mikro-orm/core';
import { OFFICIANT_KINDS, type OfficiantKind } from '@sekretariat/contracts';
import { TenantEntity } from '../municipalities/tenant-entity.js';

/**
 * A vigsler (el. § 12): the mayor and deputy mayor by law; others authorised by the municipal
 * council, with the decision and its period.
 */
@Entity({ tableName: 'wedding_officiant' })
export class WeddingOfficiant extends TenantEntity {
  [OptionalProps]?: 'decisionRef' | 'authorisedFrom' | 'authorisedTo' | 'active' | 'id' | 'createdAt';

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
}
