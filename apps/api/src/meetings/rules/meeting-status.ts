import type { MeetingStatus } from '@sekretariat/contracts';

/** Why a meeting cannot move to the status asked for. */
export type StatusProblem = 'MEETING_STATUS_UNCHANGED' | 'MEETING_PUBLISH_REQUIRED' | 'MEETING_NOT_PUBLISHED' | 'MEETING_NOT_HELD' | 'MEETING_STATUS_BACKWARDS';

const ORDER: readonly MeetingStatus[] = ['planned', 'notice_sent', 'held', 'minutes_approved'];

/**
 * A meeting moves one step at a time: planned → notice_sent (publishing, which sends the notice),
 * → held → minutes_approved (protokollen godkjent). Never back, never skipping a step.
 */
export function statusTransition(from: MeetingStatus, to: MeetingStatus): { ok: true } | { ok: false; problem: StatusProblem } {
  if (from === to) return { ok: false, problem: 'MEETING_STATUS_UNCHANGED' };
  const a = ORDER.indexOf(from);
  const b = ORDER.indexOf(to);
  if (b < a) return { ok: false, problem: 'MEETING_STATUS_BACKWARDS' };
  // The notice goes out through publishing, which also mails it to the members.
  if (to === 'notice_sent') return { ok: false, problem: 'MEETING_PUBLISH_REQUIRED' };
  if (from === 'planned') return { ok: false, problem: 'MEETING_NOT_PUBLISHED' };
  if (b > a + 1) return { ok: false, problem: 'MEETING_NOT_HELD' };
  return { ok: true };
}

/** The meeting's plan (time, place) may change until the minutes are approved. */
export function planEditable(status: MeetingStatus): boolean {
  return status !== 'minutes_approved';
}
