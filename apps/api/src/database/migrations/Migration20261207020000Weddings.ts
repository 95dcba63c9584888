import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table-sql.js';

const TENANT = `"id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now()`;
const fk = (table: string, column: string, target: string) =>
  `alter table "${table}" add constraint "${table}_${column}_foreign" foreign key ("${column}") references "${target}" ("id") on delete restrict`;

/**
 * Civil weddings (el. §§ 12, 12 a): places, officiants, availability, blocked days, settings, the
 * reference sequence and the bookings. A place and an officiant hold one ceremony at a time:
 * two exclusion constraints over `during` (ceremony and buffer) for holds and bookings.
 */
export class Migration20261207020000Weddings extends Migration {
  override up(): void {
    for (const sql of [
      `create extension if not exists btree_gist`,
      `create table "wedding_place" (${TENANT}, "name" varchar(200) not null, "capacity" int not null, "accessibility" text not null default '', "active" boolean not null default true, primary key ("id"))`,
      `create index "wedding_place_municipality_id_index" on "wedding_place" ("municipality_id")`,
      `create table "wedding_officiant" (${TENANT}, "name" varchar(200) not null, "kind" text not null, "decision_ref" varchar(100) null, "authorised_from" date null, "authorised_to" date null, "active" boolean not null default true, primary key ("id"))`,
      `create index "wedding_officiant_municipality_id_index" on "wedding_officiant" ("municipality_id")`,
      `create table "wedding_availability" (${TENANT}, "place_id" uuid not null, "officiant_id" uuid null, "weekday" int not null, "start_time" varchar(5) not null, "end_time" varchar(5) not null, "slot_minutes" int not null, "buffer_minutes" int not null default 0, "valid_from" date not null, "valid_to" date null, primary key ("id"))`,
      `create index "wedding_availability_municipality_id_index" on "wedding_availability" ("municipality_id")`,
      `create index "wedding_availability_place_id_index" on "wedding_availability" ("place_id")`,
      `create table "wedding_blocked_day" (${TENANT}, "date" date not null, "place_id" uuid null, "reason" varchar(300) not null default '', primary key ("id"))`,
      `create index "wedding_blocked_day_municipality_id_index" on "wedding_blocked_day" ("municipality_id")`,
      `create table "wedding_settings" (${TENANT}, "fee_nok" int not null default 0, "info_nb" text not null default '', "info_nn" text not null default '', "info_en" text not null default '', primary key ("id"))`,
      `create index "wedding_settings_municipality_id_index" on "wedding_settings" ("municipality_id")`,
      `alter table "wedding_settings" add constraint "wedding_settings_municipality_unique" unique ("municipality_id")`,
      `create table "wedding_sequence" (${TENANT}, "year" int not null, "last" int not null, primary key ("id"))`,
      `create index "wedding_sequence_municipality_id_index" on "wedding_sequence" ("municipality_id")`,
      `alter table "wedding_sequence" add constraint "wedding_sequence_year_unique" unique ("municipality_id", "year")`,
      `create table "wedding_booking" (${TENANT}, "place_id" uuid not null, "officiant_id" uuid null, "status" text not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "during" tstzrange not null, "hold_expires_at" timestamptz null, "hold_token_hash" varchar(64) null, "reference" varchar(20) null, "manage_token_hash" varchar(64) null, "mail_token_hash" varchar(64) null, "parties" jsonb null, "witnesses" jsonb null, "ceremony_language" text null, "guests" int not null default 0, "certificate_issued_on" date null, "certificate_checked" boolean not null default false, "notes" text not null default '', "locale" text not null default 'nb', "fee_free" boolean not null default false, "fee_nok" int not null default 0, "cancel_reason" text null, "cancelled_at" timestamptz null, "booked_at" timestamptz null, "held_at" timestamptz null, "registry_notice_sent_at" timestamptz null, primary key ("id"))`,
      `create index "wedding_booking_municipality_id_index" on "wedding_booking" ("municipality_id")`,
      `create index "wedding_booking_place_id_starts_at_index" on "wedding_booking" ("place_id", "starts_at")`,
      `alter table "wedding_booking" add constraint "wedding_booking_reference_unique" unique ("municipality_id", "reference")`,
      fk('wedding_place', 'municipality_id', 'municipality'),
      fk('wedding_officiant', 'municipality_id', 'municipality'),
      `alter table "wedding_officiant" add constraint "wedding_officiant_kind_check" check ("kind" in ('mayor', 'deputy_mayor', 'authorised'))`,
      fk('wedding_availability', 'municipality_id', 'municipality'),
      fk('wedding_availability', 'place_id', 'wedding_place'),
      fk('wedding_availability', 'officiant_id', 'wedding_officiant'),
      fk('wedding_blocked_day', 'municipality_id', 'municipality'),
      fk('wedding_blocked_day', 'place_id', 'wedding_place'),
      fk('wedding_settings', 'municipality_id', 'municipality'),
      fk('wedding_sequence', 'municipality_id', 'municipality'),
      fk('wedding_booking', 'municipality_id', 'municipality'),
      fk('wedding_booking', 'place_id', 'wedding_place'),
      fk('wedding_booking', 'officiant_id', 'wedding_officiant'),
      `alter table "wedding_booking" add constraint "wedding_booking_status_check" check ("status" in ('held', 'booked', 'cancelled', 'held_ceremony'))`,
      `alter table "wedding_booking" add constraint "wedding_booking_ceremony_language_check" check ("ceremony_language" in ('nb', 'nn', 'se', 'en', 'de', 'fr', 'es', 'ru'))`,
      `alter table "wedding_booking" add constraint "wedding_booking_locale_check" check ("locale" in ('nb', 'nn', 'en'))`,
      // The rules that make a double booking impossible, whatever the application does: live holds
      // and bookings of one place, and of one officiant, never overlap (ceremony plus buffer).
      `alter table "wedding_booking" add constraint "wedding_booking_place_no_overlap" exclude using gist (municipality_id with =, place_id with =, during with &&) where (status in ('held', 'booked'))`,
      `alter table "wedding_booking" add constraint "wedding_booking_officiant_no_overlap" exclude using gist (municipality_id with =, officiant_id with =, during with &&) where (status in ('held', 'booked') and officiant_id is not null)`,
      ...tenantTableSql('wedding_place'),
      ...tenantTableSql('wedding_officiant'),
      ...tenantTableSql('wedding_availability'),
      ...tenantTableSql('wedding_blocked_day'),
      ...tenantTableSql('wedding_settings'),
      ...tenantTableSql('wedding_sequence'),
      ...tenantTableSql('wedding_booking'),
    ]) {
      this.addSql(sql);
    }
  }
}
