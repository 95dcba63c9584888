import { Check, Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';
import { TenantEntity } from '../core/tenant-entity.js';
import { Document } from '../documents/document.entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';

/**
 * "I have read this": one row per user and agenda item or document, none when unread. The unique
 * constraints make marking read idempotent (insert … on conflict do nothing).
 */
@Entity({ tableName: 'reader_read_mark' })
@Unique({ name: 'reader_read_mark_item_unique', properties: ['user', 'agendaItem'] })
@Unique({ name: 'reader_read_mark_document_unique', properties: ['user', 'document'] })
@Index({ properties: ['agendaItem'] })
@Index({ properties: ['document'] })
@Check({ name: 'reader_read_mark_target_check', expression: '("agenda_item_id" is null) <> ("document_id" is null)' })
export class ReadMark extends TenantEntity {
  [OptionalProps]?: 'agendaItem' | 'document' | 'readAt' | 'id' | 'createdAt';

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @ManyToOne(() => AgendaItem, { ref: true, nullable: true, deleteRule: 'cascade' })
  agendaItem: Ref<AgendaItem> | null = null;

  @ManyToOne(() => Document, { ref: true, nullable: true, deleteRule: 'cascade' })
  document: Ref<Document> | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  readAt: Date & Opt = new Date();
}
