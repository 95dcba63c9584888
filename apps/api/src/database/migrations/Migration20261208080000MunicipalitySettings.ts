import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table-sql.js';

/**
 * The municipality's settings (issue 13, docs/settings.md): one row per municipality with the notice
 * period per body type, the written standard, remote meetings (koml. § 11-7), protocol signatories,
 * the substitute's time to answer, the name and coat of arms on documents. And when a meeting's
 * notice went out, so that its timeliness can be shown after the fact.
 */
export class Migration20261208080000MunicipalitySettings extends Migration {
  override up(): void {
    for (const sql of [
      `create table "municipality_settings" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "notice_days" jsonb not null default '{}', "written_standard" text not null default 'nb', "remote_meetings_allowed" boolean not null default false, "remote_meetings_decision" varchar(200) not null default '', "protocol_signatories" int not null default 2, "substitute_answer_hours" int not null default 24, "document_name" varchar(200) not null default '', "coat_of_arms" bytea null, "coat_of_arms_width" int null, "coat_of_arms_height" int null, "coat_of_arms_bytes" int null, "coat_of_arms_updated_at" timestamptz null, "updated_at" timestamptz not null default now(), primary key ("id"))`,
      `create index "municipality_settings_municipality_id_index" on "municipality_settings" ("municipality_id")`,
      `alter table "municipality_settings" add constraint "municipality_settings_municipality_unique" unique ("municipality_id")`,
      `alter table "municipality_settings" add constraint "municipality_settings_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "municipality_settings" add constraint "municipality_settings_written_standard_check" check ("written_standard" in ('nb', 'nn'))`,
      `alter table "municipality_settings" add constraint "municipality_settings_protocol_signatories_check" check (protocol_signatories >= 1 and protocol_signatories <= 5)`,
      `alter table "municipality_settings" add constraint "municipality_settings_substitute_answer_hours_check" check (substitute_answer_hours >= 1 and substitute_answer_hours <= 168)`,
      ...tenantTableSql('municipality_settings', 'select, insert, update'),
      `alter table "meeting" add column "notice_sent_at" timestamptz null`,
    ]) {
      this.addSql(sql);
    }
  }
}
