import { dateTimeFormat } from '../core/i18n/locale-format';

/**
 * Meeting times are instants from the API, and are shown and entered in Norwegian time
 * whatever the browser's time zone: a meeting at 18:00 in the town hall is at 18:00.
 */
export const MEETING_TIME_ZONE = 'Europe/Oslo';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: MEETING_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Norwegian calendar date and clock time of an instant: `{ date: '2026-12-03', time: '18:00' }`. */
export function localParts(iso: string): { date: string; time: string } {
  const values = Object.fromEntries(
    parts.formatToParts(new Date(iso)).map((part) => [part.type, part.value]),
  );
  return {
    date: `${values['year'] ?? ''}-${values['month'] ?? ''}-${values['day'] ?? ''}`,
    time: `${values['hour'] ?? ''}:${values['minute'] ?? ''}`,
  };
}

/** Minutes Norwegian time is ahead of UTC at an instant. */
function offsetMinutes(epochMs: number): number {
  const { date, time } = localParts(new Date(epochMs).toISOString());
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return Math.round((asUtc - Math.floor(epochMs / 60000) * 60000) / 60000);
}

/** The instant of a Norwegian date and time (`2026-12-03`, `18:00`) as ISO, for the API. */
export function toInstant(date: string, time: string): string {
  const naive = Date.parse(`${date}T${time}:00Z`);
  let instant = naive - offsetMinutes(naive) * 60000;
  // Across a change of summer time the offset at the result may differ from the first guess.
  instant = naive - offsetMinutes(instant) * 60000;
  return new Date(instant).toISOString();
}

/** The Norwegian year of an instant. */
export function localYear(iso: string): number {
  return Number(localParts(iso).date.slice(0, 4));
}

/** `YYYY-MM` of an instant in Norwegian time, for grouping by month. */
export function localMonth(iso: string): string {
  return localParts(iso).date.slice(0, 7);
}

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return dateTimeFormat(locale, { ...options, timeZone: MEETING_TIME_ZONE });
}

/** "torsdag 3. desember 2026 kl. 18:00" style, in the locale. */
export function formatMeetingTime(iso: string, locale: string): string {
  return formatter(locale, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
}

/** The clock time only: "18:00". */
export function formatClock(iso: string, locale: string): string {
  return formatter(locale, { timeStyle: 'short' }).format(new Date(iso));
}

/** A month's name with the year: "desember 2026". */
export function formatMonth(month: string, locale: string): string {
  return dateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-15T12:00:00Z`));
}
