import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table-sql.js';

/** Absence (forfall, inhabilitet), substitutes called in with their answers, and the members' absence links. */
export class Migration20261126020000Attendance extends Migration {
  override up(): void {
    for (const sql of [
      `create table "meeting_absence" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "meeting_id" uuid not null, "person_id" uuid not null, "agenda_item_id" uuid null, "kind" text not null, "reason" varchar(1000) not null default '', "source" text not null, "reporter_user_id" uuid null, "reported_by" varchar(200) not null, "deadline_hours" int not null, "withdrawn_at" timestamptz null, "exhausted" varchar(1000) null, primary key ("id"))`,
      `create index "meeting_absence_municipality_id_index" on "meeting_absence" ("municipality_id")`,
      `create index "meeting_absence_meeting_id_index" on "meeting_absence" ("meeting_id")`,
      // One open absence per member and meeting (whole meeting), and per member and item.
      `create unique index "meeting_absence_one_whole" on "meeting_absence" ("meeting_id", "person_id") where agenda_item_id is null and withdrawn_at is null`,
      `create unique index "meeting_absence_one_per_item" on "meeting_absence" ("meeting_id", "person_id", "agenda_item_id") where withdrawn_at is null`,
      `alter table "meeting_absence" add constraint "meeting_absence_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "meeting_absence" add constraint "meeting_absence_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on delete restrict`,
      `alter table "meeting_absence" add constraint "meeting_absence_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete restrict`,
      `alter table "meeting_absence" add constraint "meeting_absence_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on delete restrict`,
      `alter table "meeting_absence" add constraint "meeting_absence_kind_check" check ("kind" in ('absent', 'disqualified'))`,
      `alter table "meeting_absence" add constraint "meeting_absence_source_check" check ("source" in ('secretariat', 'self', 'link'))`,
      `alter table "meeting_absence" add constraint "meeting_absence_item_kind_check" check ((kind = 'disqualified') = (agenda_item_id is not null))`,

      `create table "substitute_summons" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "absence_id" uuid not null, "meeting_id" uuid not null, "person_id" uuid not null, "list" varchar(100) not null, "rank" int not null, "status" text not null default 'pending', "token_hash" varchar(64) null, "deadline" timestamptz not null, "answered_at" timestamptz null, primary key ("id"))`,
      `create index "substitute_summons_municipality_id_index" on "substitute_summons" ("municipality_id")`,
      `create index "substitute_summons_meeting_id_index" on "substitute_summons" ("meeting_id")`,
      `create index "substitute_summons_status_deadline_index" on "substitute_summons" ("status", "deadline")`,
      `alter table "substitute_summons" add constraint "substitute_summons_token_hash_unique" unique ("token_hash")`,
      // The rules that hold whatever the application does: one open summons per absence, one acceptance per substitute and meeting.
      `create unique index "substitute_summons_one_open" on "substitute_summons" ("absence_id") where status in ('pending', 'accepted')`,
      `create unique index "substitute_summons_one_accepted" on "substitute_summons" ("meeting_id", "person_id") where status = 'accepted'`,
      `alter table "substitute_summons" add constraint "substitute_summons_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "substitute_summons" add constraint "substitute_summons_absence_id_foreign" foreign key ("absence_id") references "meeting_absence" ("id") on delete restrict`,
      `alter table "substitute_summons" add constraint "substitute_summons_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on delete restrict`,
      `alter table "substitute_summons" add constraint "substitute_summons_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete restrict`,
      `alter table "substitute_summons" add constraint "substitute_summons_status_check" check ("status" in ('pending', 'accepted', 'declined', 'expired', 'withdrawn'))`,

      `create table "absence_link" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "meeting_id" uuid not null, "person_id" uuid not null, "token_hash" varchar(64) not null, primary key ("id"))`,
      `create index "absence_link_municipality_id_index" on "absence_link" ("municipality_id")`,
      `create index "absence_link_meeting_id_person_id_index" on "absence_link" ("meeting_id", "person_id")`,
      `alter table "absence_link" add constraint "absence_link_token_hash_unique" unique ("token_hash")`,
      `alter table "absence_link" add constraint "absence_link_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "absence_link" add constraint "absence_link_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on delete restrict`,
      `alter table "absence_link" add constraint "absence_link_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete restrict`,
      ...['meeting_absence', 'substitute_summons', 'absence_link'].flatMap((t) => tenantTableSql(t)),
    ]) {
      this.addSql(sql);
    }
  }
}
