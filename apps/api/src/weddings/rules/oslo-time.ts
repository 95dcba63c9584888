/** Wall-clock time in Europe/Oslo and back, without a library: the offset is read from Intl. */

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Offsets by UTC hour: Oslo changes its offset only on the hour, so one answer serves the hour. */
const offsets = new Map<number, number>();

/** Oslo's offset from UTC in minutes at an instant (60 in winter, 120 in summer). */
export function osloOffsetMinutes(at: number): number {
  const hour = Math.floor(at / 3_600_000);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    if (offsets.size > 200_000) offsets.clear();
    offset = offsetFromIntl(at);
    offsets.set(hour, offset);
  }
  return offset;
}

function offsetFromIntl(at: number): number {
  const p = Object.fromEntries(PARTS.formatToParts(at).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), Number(p['hour']), Number(p['minute']));
  return Math.round((asUtc - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/**
 * The instant of a wall-clock time in Oslo on a day ("2027-03-28", 600 for 10:00). Correct on
 * both sides of a daylight-saving change; a time that does not exist (02:30 on the spring day)
 * falls one hour later.
 */
export function osloInstant(day: string, minutesOfDay: number): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minutesOfDay);
  const first = wall - osloOffsetMinutes(wall) * 60_000;
  const second = wall - osloOffsetMinutes(first) * 60_000;
  return new Date(second);
}

/** "10:30" → 630. */
export function clockMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** The days from `from` to `to`, both included, as ISO dates. */
export function* days(from: string, to: string): Generator<string> {
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) yield new Date(t).toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  const w = new Date(`${day}T00:00:00Z`).getUTCDay();
  return w === 0 ? 7 : w;
}

/** A date plus whole months; a day the month lacks becomes its last day (31 October + 4 months = 28/29 February). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** A date plus whole days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
