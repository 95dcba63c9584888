import { Check, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { ANNOTATION_SHARING, type AnnotationSharing, type HighlightRect } from '@sekretariat/contracts';
import { User } from '../auth/user.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';
import { Document } from '../documents/document.entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';

/**
 * An official's note on a document (optionally anchored to a page and a quoted passage, or a
 * highlight of that passage on the PDF page) or on an agenda item. The id comes from the client, so notes can be made offline; `version` counts the
 * accepted changes, for conflict detection when an offline change arrives late. A deleted note
 * stays as a tombstone (`deletedAt`, text cleared) so a late replay cannot bring it back.
 * The text is personal: it is never written to the audit log or the application log.
 */
@Entity({ tableName: 'reader_annotation' })
@Index({ properties: ['document', 'user'] })
@Index({ properties: ['agendaItem', 'user'] })
@Index({ properties: ['user'] })
@Check({ name: 'reader_annotation_target_check', expression: '("agenda_item_id" is null) <> ("document_id" is null)' })
@Check({
  name: 'reader_annotation_rects_check',
  expression: `jsonb_typeof("rects") = 'array' and jsonb_array_length("rects") <= 200 and (jsonb_array_length("rects") = 0 or ("document_id" is not null and "page" is not null))`,
})
export class ReaderAnnotation extends TenantEntity {
  [OptionalProps]?: 'agendaItem' | 'document' | 'page' | 'quote' | 'text' | 'shared' | 'rects' | 'version' | 'savedAt' | 'deletedAt' | 'id' | 'createdAt';

  /** The author; only they may change it. */
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @ManyToOne(() => Document, { ref: true, nullable: true, deleteRule: 'cascade' })
  document: Ref<Document> | null = null;

  @ManyToOne(() => AgendaItem, { ref: true, nullable: true, deleteRule: 'cascade' })
  agendaItem: Ref<AgendaItem> | null = null;

  @Property({ type: 'integer', nullable: true })
  page: number | null = null;

  @Property({ type: 'text', default: '' })
  quote: string & Opt = '';

  @Property({ type: 'text', default: '' })
  text: string & Opt = '';

  @Enum({ items: [...ANNOTATION_SHARING], default: 'private' })
  shared: AnnotationSharing & Opt = 'private';

  /** A highlight: the selected text's areas on `page`, as fractions of the page (empty for a plain note). */
  @Property({ type: 'json', default: '[]' })
  rects: HighlightRect[] & Opt = [];

  @Property({ type: 'integer', default: 1 })
  version: number & Opt = 1;

  /** The author's clock when the change was made (offline changes arrive later). */
  @Property({ type: 'datetime' })
  clientUpdatedAt!: Date;

  /** The server's clock when the change was saved. */
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  savedAt: Date & Opt = new Date();

  @Property({ type: 'datetime', nullable: true })
  deletedAt: Date | null = null;
}
