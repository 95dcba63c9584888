import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table-sql.js';

/** The register of bodies: nynorsk names, parent bodies, delegation, election method, leave and release, grant rates. */
export class Migration20261125010000Register extends Migration {
  override up(): void {
    for (const sql of [
      `create table "grant_rates" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "year" int not null, "group_base" numeric(12,2) not null, "per_seat" numeric(12,2) not null, "leader_fee" numeric(12,2) not null, "deputy_leader_fee" numeric(12,2) not null, "member_fee" numeric(12,2) not null, primary key ("id"))`,
      `create index "grant_rates_municipality_id_index" on "grant_rates" ("municipality_id")`,
      `alter table "grant_rates" add constraint "grant_rates_municipality_id_year_unique" unique ("municipality_id", "year")`,
      `create table "membership_leave" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "membership_id" uuid not null, "kind" text not null, "from" date not null, "to" date null, "reason" varchar(500) not null, "decision_ref" varchar(50) null, primary key ("id"))`,
      `create index "membership_leave_municipality_id_index" on "membership_leave" ("municipality_id")`,
      `alter table "body" add "name_nn" varchar(200) null, add "parent_id" uuid null, add "delegation" text not null default '', add "election_method" text not null default 'forholdsvalg', add "substitute_order" text not null default 'per_list'`,
      `alter table "body" add constraint "body_parent_id_foreign" foreign key ("parent_id") references "body" ("id") on delete restrict`,
      `alter table "body" add constraint "body_election_method_check" check ("election_method" in ('forholdsvalg', 'avtalevalg', 'flertallsvalg', 'oppnevnt'))`,
      `alter table "body" add constraint "body_substitute_order_check" check ("substitute_order" in ('per_list', 'common'))`,
      `alter table "person" add "personal_number" varchar(11) null`,
      `alter table "membership" add "end_reason" varchar(30) null, add "decision_ref" varchar(50) null`,
      `create index "membership_person_id_index" on "membership" ("person_id")`,
      `alter table "grant_rates" add constraint "grant_rates_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "membership_leave" add constraint "membership_leave_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "membership_leave" add constraint "membership_leave_membership_id_foreign" foreign key ("membership_id") references "membership" ("id") on delete restrict`,
      `alter table "membership_leave" add constraint "membership_leave_period_check" check ("to" is null or "to" >= "from")`,
      `alter table "membership_leave" add constraint "membership_leave_kind_check" check ("kind" in ('leave', 'release'))`,
      ...tenantTableSql('membership_leave'),
      ...tenantTableSql('grant_rates'),
      // One person holds at most one place in a body at a time, even under concurrent writes.
      `create extension if not exists btree_gist`,
      `alter table "membership" add constraint "membership_no_overlap" exclude using gist (body_id with =, person_id with =, daterange("from", "to", '[]') with &&)`,
    ]) {
      this.addSql(sql);
    }
  }
}
