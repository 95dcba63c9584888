import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table-sql.js';

/**
 * Outreach voting (ambulerende stemmegivning, docs/outreach.md): institutions and their voting
 * sessions, home-voting applications, routes with their stops, the phone's visit marks (unique
 * client id: a replay is recognised) and the officials' assignments. One official is never in
 * two sessions or routes at overlapping times: the exclusion constraint on outreach_assignment.
 * A voter is on at most one open route: the unique constraint over (application, claim).
 */
export class Migration20261208040000Outreach extends Migration {
  override up(): void {
    for (const sql of [
      `create extension if not exists btree_gist`,
      `create table "outreach_application" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "election_id" uuid not null, "reference" varchar(12) not null, "personal_number" varchar(11) not null, "name" varchar(200) not null, "address" varchar(300) not null, "postcode" varchar(4) not null, "phone" varchar(20) not null, "reason" varchar(500) not null, "applied_by" varchar(200) null, "channel" text not null, "status" text not null, "received_at" timestamptz not null, primary key ("id"))`,
      `create index "outreach_application_municipality_id_index" on "outreach_application" ("municipality_id")`,
      `create index "outreach_application_election_id_status_index" on "outreach_application" ("election_id", "status")`,
      `alter table "outreach_application" add constraint "outreach_application_reference_unique" unique ("municipality_id", "reference")`,
      `create table "outreach_institution" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "kind" text not null, "name" varchar(200) not null, "address" varchar(300) not null, "postcode" varchar(4) not null, "contact_name" varchar(200) not null, "contact_email" varchar(254) not null, "contact_phone" varchar(20) not null, "locale" text not null default 'nb', primary key ("id"))`,
      `create index "outreach_institution_municipality_id_index" on "outreach_institution" ("municipality_id")`,
      `create table "outreach_route" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "election_id" uuid not null, "date" date not null, "area" varchar(20) not null, "start_time" varchar(5) not null, "minutes_per_visit" int not null, primary key ("id"))`,
      `create index "outreach_route_municipality_id_index" on "outreach_route" ("municipality_id")`,
      `create index "outreach_route_election_id_date_index" on "outreach_route" ("election_id", "date")`,
      `create table "outreach_session" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "election_id" uuid not null, "institution_id" uuid not null, "date" date not null, "start_time" varchar(5) not null, "end_time" varchar(5) not null, "announced_at" timestamptz null, primary key ("id"))`,
      `create index "outreach_session_municipality_id_index" on "outreach_session" ("municipality_id")`,
      `create index "outreach_session_election_id_date_index" on "outreach_session" ("election_id", "date")`,
      `create table "outreach_stop" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "route_id" uuid not null, "application_id" uuid not null, "position" int not null, "window_from" varchar(5) not null, "window_to" varchar(5) not null, "claim" varchar(4) null default 'open', "outcome" text null, "marked_at" timestamptz null, "vote_id" uuid null, "vote_message" varchar(500) null, primary key ("id"))`,
      `create index "outreach_stop_municipality_id_index" on "outreach_stop" ("municipality_id")`,
      `create index "outreach_stop_route_id_index" on "outreach_stop" ("route_id")`,
      `alter table "outreach_stop" add constraint "outreach_stop_one_open_route" unique ("municipality_id", "application_id", "claim")`,
      `create table "outreach_mark" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "client_id" uuid not null, "stop_id" uuid not null, "outcome" text not null, "marked_at" timestamptz not null, "marked_by" uuid not null, "vote_id" uuid null, "vote_status" varchar(20) null, "message" varchar(500) not null, primary key ("id"))`,
      `create index "outreach_mark_municipality_id_index" on "outreach_mark" ("municipality_id")`,
      `alter table "outreach_mark" add constraint "outreach_mark_client_unique" unique ("municipality_id", "client_id")`,
      `create table "outreach_assignment" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "user_id" uuid not null, "session_id" uuid null, "route_id" uuid null, "during" tstzrange not null, primary key ("id"))`,
      `create index "outreach_assignment_municipality_id_index" on "outreach_assignment" ("municipality_id")`,
      `create index "outreach_assignment_user_id_index" on "outreach_assignment" ("user_id")`,
      `create table "outreach_settings" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "election_id" uuid not null, "deadline_date" date not null, "voting_place_id" uuid null, primary key ("id"))`,
      `create index "outreach_settings_municipality_id_index" on "outreach_settings" ("municipality_id")`,
      `alter table "outreach_settings" add constraint "outreach_settings_election_unique" unique ("election_id")`,
      `alter table "outreach_application" add constraint "outreach_application_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "outreach_application" add constraint "outreach_application_election_id_foreign" foreign key ("election_id") references "election" ("id") on delete restrict`,
      `alter table "outreach_application" add constraint "outreach_application_channel_check" check ("channel" in ('phone', 'web'))`,
      `alter table "outreach_application" add constraint "outreach_application_status_check" check ("status" in ('received', 'approved', 'visited', 'voted', 'not_at_home', 'refused', 'withdrawn'))`,
      `alter table "outreach_institution" add constraint "outreach_institution_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "outreach_institution" add constraint "outreach_institution_kind_check" check ("kind" in ('care_home', 'hospital', 'prison'))`,
      `alter table "outreach_institution" add constraint "outreach_institution_locale_check" check ("locale" in ('nb', 'nn', 'en'))`,
      `alter table "outreach_route" add constraint "outreach_route_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "outreach_route" add constraint "outreach_route_election_id_foreign" foreign key ("election_id") references "election" ("id") on delete restrict`,
      `alter table "outreach_session" add constraint "outreach_session_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "outreach_session" add constraint "outreach_session_election_id_foreign" foreign key ("election_id") references "election" ("id") on delete restrict`,
      `alter table "outreach_session" add constraint "outreach_session_institution_id_foreign" foreign key ("institution_id") references "outreach_institution" ("id") on delete restrict`,
      `alter table "outreach_stop" add constraint "outreach_stop_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "outreach_stop" add constraint "outreach_stop_route_id_foreign" foreign key ("route_id") references "outreach_route" ("id") on delete cascade`,
      `alter table "outreach_stop" add constraint "outreach_stop_application_id_foreign" foreign key ("application_id") references "outreach_application" ("id") on delete restrict`,
      `alter table "outreach_stop" add constraint "outreach_stop_outcome_check" check ("outcome" in ('voted', 'not_at_home', 'refused'))`,
      `alter table "outreach_mark" add constraint "outreach_mark_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "outreach_mark" add constraint "outreach_mark_stop_id_foreign" foreign key ("stop_id") references "outreach_stop" ("id") on delete restrict`,
      `alter table "outreach_mark" add constraint "outreach_mark_outcome_check" check ("outcome" in ('voted', 'not_at_home', 'refused'))`,
      `alter table "outreach_assignment" add constraint "outreach_assignment_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "outreach_assignment" add constraint "outreach_assignment_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete restrict`,
      `alter table "outreach_assignment" add constraint "outreach_assignment_session_id_foreign" foreign key ("session_id") references "outreach_session" ("id") on delete cascade`,
      `alter table "outreach_assignment" add constraint "outreach_assignment_route_id_foreign" foreign key ("route_id") references "outreach_route" ("id") on delete cascade`,
      `alter table "outreach_settings" add constraint "outreach_settings_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "outreach_settings" add constraint "outreach_settings_election_id_foreign" foreign key ("election_id") references "election" ("id") on delete restrict`,
      `alter table "outreach_settings" add constraint "outreach_settings_voting_place_id_foreign" foreign key ("voting_place_id") references "voting_place" ("id") on delete restrict`,
      `alter table "outreach_assignment" add constraint "outreach_assignment_no_overlap" exclude using gist (municipality_id with =, user_id with =, during with &&)`,
      ...tenantTableSql('outreach_settings'),
      ...tenantTableSql('outreach_institution'),
      ...tenantTableSql('outreach_session'),
      ...tenantTableSql('outreach_application'),
      ...tenantTableSql('outreach_route'),
      ...tenantTableSql('outreach_assignment'),
      ...tenantTableSql('outreach_stop'),
      ...tenantTableSql('outreach_mark'),
    ]) {
      this.addSql(sql);
    }
  }
}
