import type { SummonsStatus } from '@sekretariat/contracts';

/**
 * The state machine of a summons (innkalling av varamedlem). A substitute is asked with a deadline;
 * they accept or decline, or the deadline passes (expired). Declined and expired move on to the next
 * substitute in order; a withdrawn absence withdraws its open summons. Answered summonses stay as
 * they are: they are the record.
 */

export type SummonsEvent = 'accept' | 'decline' | 'expire' | 'withdraw';

const NEXT: Record<SummonsStatus, Partial<Record<SummonsEvent, SummonsStatus>>> = {
  pending: { accept: 'accepted', decline: 'declined', expire: 'expired', withdraw: 'withdrawn' },
  // An accepted substitute whose member withdraws the absence is no longer needed.
  accepted: { withdraw: 'withdrawn' },
  declined: {},
  expired: {},
  withdrawn: {},
};

export type AnswerRefusal = 'already_answered' | 'expired' | 'meeting_started';

/** The status after `event`, or null when the event does not apply in `status`. */
export function transition(status: SummonsStatus, event: SummonsEvent): SummonsStatus | null {
  return NEXT[status][event] ?? null;
}

/** Whether the substitute may still answer the summons now; else why not. */
export function answerRefusal(summons: { status: SummonsStatus; deadline: Date }, meetingStartsAt: Date, now: Date): AnswerRefusal | null {
  if (summons.status === 'expired') return 'expired';
  if (summons.status !== 'pending') return 'already_answered';
  if (now >= meetingStartsAt) return 'meeting_started';
  if (now >= summons.deadline) return 'expired';
  return null;
}

/** The answer deadline: `hours` from now, but never after the meeting starts. */
export function summonsDeadline(now: Date, meetingStartsAt: Date, hours: number): Date {
  return new Date(Math.min(now.getTime() + hours * 3_600_000, meetingStartsAt.getTime()));
}

/** Statuses that hold the seat: one at a time per absence. */
export const OPEN_STATUSES: readonly SummonsStatus[] = ['pending', 'accepted'];

/** Summonses past their deadline that are still pending: these expire and the next substitute is asked. */
export function due<T extends { status: SummonsStatus; deadline: Date }>(summonses: readonly T[], now: Date): T[] {
  return summonses.filter((s) => s.status === 'pending' && s.deadline <= now);
}

/**
 * Substitutes who cannot be asked for another absence of the same meeting: everyone already asked
 * for it (pending or accepted: called in; declined or expired: has said no or not answered). A
 * withdrawn summons frees the substitute again.
 */
export function alreadyAsked(summonses: readonly { personId: string; status: SummonsStatus }[]): string[] {
  return [...new Set(summonses.filter((s) => s.status !== 'withdrawn').map((s) => s.personId))];
}

/** What to do for an absence that has no open summons: ask the proposed substitute, or record that the list is exhausted. */
export function nextStep(
  proposal: { substitute: { personId: string; name: string; list: string; rank: number } | null; explanation: string },
  now: Date,
  meetingStartsAt: Date,
  hours: number,
):
  | { kind: 'summon'; substitute: { personId: string; name: string; list: string; rank: number }; deadline: Date }
  | { kind: 'exhausted'; explanation: string } {
  if (now >= meetingStartsAt) return { kind: 'exhausted', explanation: 'Møtet har begynt; ingen flere varamedlemmer kalles inn.' };
  if (!proposal.substitute) return { kind: 'exhausted', explanation: proposal.explanation };
  return { kind: 'summon', substitute: proposal.substitute, deadline: summonsDeadline(now, meetingStartsAt, hours) };
}
