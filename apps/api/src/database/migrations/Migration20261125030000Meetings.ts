import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table-sql.js';

/** Meetings, political cases and agenda items, numbered per body and year. */
export class Migration20261125030000Meetings extends Migration {
  override up(): void {
    for (const sql of [
      `create table "political_case" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "archive_reference" varchar(20) not null, "title" varchar(300) not null, "case_officer" varchar(200) not null default '', "summary" text not null default '', "background" text not null default '', "assessment" text not null default '', "recommendation" text not null default '', "public" boolean not null default true, "legal_ground" varchar(40) null, primary key ("id"))`,
      `create index "political_case_municipality_id_index" on "political_case" ("municipality_id")`,
      `create index "political_case_archive_reference_index" on "political_case" ("archive_reference")`,
      `create table "meeting" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "body_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz null, "place" varchar(300) not null default '', "remote" boolean not null default false, "status" text not null default 'planned', "video_url" varchar(500) null, primary key ("id"))`,
      `create index "meeting_municipality_id_index" on "meeting" ("municipality_id")`,
      `create index "meeting_body_id_starts_at_index" on "meeting" ("body_id", "starts_at")`,
      `create table "agenda_item" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "meeting_id" uuid not null, "body_id" uuid not null, "case_id" uuid null, "title" varchar(300) null, "type" text not null, "year" int not null, "sequence" int not null, "number" varchar(20) not null, "position" int not null, "closed" boolean not null default false, "legal_ground" varchar(40) null, "video_start_seconds" int null, primary key ("id"))`,
      `create index "agenda_item_municipality_id_index" on "agenda_item" ("municipality_id")`,
      `create index "agenda_item_case_id_index" on "agenda_item" ("case_id")`,
      `create index "agenda_item_meeting_id_position_index" on "agenda_item" ("meeting_id", "position")`,
      // The rule that makes a number used twice impossible, whatever the application does.
      `alter table "agenda_item" add constraint "agenda_item_number_unique" unique ("body_id", "year", "type", "sequence")`,
      `alter table "political_case" add constraint "political_case_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "political_case" add constraint "political_case_exempt_check" check ("public" or "legal_ground" is not null)`,
      `alter table "meeting" add constraint "meeting_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "meeting" add constraint "meeting_body_id_foreign" foreign key ("body_id") references "body" ("id") on delete restrict`,
      `alter table "meeting" add constraint "meeting_status_check" check ("status" in ('planned', 'notice_sent', 'held', 'minutes_approved'))`,
      `alter table "agenda_item" add constraint "agenda_item_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "agenda_item" add constraint "agenda_item_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on delete restrict`,
      `alter table "agenda_item" add constraint "agenda_item_body_id_foreign" foreign key ("body_id") references "body" ("id") on delete restrict`,
      `alter table "agenda_item" add constraint "agenda_item_case_id_foreign" foreign key ("case_id") references "political_case" ("id") on delete restrict`,
      `alter table "agenda_item" add constraint "agenda_item_title_check" check ("case_id" is not null or "title" is not null)`,
      `alter table "agenda_item" add constraint "agenda_item_closed_check" check (not "closed" or "legal_ground" is not null)`,
      `alter table "agenda_item" add constraint "agenda_item_type_check" check ("type" in ('PS', 'RS', 'OS', 'DS'))`,
      ...['political_case', 'meeting', 'agenda_item'].flatMap((t) => tenantTableSql(t)),
    ]) {
      this.addSql(sql);
    }
  }
}
