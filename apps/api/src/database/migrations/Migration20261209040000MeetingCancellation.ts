import { Migration } from '@mikro-orm/migrations';

/**
 * A meeting can be cancelled (avlyst) with a reason (issue 13): when and why are kept on the meeting,
 * which keeps its status, agenda and history. Both are set together or not at all, and only on a
 * meeting not yet held: a cancelled meeting cannot be held.
 */
export class Migration20261209040000MeetingCancellation extends Migration {
  override up(): void {
    for (const sql of [
      `alter table "meeting" add column "cancelled_at" timestamptz null, add column "cancel_reason" text null`,
      `alter table "meeting" add constraint "meeting_cancellation_check" check (("cancelled_at" is null) = ("cancel_reason" is null))`,
      `alter table "meeting" add constraint "meeting_cancelled_not_held_check" check ("cancelled_at" is null or "status" in ('planned', 'notice_sent'))`,
    ]) {
      this.addSql(sql);
    }
  }
}
