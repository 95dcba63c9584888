/**
 * How long the roll and the voters' personal numbers are kept after an election (docs/elections.md,
 * "Retention"). domain.md §4 (GDPR): the basis is art. 6(1)(c)/(e) — the tasks valgloven gives the
 * municipality — and personal numbers only where needed for secure identification. Once the
 * election is over, the results final and complaints decided, the roll is no longer needed; the
 * aggregated record (counts per place, day, kind and status; the envelope register without
 * personal data) is the board's record and is kept (arkivlova). The law sets no number of months
 * (unverified): the default is 6 months after election day — past the konstituerende møte (by end
 * of October) and the complaint period — and can be set per election.
 */
export const DEFAULT_RETENTION_MONTHS = 6;

function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** The first day on which an election's roll and personal numbers are deleted. */
export function purgeFrom(electionDay: string, retentionMonths: number | null): string {
  return addMonths(electionDay, retentionMonths ?? DEFAULT_RETENTION_MONTHS);
}

/** Whether the roll is due for deletion on a (Norwegian) day. */
export function isDue(electionDay: string, retentionMonths: number | null, today: string): boolean {
  return today >= purgeFrom(electionDay, retentionMonths);
}
