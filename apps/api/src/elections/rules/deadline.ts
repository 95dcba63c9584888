/**
 * The arrival deadline for advance votes (domain.md §2.2 and §2.0; valgloven, old-law practice,
 * verified): received by kl. 17 the day after election day, Norwegian time (Europe/Oslo). An
 * envelope arriving later is registered, marked late, and rejected in prøving with the ground
 * "late" ("Ikke kommet inn innen kl. 17 dagen etter valgdagen"); it can never be approved.
 */

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Minutes Oslo is ahead of UTC at an instant (60 in winter, 120 in summer). */
function osloOffsetMinutes(at: Date): number {
  const p = Object.fromEntries(PARTS.formatToParts(at).map((x) => [x.type, x.value]));
  const local = Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), Number(p['hour']), Number(p['minute']), Number(p['second']));
  return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant of a wall-clock time in Oslo on a day (no DST change happens at 17:00, so it is unambiguous). */
export function osloWallClock(day: string, hour: number, minute = 0): Date {
  const guess = new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
  const first = new Date(guess.getTime() - osloOffsetMinutes(guess) * 60_000);
  // Correct once more in case the guess and the answer fall on each side of a change.
  return new Date(guess.getTime() - osloOffsetMinutes(first) * 60_000);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Kl. 17:00 Oslo time the day after election day. */
export function arrivalDeadline(electionDay: string): Date {
  return osloWallClock(nextDay(electionDay), 17, 0);
}

/** Arrived after the deadline: 17:00:00 itself is in time, anything later is late. */
export function isLate(electionDay: string, arrivedAt: Date): boolean {
  return arrivedAt.getTime() > arrivalDeadline(electionDay).getTime();
}
