import type { Election } from '@sekretariat/contracts';
import { dateTimeFormat } from '../core/i18n/locale-format';

const OSLO_DATE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Today's date in Norway (`2026-11-25`), as the API counts days: votes, opening hours and
 * reports all use Norwegian local time, wherever the browser's clock is set.
 */
export function osloToday(now: Date = new Date()): string {
  return OSLO_DATE.format(now);
}

export type VotingPeriod = 'early' | 'ordinary';

/** Which advance voting period a day falls in (as the API decides), or null. */
export function periodOn(election: Election, day: string): VotingPeriod | null {
  if (day >= election.advanceFrom && day <= election.advanceTo) return 'ordinary';
  if (day >= election.earlyFrom && day <= election.earlyTo) return 'early';
  return null;
}

/** When a vote was cast (an ISO timestamp), in Norwegian time as the API records it. */
export function formatDateTime(iso: string, locale: string): string {
  return dateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  }).format(new Date(iso));
}
