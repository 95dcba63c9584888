import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table-sql.js';

const TENANT = `"id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now()`;
const fk = (table: string, column: string, target: string, rule = 'restrict') =>
  `alter table "${table}" add constraint "${table}_${column}_foreign" foreign key ("${column}") references "${target}" ("id") on delete ${rule}`;

/**
 * Envelopes to and from other municipalities (issue 12): the register of envelopes sent to a
 * voter's municipality, with the votes in them, and of envelopes received from others, with the
 * arrival time and whether it was after the deadline (kl. 17 the day after election day). One
 * (municipality, serial) per direction and election. A late envelope can never be approved
 * (check constraint). Per election: the written standard of the board's record (null: the
 * municipality's) and how long the
 * roll and personal numbers are kept; the personal numbers of votes may be deleted (retention).
 */
export class Migration20261208050000ElectionEnvelopes extends Migration {
  override up(): void {
    for (const sql of [
      `create table "sent_envelope" (${TENANT}, "election_id" uuid not null, "to_municipality_number" varchar(4) not null, "to_municipality_name" varchar(200) not null, "serial" varchar(40) not null, "sent_on" date not null, "sent_by" uuid not null, "sent_by_name" varchar(200) not null, primary key ("id"))`,
      `create index "sent_envelope_municipality_id_index" on "sent_envelope" ("municipality_id")`,
      `alter table "sent_envelope" add constraint "sent_envelope_serial_unique" unique ("election_id", "to_municipality_number", "serial")`,
      fk('sent_envelope', 'municipality_id', 'municipality'),
      fk('sent_envelope', 'election_id', 'election'),
      `create table "sent_envelope_vote" (${TENANT}, "envelope_id" uuid not null, "vote_id" uuid not null, primary key ("id"))`,
      `create index "sent_envelope_vote_municipality_id_index" on "sent_envelope_vote" ("municipality_id")`,
      `create index "sent_envelope_vote_envelope_id_index" on "sent_envelope_vote" ("envelope_id")`,
      // A vote is sent once.
      `alter table "sent_envelope_vote" add constraint "sent_envelope_vote_vote_id_unique" unique ("vote_id")`,
      fk('sent_envelope_vote', 'municipality_id', 'municipality'),
      fk('sent_envelope_vote', 'envelope_id', 'sent_envelope', 'cascade'),
      fk('sent_envelope_vote', 'vote_id', 'advance_vote'),
      `create table "received_envelope" (${TENANT}, "election_id" uuid not null, "from_municipality_number" varchar(4) not null, "from_municipality_name" varchar(200) not null, "serial" varchar(40) not null, "arrived_at" timestamptz not null, "late" boolean not null, "received_by" uuid not null, "received_by_name" varchar(200) not null, "personal_number" varchar(11) null, "status" text not null default 'received', "reject_ground" text null, "decided_at" timestamptz null, "decided_by" uuid null, primary key ("id"))`,
      `create index "received_envelope_municipality_id_index" on "received_envelope" ("municipality_id")`,
      `alter table "received_envelope" add constraint "received_envelope_serial_unique" unique ("election_id", "from_municipality_number", "serial")`,
      fk('received_envelope', 'municipality_id', 'municipality'),
      fk('received_envelope', 'election_id', 'election'),
      `alter table "received_envelope" add constraint "received_envelope_status_check" check ("status" in ('received', 'approved', 'rejected'))`,
      `alter table "received_envelope" add constraint "received_envelope_reject_ground_check" check ("reject_ground" in ('not_in_roll', 'not_identified', 'wrong_time', 'wrong_receiver', 'envelope_opened', 'already_approved', 'late'))`,
      // Received after the deadline: never approved, whatever the application does.
      `alter table "received_envelope" add constraint "received_envelope_late_not_approved" check (not (late and status = 'approved'))`,
      ...tenantTableSql('sent_envelope'),
      ...tenantTableSql('sent_envelope_vote'),
      ...tenantTableSql('received_envelope', 'select, insert, update'),
      `alter table "election" add column "record_language" text null, add column "retention_months" int null, add column "purged_at" timestamptz null`,
      `alter table "election" add constraint "election_record_language_check" check ("record_language" in ('nb', 'nn'))`,
      `alter table "advance_vote" alter column "personal_number" drop not null`,
    ]) {
      this.addSql(sql);
    }
  }
}
