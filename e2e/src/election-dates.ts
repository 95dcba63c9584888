/**
 * Dates for setting up an election whose advance voting covers today, by the rules the API
 * applies (apps/api/src/elections/rules/voting-periods.ts, in Norwegian time): early voting from
 * 1 July, advance voting from 10 August (or the next weekday) to the last Friday before election
 * day, all in election day's year. A referendum may be held on any day.
 */
export function osloDate(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function weekday(iso: string): number {
  return new Date(`${iso}T12:00:00Z`).getUTCDay();
}

export function votingPeriods(electionDay: string): {
  earlyFrom: string;
  earlyTo: string;
  advanceFrom: string;
  advanceTo: string;
} {
  const year = electionDay.slice(0, 4);
  let advanceFrom = `${year}-08-10`;
  if (weekday(advanceFrom) === 6) advanceFrom = addDays(advanceFrom, 2);
  else if (weekday(advanceFrom) === 0) advanceFrom = addDays(advanceFrom, 1);
  let advanceTo = addDays(electionDay, -1);
  while (weekday(advanceTo) !== 5) advanceTo = addDays(advanceTo, -1);
  return { earlyFrom: `${year}-07-01`, earlyTo: addDays(advanceFrom, -1), advanceFrom, advanceTo };
}

export function coversDay(electionDay: string, day: string): boolean {
  const p = votingPeriods(electionDay);
  return (day >= p.earlyFrom && day <= p.earlyTo) || (day >= p.advanceFrom && day <= p.advanceTo);
}

/**
 * A referendum day whose early or advance voting includes `today`: a week ahead if that works
 * (there is always a Friday in the six days before it), else the nearest later day of the same
 * year. Null from 1 January to 30 June and in the last days of December, when no election can
 * take votes today.
 */
export function electionDayCovering(today: string): string | null {
  const preferred = addDays(today, 7);
  if (preferred.slice(0, 4) === today.slice(0, 4) && coversDay(preferred, today)) return preferred;
  for (let day = addDays(today, 1); day.slice(0, 4) === today.slice(0, 4); day = addDays(day, 1)) {
    if (coversDay(day, today)) return day;
  }
  return null;
}
