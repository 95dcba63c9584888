import { Migration } from '@mikro-orm/migrations';

/**
 * "At most one approved vote per voter and election" across the advance votes and the envelopes
 * received from other municipalities (domain.md §2.2). The partial unique index on advance_vote
 * covers two approved votes there; this trigger covers the two tables together. It locks the
 * voter (a transaction-scoped advisory lock on election and personal number), so two
 * transactions approving the same voter at once run one after the other, and the second one
 * counts the first one's committed approval and fails with unique_violation on
 * "vote_one_approved" (nothing written).
 */
export class Migration20261209060000OneApprovedVote extends Migration {
  override up(): void {
    for (const sql of [
      `create unique index "received_envelope_one_approved" on "received_envelope" ("election_id", "personal_number") where status = 'approved'`,
      `create function "vote_one_approved_check"() returns trigger language plpgsql as $$
       declare n int;
       begin
         perform pg_advisory_xact_lock(hashtextextended('vote_one_approved:' || new.election_id::text || ':' || new.personal_number, 0));
         select (select count(*) from advance_vote where election_id = new.election_id and personal_number = new.personal_number and status = 'approved')
              + (select count(*) from received_envelope where election_id = new.election_id and personal_number = new.personal_number and status = 'approved')
           into n;
         if n > 1 then
           raise exception 'voter already has an approved vote in this election'
             using errcode = 'unique_violation', constraint = 'vote_one_approved', table = tg_table_name;
         end if;
         return null;
       end $$`,
      `create trigger "advance_vote_one_approved_check" after insert or update of "status", "personal_number" on "advance_vote"
       for each row when (new.status = 'approved' and new.personal_number is not null) execute function "vote_one_approved_check"()`,
      `create trigger "received_envelope_one_approved_check" after insert or update of "status", "personal_number" on "received_envelope"
       for each row when (new.status = 'approved' and new.personal_number is not null) execute function "vote_one_approved_check"()`,
    ]) {
      this.addSql(sql);
    }
  }
}
