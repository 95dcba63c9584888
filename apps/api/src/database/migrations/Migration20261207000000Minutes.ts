import { Migration } from '@mikro-orm/migrations';
import { tenantTableSql } from './tenant-table-sql.js';

/**
 * Minutes (møtebok): the protocol's facts per meeting, attendance by item, disqualification
 * rulings, proposals with their votes, item treatment, and protocol versions with signatures.
 * An approved version keeps its data and both PDFs (public and internal edition).
 */
export class Migration20261207000000Minutes extends Migration {
  override up(): void {
    for (const sql of [
      `create table "minutes_record" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "meeting_id" uuid not null, "language" text not null default 'nb', "opened_at" varchar(5) null, "closed_at" varchar(5) null, "chair_person_id" uuid null, "remarks" text not null default '', "approval_method" text not null default 'signatures', "signatory_person_ids" text[] not null default '{}', primary key ("id"))`,
      `create index "minutes_record_municipality_id_index" on "minutes_record" ("municipality_id")`,
      `alter table "minutes_record" add constraint "minutes_record_meeting_unique" unique ("meeting_id")`,
      `create table "minutes_proposal" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "agenda_item_id" uuid not null, "ordinal" int not null, "kind" text not null, "person_id" uuid null, "proposer" varchar(300) not null, "on_behalf_of" varchar(200) not null default '', "text" text not null, "outcome" text not null default 'pending', "against_person_ids" text[] not null default '{}', primary key ("id"))`,
      `create index "minutes_proposal_municipality_id_index" on "minutes_proposal" ("municipality_id")`,
      `create index "minutes_proposal_agenda_item_id_index" on "minutes_proposal" ("agenda_item_id")`,
      `alter table "minutes_proposal" add constraint "minutes_proposal_ordinal_unique" unique ("agenda_item_id", "ordinal")`,
      `create table "minutes_item" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "agenda_item_id" uuid not null, "outcome" text not null default 'pending', "treatment" text not null default '', "decision_exempt" boolean not null default false, "handled_as" int null, primary key ("id"))`,
      `create index "minutes_item_municipality_id_index" on "minutes_item" ("municipality_id")`,
      `alter table "minutes_item" add constraint "minutes_item_agenda_item_unique" unique ("agenda_item_id")`,
      `create table "minutes_disqualification" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "agenda_item_id" uuid not null, "person_id" uuid not null, "ground" text not null, "disqualified" boolean not null, "note" varchar(2000) not null default '', primary key ("id"))`,
      `create index "minutes_disqualification_municipality_id_index" on "minutes_disqualification" ("municipality_id")`,
      `alter table "minutes_disqualification" add constraint "minutes_disqualification_once" unique ("agenda_item_id", "person_id")`,
      `create table "minutes_attendee" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "meeting_id" uuid not null, "person_id" uuid null, "name" varchar(200) not null, "title" varchar(200) not null default '', "party" varchar(50) null, "role" text not null, "meets_for_id" uuid null, "only_item_id" uuid null, "present" boolean not null default true, "absence_reason" varchar(300) not null default '', "from_item_id" uuid null, "to_item_id" uuid null, "arrived_at" varchar(5) null, "left_at" varchar(5) null, primary key ("id"))`,
      `create index "minutes_attendee_municipality_id_index" on "minutes_attendee" ("municipality_id")`,
      `create index "minutes_attendee_meeting_id_index" on "minutes_attendee" ("meeting_id")`,
      `create unique index "minutes_attendee_once_per_item" on "minutes_attendee" ("meeting_id", "person_id", "only_item_id") where (only_item_id IS NOT NULL)`,
      `create unique index "minutes_attendee_once" on "minutes_attendee" ("meeting_id", "person_id") where (only_item_id IS NULL)`,
      `create table "protocol_version" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "meeting_id" uuid not null, "version" int not null, "status" text not null default 'draft', "approval_method" text not null, "signatory_person_ids" text[] not null default '{}', "correction_reason" varchar(2000) null, "approved_at" timestamptz null, "approved_in_item_id" uuid null, "snapshot" jsonb null, "internal_pdf" bytea null, "public_pdf" bytea null, "internal_sha256" varchar(64) null, "public_sha256" varchar(64) null, primary key ("id"))`,
      `create index "protocol_version_municipality_id_index" on "protocol_version" ("municipality_id")`,
      `create unique index "protocol_version_one_draft" on "protocol_version" ("meeting_id") where (status = 'draft')`,
      `alter table "protocol_version" add constraint "protocol_version_unique" unique ("meeting_id", "version")`,
      `create table "protocol_signature" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "protocol_id" uuid not null, "person_id" uuid not null, "user_id" uuid not null, primary key ("id"))`,
      `create index "protocol_signature_municipality_id_index" on "protocol_signature" ("municipality_id")`,
      `alter table "protocol_signature" add constraint "protocol_signature_once" unique ("protocol_id", "person_id")`,
      `alter table "minutes_record" add constraint "minutes_record_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "minutes_record" add constraint "minutes_record_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on delete restrict`,
      `alter table "minutes_record" add constraint "minutes_record_language_check" check ("language" in ('nb', 'nn'))`,
      `alter table "minutes_record" add constraint "minutes_record_approval_method_check" check ("approval_method" in ('signatures', 'next_meeting'))`,
      `alter table "minutes_proposal" add constraint "minutes_proposal_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "minutes_proposal" add constraint "minutes_proposal_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on delete restrict`,
      `alter table "minutes_proposal" add constraint "minutes_proposal_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete restrict`,
      `alter table "minutes_proposal" add constraint "minutes_proposal_kind_check" check ("kind" in ('recommendation', 'new', 'amendment', 'addition'))`,
      `alter table "minutes_proposal" add constraint "minutes_proposal_outcome_check" check ("outcome" in ('pending', 'voted', 'withdrawn', 'not_voted'))`,
      `alter table "minutes_item" add constraint "minutes_item_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "minutes_item" add constraint "minutes_item_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on delete restrict`,
      `alter table "minutes_item" add constraint "minutes_item_outcome_check" check ("outcome" in ('pending', 'treated', 'postponed', 'withdrawn'))`,
      `alter table "minutes_disqualification" add constraint "minutes_disqualification_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "minutes_disqualification" add constraint "minutes_disqualification_agenda_item_id_foreign" foreign key ("agenda_item_id") references "agenda_item" ("id") on delete restrict`,
      `alter table "minutes_disqualification" add constraint "minutes_disqualification_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete restrict`,
      `alter table "minutes_disqualification" add constraint "minutes_disqualification_ground_check" check ("ground" in ('fvl6-1-a', 'fvl6-1-b', 'fvl6-1-c', 'fvl6-1-d', 'fvl6-1-e', 'fvl6-2'))`,
      `alter table "minutes_attendee" add constraint "minutes_attendee_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "minutes_attendee" add constraint "minutes_attendee_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on delete restrict`,
      `alter table "minutes_attendee" add constraint "minutes_attendee_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete restrict`,
      `alter table "minutes_attendee" add constraint "minutes_attendee_meets_for_id_foreign" foreign key ("meets_for_id") references "person" ("id") on delete restrict`,
      `alter table "minutes_attendee" add constraint "minutes_attendee_only_item_id_foreign" foreign key ("only_item_id") references "agenda_item" ("id") on delete restrict`,
      `alter table "minutes_attendee" add constraint "minutes_attendee_from_item_id_foreign" foreign key ("from_item_id") references "agenda_item" ("id") on delete restrict`,
      `alter table "minutes_attendee" add constraint "minutes_attendee_to_item_id_foreign" foreign key ("to_item_id") references "agenda_item" ("id") on delete restrict`,
      `alter table "minutes_attendee" add constraint "minutes_attendee_person_check" check (role = 'officer' or person_id is not null)`,
      `alter table "minutes_attendee" add constraint "minutes_attendee_substitute_check" check ((role = 'substitute') = (meets_for_id is not null))`,
      `alter table "minutes_attendee" add constraint "minutes_attendee_role_check" check ("role" in ('member', 'substitute', 'officer'))`,
      `alter table "protocol_version" add constraint "protocol_version_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "protocol_version" add constraint "protocol_version_meeting_id_foreign" foreign key ("meeting_id") references "meeting" ("id") on delete restrict`,
      `alter table "protocol_version" add constraint "protocol_version_approved_in_item_id_foreign" foreign key ("approved_in_item_id") references "agenda_item" ("id") on delete restrict`,
      `alter table "protocol_version" add constraint "protocol_version_approved_check" check ((status = 'draft') = (approved_at is null))`,
      `alter table "protocol_version" add constraint "protocol_version_status_check" check ("status" in ('draft', 'approved', 'superseded'))`,
      `alter table "protocol_version" add constraint "protocol_version_approval_method_check" check ("approval_method" in ('signatures', 'next_meeting'))`,
      `alter table "protocol_signature" add constraint "protocol_signature_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "protocol_signature" add constraint "protocol_signature_protocol_id_foreign" foreign key ("protocol_id") references "protocol_version" ("id") on delete restrict`,
      `alter table "protocol_signature" add constraint "protocol_signature_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete restrict`,
      ...tenantTableSql('minutes_record'),
      ...tenantTableSql('minutes_attendee'),
      ...tenantTableSql('minutes_item'),
      ...tenantTableSql('minutes_disqualification'),
      ...tenantTableSql('minutes_proposal'),
      ...tenantTableSql('protocol_version'),
      ...tenantTableSql('protocol_signature'),
    ]) {
      this.addSql(sql);
    }
  }
}
