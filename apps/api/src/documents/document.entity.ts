import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { TenantEntity } from '../core/tenant-entity.js';
import { Case } from '../cases/case.entity.js';
import { DOCUMENT_SEARCH_VECTOR } from '../cases/search-vectors.js';

export const TEXT_STATUSES = ['none', 'pending', 'done', 'failed'] as const;
/** none: not a type we read text from; pending: queued; done; failed: unreadable (logged). */
export type TextStatus = (typeof TEXT_STATUSES)[number];

/**
 * A document of a case: an attachment (vedlegg) to the case presentation. The bytes live in the
 * DocumentStore under `storageKey`; the row keeps what was checked on upload.
 */
@Entity({ tableName: 'case_document' })
@Index({ properties: ['case', 'position'] })
@Check({ name: 'case_document_exempt_check', expression: '"public" or "legal_ground" is not null' })
@Check({ name: 'case_document_text_status_check', expression: `"text_status" in ('none', 'pending', 'done', 'failed')` })
@Index({ name: 'case_document_search_index', properties: ['search'], type: 'fulltext' })
export class Document extends TenantEntity {
  [OptionalProps]?: 'public' | 'legalGround' | 'position' | 'text' | 'textStatus' | 'id' | 'createdAt';

  @ManyToOne(() => Case, { ref: true, deleteRule: 'restrict' })
  case!: Ref<Case>;

  @Property({ type: 'string', length: 300 })
  title!: string;

  /** The name it was uploaded with, for downloads. */
  @Property({ type: 'string', length: 255 })
  filename!: string;

  /** Sniffed from the content, not taken from the upload's headers. */
  @Property({ type: 'string', length: 100 })
  contentType!: string;

  @Property({ type: 'integer' })
  size!: number;

  /** Hex SHA-256 of the content: checked when read back. */
  @Property({ type: 'string', length: 64 })
  sha256!: string;

  @Property({ type: 'boolean', fieldName: 'public', default: true })
  public: boolean & Opt = true;

  /** Code from LEGAL_GROUNDS; required when the document is exempt. */
  @Property({ type: 'string', length: 40, nullable: true })
  legalGround: string | null = null;

  /** Order among the case's documents. */
  @Property({ type: 'integer', default: 0 })
  position: number & Opt = 0;

  @Property({ type: 'string', length: 200 })
  storageKey!: string;

  /** Text extracted from the content for search (capped), by the document.extract-text job. */
  @Property({ type: 'text', nullable: true, lazy: true })
  text: string | null = null;

  @Property({ type: 'string', length: 20, default: 'none' })
  textStatus: TextStatus & Opt = 'none';

  /** Full-text search vector, kept by PostgreSQL; read only in search queries. */
  @Property({ type: 'tsvector', generated: `(${DOCUMENT_SEARCH_VECTOR}) stored`, lazy: true, hidden: true, nullable: true })
  search?: string;

  /**
   * Visible to the public (the public search's filter): kept by database triggers
   * (Migration20261126050000PublicSearch), never written by the application.
   */
  @Property({ type: 'boolean', default: false, lazy: true, hidden: true })
  publishedPublic?: boolean;
}
