import { Check, Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps } from '@mikro-orm/core';
import { TenantEntity } from '../common/tenant-entity.js';

/** A political case (sak) with its case presentation (saksframlegg). */
@Entity({ tableName: 'political_case' })
@Index({ properties: ['archiveReference'] })
@Check({ name: 'political_case_exempt_check', expression: '"public" or "legal_ground" is not null' })
export class Case extends TenantEntity {
  [OptionalProps]?: 'caseOfficer' | 'summary' | 'background' | 'assessment' | 'recommendation' | 'public' | 'legalGround' | 'id' | 'createdAt';

  /** Arkivsak, normalised to "25/1234". */
  @Property({ type: 'string', length: 20 })
  archiveReference!: string;

  @Property({ type: 'string', length: 300 })
  title!: string;

  @Property({ type: 'string', length: 200, default: '' })
  caseOfficer: string & Opt = '';

  @Property({ type: 'text', default: '' })
  summary: string & Opt = '';

  @Property({ type: 'text', default: '' })
  background: string & Opt = '';

  @Property({ type: 'text', default: '' })
  assessment: string & Opt = '';

  /** Innstilling. */
  @Property({ type: 'text', default: '' })
  recommendation: string & Opt = '';

  @Property({ type: 'boolean', fieldName: 'public', default: true })
  public: boolean & Opt = true;

  /** Code from LEGAL_GROUNDS; required when the case is exempt. */
  @Property({ type: 'string', length: 40, nullable: true })
  legalGround: string | null = null;
}
