import type { Minutes, Proposal } from '@sekretariat/contracts';
import { dateTimeFormat } from '../core/i18n/locale-format';

/** A day in Norway, "11. februar 2027", in the UI's locale. */
export function formatDay(iso: string, locale: string): string {
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Oslo' }).format(new Date(iso));
}

/** A moment in Norway, "11. februar 2027 kl. 18:00", in the UI's locale. */
export function formatMoment(iso: string, locale: string): string {
  return dateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  }).format(new Date(iso));
}

/** A proposal in an answer, found again by id (to announce its vote). */
export function findProposal(minutes: Minutes, proposalId: string): Proposal | undefined {
  return minutes.items.flatMap((item) => item.proposals).find((p) => p.id === proposalId);
}

/** An input's or a select's value from its event. */
export function valueOf(event: Event): string {
  return (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
}

/** A checkbox's state from its event. */
export function checkedOf(event: Event): boolean {
  return (event.target as HTMLInputElement).checked;
}
