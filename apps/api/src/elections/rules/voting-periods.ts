/**
 * Voting periods computed from election day (valgloven 2023 and practice; domain.md § 2.0):
 * - early voting (tidligstemme) from 1 July of the election year until ordinary advance voting starts;
 * - ordinary advance voting (forhåndsstemme) from 10 August, or the next weekday when that is a
 *   Saturday or Sunday, to and including the last Friday before election day.
 * Dates are ISO strings (YYYY-MM-DD) in Norwegian local time.
 */
export interface VotingPeriods {
  earlyFrom: string;
  earlyTo: string;
  advanceFrom: string;
  advanceTo: string;
}

function toDate(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}
function toIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
function addDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

export function weekday(iso: string): number {
  return toDate(iso).getUTCDay(); // 0 = Sunday
}

export function votingPeriods(electionDay: string): VotingPeriods {
  const year = electionDay.slice(0, 4);
  let advanceFrom = `${year}-08-10`;
  if (weekday(advanceFrom) === 6) advanceFrom = addDays(advanceFrom, 2);
  else if (weekday(advanceFrom) === 0) advanceFrom = addDays(advanceFrom, 1);
  // The last Friday strictly before election day.
  let advanceTo = addDays(electionDay, -1);
  while (weekday(advanceTo) !== 5) advanceTo = addDays(advanceTo, -1);
  return { earlyFrom: `${year}-07-01`, earlyTo: addDays(advanceFrom, -1), advanceFrom, advanceTo };
}

export type PeriodKind = 'early' | 'ordinary';

/** Which period a day falls in, or null when no advance vote can be received that day. */
export function periodOn(periods: VotingPeriods, day: string): PeriodKind | null {
  if (day >= periods.advanceFrom && day <= periods.advanceTo) return 'ordinary';
  if (day >= periods.earlyFrom && day <= periods.earlyTo) return 'early';
  return null;
}
