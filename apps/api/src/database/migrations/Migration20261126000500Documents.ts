import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table-sql.js';

/** Documents (attachments) of cases; their bytes live in the document store. */
export class Migration20261126000500Documents extends Migration {
  override up(): void {
    for (const sql of [
      `create table "case_document" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "case_id" uuid not null, "title" varchar(300) not null, "filename" varchar(255) not null, "content_type" varchar(100) not null, "size" int not null, "sha256" varchar(64) not null, "public" boolean not null default true, "legal_ground" varchar(40) null, "position" int not null default 0, "storage_key" varchar(200) not null, primary key ("id"))`,
      `create index "case_document_municipality_id_index" on "case_document" ("municipality_id")`,
      `create index "case_document_case_id_position_index" on "case_document" ("case_id", "position")`,
      `alter table "case_document" add constraint "case_document_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "case_document" add constraint "case_document_case_id_foreign" foreign key ("case_id") references "political_case" ("id") on delete restrict`,
      `alter table "case_document" add constraint "case_document_exempt_check" check ("public" or "legal_ground" is not null)`,
      ...tenantTableSql('case_document'),
    ]) {
      this.addSql(sql);
    }
  }
}
