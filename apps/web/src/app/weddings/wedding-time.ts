import { dateTimeFormat } from '../core/i18n/locale-format';
import { localParts } from '../meetings/meeting-time';

/**
 * Wedding times are instants from the API shown in Norwegian time, whatever the couple's time
 * zone: a ceremony at 11:00 in the town hall is at 11:00, also for a couple booking from abroad.
 * Calendar dates (birth dates, the certificate's issue date, a day of the calendar) are
 * `YYYY-MM-DD` strings and are formatted without any time zone.
 */
const TIME_ZONE = 'Europe/Oslo';

/** The UI locale's formats with their fallbacks (core/i18n/locale-format: never US English for nynorsk). */
function formatter(
  locale: string,
  options: Intl.DateTimeFormatOptions,
  timeZone: string,
): Intl.DateTimeFormat {
  return dateTimeFormat(locale, { ...options, timeZone });
}

function calendarDate(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/** "fredag 11. desember 2026" for a calendar date. */
export function formatDay(date: string, locale: string): string {
  return formatter(
    locale,
    { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
    'UTC',
  ).format(calendarDate(date));
}

/** "11.12.2026" style, short, for a calendar date (birth dates, the certificate). */
export function formatShortDay(date: string, locale: string): string {
  return formatter(locale, { dateStyle: 'medium' }, 'UTC').format(calendarDate(date));
}

/** "desember 2026" for `2026-12`. */
export function formatMonth(month: string, locale: string): string {
  return formatter(locale, { month: 'long', year: 'numeric' }, 'UTC').format(
    calendarDate(`${month}-15`),
  );
}

/** "11:00" in Norwegian time. */
export function formatClock(iso: string, locale: string): string {
  return formatter(
    locale,
    { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    TIME_ZONE,
  ).format(new Date(iso));
}

/** "fredag 11. desember 2026 kl. 11:00" style: the day and the clock time in Norwegian time. */
export function formatMoment(iso: string, locale: string): string {
  return `${formatDay(osloDate(iso), locale)}, ${formatClock(iso, locale)}`;
}

/** The Norwegian calendar date of an instant: `2026-12-11`. */
export function osloDate(iso: string): string {
  return localParts(iso).date;
}

/** `2026-12` of a calendar date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** A calendar date plus some days (negative: before). */
export function addDays(date: string, days: number): string {
  const d = calendarDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A month (`2026-12`) plus some months. */
export function addMonths(month: string, months: number): string {
  const [year, mon] = month.split('-').map(Number);
  const index = (year ?? 0) * 12 + (mon ?? 1) - 1 + months;
  return `${String(Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first and last day of a month, for a slot search. */
export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDays(`${addMonths(month, 1)}-01`, -1) };
}

/** Items grouped by their Norwegian calendar day, the days and the items in time order. */
export function groupByDay<T>(
  items: readonly T[],
  instant: (item: T) => string,
): { date: string; items: T[] }[] {
  const days = new Map<string, T[]>();
  const sorted = [...items].sort((a, b) => Date.parse(instant(a)) - Date.parse(instant(b)));
  for (const item of sorted) {
    const date = osloDate(instant(item));
    const day = days.get(date);
    if (day) day.push(item);
    else days.set(date, [item]);
  }
  return [...days].map(([date, dayItems]) => ({ date, items: dayItems }));
}

/** Whole minutes left until an instant, rounded up (0 once it has passed). */
export function minutesLeft(until: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(until) - now) / 60_000));
}

/** Remaining minutes at which a hold is announced again (politely, not every second). */
const ANNOUNCE_AT = [1, 2, 5, 10] as const;

/** The threshold a number of minutes left is announced as: 7 → 10, 3 → 5, 1 → 1; above 10 as it is. */
export function announcedMinutes(minutes: number): number {
  return ANNOUNCE_AT.find((at) => minutes <= at) ?? minutes;
}
