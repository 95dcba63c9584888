import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table-sql.js';

/** The officials' reader: read marks and personal annotations (notes) on agenda items and documents. */
export class Migration20261126040000Reader extends Migration {
  override up(): void {
    for (const sql of [
      `create table "reader_read_mark" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "user_id" uuid not null, "agenda_item_id" uuid null, "document_id" uuid null, "read_at" timestamptz not null default now(), primary key ("id"))`,
      `create index "reader_read_mark_municipality_id_index" on "reader_read_mark" ("municipality_id")`,
      `create index "reader_read_mark_document_id_index" on "reader_read_mark" ("document_id")`,
      `create index "reader_read_mark_agenda_item_id_index" on "reader_read_mark" ("agenda_item_id")`,
      // One mark per user and target: marking read twice is a no-op (insert … on conflict do nothing).
      `alter table "reader_read_mark" add constraint "reader_read_mark_document_unique" unique ("user_id", "document_id")`,
      `alter table "reader_read_mark" add constraint "reader_read_mark_item_unique" unique ("user_id", "agenda_item_id")`,
      `create table "reader_annotation" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "user_id" uuid not null, "document_id" uuid null, "agenda_item_id" uuid null, "page" int null, "quote" text not null default '', "text" text not null default '', "shared" text not null default 'private', "version" int not null default 1, "client_updated_at" timestamptz not null, "saved_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"))`,
      `create index "reader_annotation_municipality_id_index" on "reader_annotation" ("municipality_id")`,
      `create index "reader_annotation_user_id_index" on "reader_annotation" ("user_id")`,
      `create index "reader_annotation_agenda_item_id_user_id_index" on "reader_annotation" ("agenda_item_id", "user_id")`,
      `create index "reader_annotation_document_id_user_id_index" on "reader_annotation" ("document_id", "user_id")`,
      `alter table "reader_read_mark" add constraint "reader_read_mark_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "reader_read_mark" add constraint "reader_read_mark_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade`,
      `alter table "reader_read_mark" add constraint "reader_read_mark_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on delete cascade`,
      `alter table "reader_read_mark" add constraint "reader_read_mark_document_id_foreign" foreign key ("document_id") references "case_document" ("id") on delete cascade`,
      `alter table "reader_read_mark" add constraint "reader_read_mark_target_check" check (("agenda_item_id" is null) <> ("document_id" is null))`,
      `alter table "reader_annotation" add constraint "reader_annotation_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "reader_annotation" add constraint "reader_annotation_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade`,
      `alter table "reader_annotation" add constraint "reader_annotation_document_id_foreign" foreign key ("document_id") references "case_document" ("id") on delete cascade`,
      `alter table "reader_annotation" add constraint "reader_annotation_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on delete cascade`,
      `alter table "reader_annotation" add constraint "reader_annotation_target_check" check (("agenda_item_id" is null) <> ("document_id" is null))`,
      `alter table "reader_annotation" add constraint "reader_annotation_shared_check" check ("shared" in ('private', 'group'))`,
      ...['reader_read_mark', 'reader_annotation'].flatMap((t) => tenantTableSql(t)),
    ]) {
      this.addSql(sql);
    }
  }
}
