import type { MeetingStatus, ReaderAccess } from '@sekretariat/contracts';

/** A seat the person holds in the meeting's body on the meeting day, if any. */
export type Seat = 'member' | 'substitute' | null;

/**
 * Why a caller may read a meeting's papers, or null when they may not: officials by their seat in
 * the body (members and substitutes) or a summons to the meeting; staff everywhere. Officials never
 * see a meeting before its notice is sent (status planned).
 */
export function meetingAccess(input: { status: MeetingStatus; seat: Seat; calledIn: boolean; staff: boolean }): ReaderAccess | null {
  if (input.staff) return input.seat ?? (input.calledIn ? 'called_in' : 'staff');
  if (input.status === 'planned') return null;
  if (input.seat) return input.seat;
  return input.calledIn ? 'called_in' : null;
}

/** An item is exempt when treated in closed session or its case is exempt; a document also when itself exempt. */
export function itemExempt(item: { closed: boolean; casePublic: boolean | null }): boolean {
  return item.closed || item.casePublic === false;
}
