/** The day in Norway (YYYY-MM-DD) of an instant: memberships, leave and file names go by it. */
export function osloDay(at: Date): string {
  return at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
}

/** Today's date in Norway as an ISO date (YYYY-MM-DD). */
export function today(): string {
  return osloDay(new Date());
}

/** Query filter for memberships (or anything with from/to) in force on a day. */
export function activeOn(day: string) {
  return { from: { $lte: day }, $or: [{ to: null }, { to: { $gte: day } }] };
}
