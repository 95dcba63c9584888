import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { TenantEntity } from '../common/tenant-entity.js';
import { Case } from '../meetings/case.entity.js';

/**
 * A document of a case: an attachment (vedlegg) to the case presentation. The bytes live in the
 * DocumentStore under `storageKey`; the row keeps what was checked on upload.
 */
@Entity({ tableName: 'case_document' })
@Index({ properties: ['case', 'position'] })
@Check({ name: 'case_document_exempt_check', expression: '"public" or "legal_ground" is not null' })
export class Document extends TenantEntity {
  [OptionalProps]?: 'public' | 'legalGround' | 'position' | 'id' | 'createdAt';

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
}
