import { Migration } from '@mikro-orm/migrations';

/**
 * Advance votes are received, then approved or rejected by the election board (prøving): a vote
 * is never refused at the desk. Votes counted so far were approved at once; the rule "at most one
 * approved vote per voter and election" moves to the new status.
 */
export class Migration20261207010000AdvanceVoteReview extends Migration {
  override up(): void {
    for (const sql of [
      `alter table "advance_vote" drop constraint "advance_vote_status_check"`,
      `drop index "advance_vote_one_counted"`,
      `update "advance_vote" set "status" = 'approved' where "status" = 'counted'`,
      `alter table "advance_vote" add constraint "advance_vote_status_check" check ("status" in ('received', 'approved', 'rejected', 'cancelled'))`,
      `create unique index "advance_vote_one_approved" on "advance_vote" ("election_id", "personal_number") where status = 'approved'`,
      `alter table "advance_vote" alter column "voter_municipality_number" drop not null`,
      `alter table "advance_vote" add column "envelope_reason" text null, add column "reject_ground" text null, add column "decided_at" timestamptz null, add column "decided_by" uuid null`,
      `update "advance_vote" set "envelope_reason" = case when "kind" = 'early' then 'early_vote' else 'other_municipality' end where "envelope"`,
      `alter table "advance_vote" add constraint "advance_vote_envelope_reason_check" check ("envelope_reason" in ('other_municipality', 'already_voted', 'not_in_roll', 'identity_doubt', 'early_vote'))`,
      `alter table "advance_vote" add constraint "advance_vote_reject_ground_check" check ("reject_ground" in ('not_in_roll', 'not_identified', 'wrong_time', 'wrong_receiver', 'envelope_opened', 'already_approved', 'late'))`,
    ]) {
      this.addSql(sql);
    }
  }
}
