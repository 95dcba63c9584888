import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table-sql.js';

/** Elections: the electoral roll, voting places and their staff, advance votes. */
export class Migration20261125020000Elections extends Migration {
  override up(): void {
    for (const sql of [
      `create table "election" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "name" varchar(200) not null, "type" text not null, "election_day" date not null, "early_from" date not null, "early_to" date not null, "advance_from" date not null, "advance_to" date not null, "legal_record" boolean not null default false, primary key ("id"))`,
      `create index "election_municipality_id_index" on "election" ("municipality_id")`,
      `create table "roll_voter" ("election_id" uuid not null, "personal_number" varchar(11) not null, "municipality_id" uuid not null, "given_name" varchar(100) not null, "family_name" varchar(100) not null, "birth_date" date not null, "address" varchar(200) not null, "municipality_number" varchar(4) not null, "district" varchar(100) not null, primary key ("election_id", "personal_number"))`,
      `create index "roll_voter_municipality_id_index" on "roll_voter" ("municipality_id")`,
      `create index "roll_voter_election_id_birth_date_index" on "roll_voter" ("election_id", "birth_date")`,
      `create table "voting_place" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "election_id" uuid not null, "name" varchar(200) not null, "address" varchar(300) not null default '', "opening_hours" jsonb not null, primary key ("id"))`,
      `create index "voting_place_municipality_id_index" on "voting_place" ("municipality_id")`,
      `create table "advance_vote" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "election_id" uuid not null, "personal_number" varchar(11) not null, "voter_municipality_number" varchar(4) not null, "voting_place_id" uuid not null, "clerk_id" uuid not null, "cast_at" timestamptz not null, "kind" text not null, "envelope" boolean not null, "envelope_serial" varchar(40) null, "status" text not null, "reject_reason" varchar(200) null, "cancelled_at" timestamptz null, "cancelled_by" uuid null, "cancel_reason" varchar(500) null, "idempotency_key" varchar(100) not null, primary key ("id"))`,
      `create index "advance_vote_municipality_id_index" on "advance_vote" ("municipality_id")`,
      `create index "advance_vote_voting_place_id_cast_at_index" on "advance_vote" ("voting_place_id", "cast_at")`,
      `create index "advance_vote_election_id_personal_number_index" on "advance_vote" ("election_id", "personal_number")`,
      `alter table "advance_vote" add constraint "advance_vote_municipality_id_idempotency_key_unique" unique ("municipality_id", "idempotency_key")`,
      `create table "voting_place_staff" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "voting_place_id" uuid not null, "user_id" uuid not null, primary key ("id"))`,
      `create index "voting_place_staff_municipality_id_index" on "voting_place_staff" ("municipality_id")`,
      `alter table "voting_place_staff" add constraint "voting_place_staff_voting_place_id_user_id_unique" unique ("voting_place_id", "user_id")`,
      `alter table "election" add constraint "election_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "election" add constraint "election_type_check" check ("type" in ('stortingsvalg', 'kommunestyre_fylkesting', 'sametingsvalg', 'folkeavstemning', 'ungdomsraadsvalg'))`,
      `alter table "roll_voter" add constraint "roll_voter_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "voting_place" add constraint "voting_place_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "voting_place" add constraint "voting_place_election_id_foreign" foreign key ("election_id") references "election" ("id") on delete restrict`,
      `alter table "advance_vote" add constraint "advance_vote_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "advance_vote" add constraint "advance_vote_election_id_foreign" foreign key ("election_id") references "election" ("id") on delete restrict`,
      `alter table "advance_vote" add constraint "advance_vote_voting_place_id_foreign" foreign key ("voting_place_id") references "voting_place" ("id") on delete restrict`,
      `alter table "advance_vote" add constraint "advance_vote_kind_check" check ("kind" in ('early', 'ordinary', 'institution', 'home'))`,
      `alter table "advance_vote" add constraint "advance_vote_status_check" check ("status" in ('counted', 'rejected', 'cancelled'))`,
      `alter table "voting_place_staff" add constraint "voting_place_staff_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "voting_place_staff" add constraint "voting_place_staff_voting_place_id_foreign" foreign key ("voting_place_id") references "voting_place" ("id") on delete cascade`,
      `alter table "voting_place_staff" add constraint "voting_place_staff_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade`,
      ...['election', 'voting_place', 'voting_place_staff', 'roll_voter'].flatMap((t) => tenantTableSql(t)),
      // Votes are never deleted: cancelled with a reason instead.
      ...tenantTableSql('advance_vote', 'select, insert, update'),
      // The rule that makes a double registration impossible, whatever the application does:
      // at most one counted advance vote per voter and election.
      `create unique index "advance_vote_one_counted" on "advance_vote" ("election_id", "personal_number") where status = 'counted'`,
    ]) {
      this.addSql(sql);
    }
  }
}
