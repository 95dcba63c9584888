import { Check, Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps } from '@mikro-orm/core';
import { TenantEntity } from '../core/tenant-entity.js';
import { CASE_SEARCH_VECTOR } from './search-vectors.js';

/** A political case (sak) with its case presentation (saksframlegg). */
@Entity({ tableName: 'political_case' })
@Index({ properties: ['archiveReference'] })
@Index({ name: 'political_case_search_index', properties: ['search'], type: 'fulltext' })
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

  /** Full-text search vector (documents/search.service.ts), kept by PostgreSQL. */
  @Property({ type: 'tsvector', generated: `(${CASE_SEARCH_VECTOR}) stored`, lazy: true, hidden: true, nullable: true })
  search?: string;

  /**
   * Visible to the public (the public search's filter): kept by database triggers
   * (Migration20261126050000PublicSearch), never written by the application.
   */
  @Property({ type: 'boolean', default: false, lazy: true, hidden: true })
  publishedPublic?: boolean;
}
