import { Check, Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Opt } from '@mikro-orm/core';
import { TenantEntity } from '../core/tenant-entity.js';

/** The published documents rendered once per version: the public editions anyone may download. */
export const PUBLISHED_KINDS = ['meeting-notice', 'meeting-papers', 'body-members'] as const;
export type PublishedKind = (typeof PUBLISHED_KINDS)[number];

/**
 * One rendered version of a published document (docs/published-documents.md): the PDF's bytes in
 * the document store with their checksum, and the keys of what it was rendered from. `contentKey`
 * changes with anything the document shows; `accessKey` with what the public may see of it (closed
 * items, exempt cases and documents): a version whose access key is not today's is never served.
 */
@Entity({ tableName: 'published_document' })
@Unique({ name: 'published_document_version_unique', properties: ['municipality', 'kind', 'subjectId', 'version'] })
@Unique({ name: 'published_document_content_unique', properties: ['municipality', 'kind', 'subjectId', 'contentKey'] })
@Check({ name: 'published_document_kind_check', expression: "kind in ('meeting-notice', 'meeting-papers', 'body-members')" })
@Check({ name: 'published_document_version_check', expression: 'version >= 1' })
@Index({ name: 'published_document_subject_index', properties: ['kind', 'subjectId'] })
export class PublishedDocument extends TenantEntity {
  @Property({ type: 'string', length: 40 })
  kind!: PublishedKind;

  /** The meeting or body the document is of. */
  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'string', length: 64 })
  contentKey!: string;

  @Property({ type: 'string', length: 64 })
  accessKey!: string;

  @Property({ type: 'string', length: 64 })
  sha256!: string;

  @Property({ type: 'integer' })
  size!: number;

  @Property({ type: 'string', length: 200 })
  storageKey!: string;

  @Property({ type: 'string', length: 255 })
  filename!: string;

  /** The content key a re-render was queued for (so one request queues it, not every one). */
  @Property({ type: 'string', length: 64, nullable: true })
  queuedKey: (string & Opt) | null = null;
}

/**
 * A re-render of many published documents at once (after a template change), with its progress:
 * each job adds to `done` or `failed` when it ends.
 */
@Entity({ tableName: 'published_refresh' })
@Check({ name: 'published_refresh_progress_check', expression: 'done >= 0 and failed >= 0 and done + failed <= total' })
export class PublishedRefresh extends TenantEntity {
  @Property({ type: 'integer' })
  total!: number;

  @Property({ type: 'integer', default: 0 })
  done: number & Opt = 0;

  @Property({ type: 'integer', default: 0 })
  failed: number & Opt = 0;

  @Property({ type: 'string', length: 200 })
  requestedBy!: string;
}
