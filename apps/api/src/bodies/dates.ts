/** Today's date in Norway as an ISO date (YYYY-MM-DD). */
export function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
}

/** Query filter for memberships (or anything with from/to) in force on a day. */
export function activeOn(day: string) {
  return { from: { $lte: day }, $or: [{ to: null }, { to: { $gte: day } }] };
}
