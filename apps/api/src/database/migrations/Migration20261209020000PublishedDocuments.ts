import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table-sql.js';

/**
 * Published documents rendered once per version (issue 17, docs/published-documents.md): the
 * versions with their checksum and store key, and the progress of a re-render of many.
 */
export class Migration20261209020000PublishedDocuments extends Migration {
  override up(): void {
    for (const sql of [
      `create table "published_document" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "kind" varchar(40) not null, "subject_id" uuid not null, "version" int not null, "content_key" varchar(64) not null, "access_key" varchar(64) not null, "sha256" varchar(64) not null, "size" int not null, "storage_key" varchar(200) not null, "filename" varchar(255) not null, "queued_key" varchar(64) null, primary key ("id"))`,
      `create index "published_document_municipality_id_index" on "published_document" ("municipality_id")`,
      `create index "published_document_subject_index" on "published_document" ("kind", "subject_id")`,
      `alter table "published_document" add constraint "published_document_version_unique" unique ("municipality_id", "kind", "subject_id", "version")`,
      `alter table "published_document" add constraint "published_document_content_unique" unique ("municipality_id", "kind", "subject_id", "content_key")`,
      `alter table "published_document" add constraint "published_document_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "published_document" add constraint "published_document_kind_check" check (kind in ('meeting-notice', 'meeting-papers', 'body-members'))`,
      `alter table "published_document" add constraint "published_document_version_check" check (version >= 1)`,
      ...tenantTableSql('published_document'),
      `create table "published_refresh" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "total" int not null, "done" int not null default 0, "failed" int not null default 0, "requested_by" varchar(200) not null, primary key ("id"))`,
      `create index "published_refresh_municipality_id_index" on "published_refresh" ("municipality_id")`,
      `alter table "published_refresh" add constraint "published_refresh_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "published_refresh" add constraint "published_refresh_progress_check" check (done >= 0 and failed >= 0 and done + failed <= total)`,
      ...tenantTableSql('published_refresh', 'select, insert, update'),
    ]) {
      this.addSql(sql);
    }
  }
}
