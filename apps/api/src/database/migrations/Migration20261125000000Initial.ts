import { Migration } from '@mikro-orm/migrations';

/** Tables for municipalities, users, sessions, the audit log, and the register of bodies. Generated from the entities. */
export class Migration20261125000000Initial extends Migration {
  override up(): void {
    this.addSql(`create table "municipality" ("id" uuid not null, "slug" varchar(50) not null, "name" varchar(200) not null, "number" varchar(4) not null, "created_at" timestamptz not null default now(), primary key ("id"))`);
    this.addSql(`alter table "municipality" add constraint "municipality_slug_unique" unique ("slug")`);
    this.addSql(`alter table "municipality" add constraint "municipality_number_unique" unique ("number")`);
    this.addSql(`create table "body" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "name" varchar(200) not null, "kind" text not null, "seats" int not null, "term_from" date not null, "term_to" date not null, "is_public" boolean not null default true, primary key ("id"))`);
    this.addSql(`alter table "body" add constraint "body_kind_check" check ("kind" in ('kommunestyre', 'formannskap', 'utvalg', 'kontrollutvalg', 'eldreraad', 'funksjonsnedsettelse', 'ungdomsraad', 'valgstyre', 'valgutvalg', 'annet'))`);
    this.addSql(`create table "audit_log" ("id" bigserial primary key, "municipality_id" uuid not null, "at" timestamptz not null default now(), "actor_id" uuid null, "actor_name" varchar(200) not null, "action" varchar(100) not null, "entity_type" varchar(100) not null, "entity_id" varchar(100) not null, "before" jsonb null, "after" jsonb null, "request_id" varchar(100) null)`);
    this.addSql(`create index "audit_log_entity_type_entity_id_index" on "audit_log" ("entity_type", "entity_id")`);
    this.addSql(`create table "party" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "name" varchar(200) not null, "short_name" varchar(20) not null, primary key ("id"))`);
    this.addSql(`alter table "party" add constraint "party_municipality_id_short_name_unique" unique ("municipality_id", "short_name")`);
    this.addSql(`create table "person" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "given_name" varchar(100) not null, "family_name" varchar(100) not null, "gender" text not null, "party_id" uuid null, "email" varchar(200) null, "phone" varchar(40) null, primary key ("id"))`);
    this.addSql(`alter table "person" add constraint "person_gender_check" check ("gender" in ('female', 'male', 'other'))`);
    this.addSql(`create table "membership" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "body_id" uuid not null, "person_id" uuid not null, "party_id" uuid null, "kind" text not null, "role" text not null, "rank" int null, "from" date not null, "to" date null, primary key ("id"))`);
    this.addSql(`create index "membership_body_id_kind_index" on "membership" ("body_id", "kind")`);
    this.addSql(`alter table "membership" add constraint "membership_rank_check" check ((kind = 'substitute') = (rank is not null))`);
    this.addSql(`alter table "membership" add constraint "membership_period_check" check ("to" is null or "to" >= "from")`);
    this.addSql(`alter table "membership" add constraint "membership_kind_check" check ("kind" in ('member', 'substitute'))`);
    this.addSql(`alter table "membership" add constraint "membership_role_check" check ("role" in ('leader', 'deputy_leader', 'member'))`);
    this.addSql(`create table "app_user" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "username" varchar(100) not null, "display_name" varchar(200) not null, "password_hash" varchar(255) null, "roles" text[] not null, "active" boolean not null default true, primary key ("id"))`);
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username")`);
    this.addSql(`create table "app_session" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "token_hash" varchar(64) not null, "user_id" uuid not null, "expires_at" timestamptz not null, primary key ("id"))`);
    this.addSql(`alter table "app_session" add constraint "app_session_token_hash_unique" unique ("token_hash")`);
    this.addSql(`alter table "body" add constraint "body_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`);
    this.addSql(`alter table "audit_log" add constraint "audit_log_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`);
    this.addSql(`alter table "party" add constraint "party_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`);
    this.addSql(`alter table "person" add constraint "person_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`);
    this.addSql(`alter table "person" add constraint "person_party_id_foreign" foreign key ("party_id") references "party" ("id") on delete set null`);
    this.addSql(`alter table "membership" add constraint "membership_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`);
    this.addSql(`alter table "membership" add constraint "membership_body_id_foreign" foreign key ("body_id") references "body" ("id") on delete restrict`);
    this.addSql(`alter table "membership" add constraint "membership_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete restrict`);
    this.addSql(`alter table "membership" add constraint "membership_party_id_foreign" foreign key ("party_id") references "party" ("id") on delete restrict`);
    this.addSql(`alter table "app_user" add constraint "app_user_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`);
    this.addSql(`alter table "app_session" add constraint "app_session_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`);
    this.addSql(`alter table "app_session" add constraint "app_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade`);
  }
}
