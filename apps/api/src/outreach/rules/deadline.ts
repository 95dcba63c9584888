import { weekday } from '../../elections/rules/voting-periods.js';

/**
 * The deadline for applying to vote at home (ambulerende stemmegivning). Valgstyret sets and
 * announces it; under the old valgloven § 8-3 (6) it may be no earlier than the Tuesday and no
 * later than the Friday of the last week before election day (domain.md §2.2; the section of the
 * 2023 law is unverified). The default is the Tuesday, end of day: it leaves the rest of the week,
 * to and including the last day of advance voting (the Friday), for the visits.
 */
export interface DeadlineRange {
  /** Tuesday of the last week before election day. */
  earliest: string;
  /** Friday of that week. */
  latest: string;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function deadlineRange(electionDay: string): DeadlineRange {
  // The last Friday strictly before election day, and the Tuesday of that week.
  let friday = addDays(electionDay, -1);
  while (weekday(friday) !== 5) friday = addDays(friday, -1);
  return { earliest: addDays(friday, -3), latest: friday };
}

export function defaultDeadlineDate(electionDay: string): string {
  return deadlineRange(electionDay).earliest;
}

export function deadlineWithinLaw(electionDay: string, date: string): boolean {
  const r = deadlineRange(electionDay);
  return date >= r.earliest && date <= r.latest;
}

/** An application arriving on the Oslo day `today` is in time when that day is not after the deadline day. */
export function inTime(deadlineDate: string, today: string): boolean {
  return today <= deadlineDate;
}

/** The end of the deadline day, 23:59:59 in Norwegian time, as an instant (summer time in September: +02:00). */
export function deadlineInstant(date: string): string {
  const probe = new Date(`${date}T21:59:59Z`);
  const offset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Oslo', timeZoneName: 'longOffset' }).formatToParts(probe).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const sign = offset.slice(3) || '+00:00';
  return `${date}T23:59:59${sign}`;
}
