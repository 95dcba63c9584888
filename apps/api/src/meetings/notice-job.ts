/**
 * The queue that e-mails a meeting's notice once it is published (and a changed notice). Meetings
 * queue it; attendance works it (NoticeMailJob), since the mail carries each member's absence
 * link and goes to called-in substitutes too.
 */
export const SEND_NOTICE_JOB = 'meetings.send-notice';

export interface SendNoticeJob {
  meetingId: string;
  municipalityId: string;
  /** Who published, for the audit entry. */
  userId: string | null;
  userName: string;
  /** A changed notice (endret møteinnkalling): also to substitutes with an accepted summons. */
  changed?: boolean;
  /** The secretariat's short message at the top of a changed notice. */
  message?: string;
}
