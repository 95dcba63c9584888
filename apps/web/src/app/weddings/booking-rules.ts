import type { CeremonyLanguage, Residence } from '@sekretariat/contracts';
import type { FormProblem } from '../shared/form-problems';

/**
 * The booking form's own checks, the same rules as the API's (which checks everything again):
 * a clear message at the field before anything is sent. Pure functions of calendar dates
 * (`YYYY-MM-DD`), so that they are easy to test and independent of the browser's time zone.
 */

export interface PartyValue {
  name: string;
  birthDate: string;
  email: string;
  phone: string;
  residence: Residence | '';
}

export interface WitnessValue {
  name: string;
  birthDate: string;
}

export interface BookingFormValue {
  parties: [PartyValue, PartyValue];
  witnesses: [WitnessValue, WitnessValue];
  ceremonyLanguage: CeremonyLanguage | '';
  guests: string;
  certificateIssuedOn: string;
  notes: string;
}

export interface BookingContext {
  /** The wedding day (Norwegian calendar date of the chosen slot). */
  weddingDate: string;
  /** Today, Norwegian calendar date. */
  today: string;
  /** Guests the place has room for. */
  capacity: number;
  /** Writes a calendar date for a message in the user's language (the default keeps it ISO). */
  formatDate?: (date: string) => string;
}

/** Months a prøvingsattest is valid from its issue date. */
export const CERTIFICATE_MONTHS = 4;
/** The couple (ekteskapsloven § 1 a) and the witnesses must be of age on the wedding day. */
export const MIN_AGE = 18;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** As the contracts' PartyInput: digits and spaces, optionally a leading +, 8 to 20 of them. */
const PHONE = /^\+?[0-9 ]{8,20}$/;
/** A practical e-mail check (the API's zod check decides): something@domain.tld, no spaces. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Whether a text is a real calendar date (`2026-02-30` is not). */
export function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isEmail(value: string): boolean {
  return value.trim().length <= 200 && EMAIL.test(value.trim());
}

export function isPhone(value: string): boolean {
  return PHONE.test(value.trim());
}

/** A calendar date plus whole months; the day is kept, or the month's last day when it has fewer (31 Oct + 4 = 28/29 Feb). */
export function addMonthsToDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Full years of age on a day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The last day a certificate issued on a day is valid (the wedding may be on that day). */
export function certificateValidUntil(issuedOn: string): string {
  return addMonthsToDate(issuedOn, CERTIFICATE_MONTHS);
}

export type CertificateProblem = 'future' | 'expired' | null;

/**
 * Whether a certificate issued on a day can be used for a wedding on another, as the API's
 * checkCertificate: issued already (not dated after today) and still valid on the wedding day.
 */
export function certificateProblem(
  issuedOn: string,
  weddingDate: string,
  today: string,
): CertificateProblem {
  if (issuedOn > today) return 'future';
  if (weddingDate > certificateValidUntil(issuedOn)) return 'expired';
  return null;
}

/** Field ids of the form, also the targets of the API's field paths (see FIELD_IDS). */
export const fieldId = {
  party: (i: number, field: 'name' | 'birth' | 'email' | 'phone' | 'residence') =>
    `party-${String(i)}-${field}`,
  witness: (i: number, field: 'name' | 'birth') => `witness-${String(i)}-${field}`,
  language: 'ceremony-language',
  guests: 'guests',
  certificate: 'certificate-issued',
  notes: 'notes',
} as const;

/** The API's field paths (zod paths of BookingInput) to the form's field ids. */
export const FIELD_IDS: Readonly<Record<string, string>> = Object.fromEntries([
  ...[0, 1].flatMap((i): [string, string][] => [
    [`parties.${String(i)}.name`, fieldId.party(i, 'name')],
    [`parties.${String(i)}.birthDate`, fieldId.party(i, 'birth')],
    [`parties.${String(i)}.email`, fieldId.party(i, 'email')],
    [`parties.${String(i)}.phone`, fieldId.party(i, 'phone')],
    [`parties.${String(i)}.residence`, fieldId.party(i, 'residence')],
    [`witnesses.${String(i)}.name`, fieldId.witness(i, 'name')],
    [`witnesses.${String(i)}.birthDate`, fieldId.witness(i, 'birth')],
  ]),
  ...([
    ['ceremonyLanguage', fieldId.language],
    ['guests', fieldId.guests],
    ['certificateIssuedOn', fieldId.certificate],
    ['notes', fieldId.notes],
  ] as [string, string][]),
]);

const P = 'weddings.form.problems.';

/** Every problem of the form, in the order of the fields. */
export function validateBooking(value: BookingFormValue, context: BookingContext): FormProblem[] {
  const problems: FormProblem[] = [];
  const add = (field: string, key: string, params?: Record<string, unknown>) => {
    problems.push({ field, messageKey: P + key, ...(params ? { params } : {}) });
  };

  value.parties.forEach((party, i) => {
    const who = { number: i + 1 };
    if (!party.name.trim()) add(fieldId.party(i, 'name'), 'partyName', who);
    if (!party.birthDate) add(fieldId.party(i, 'birth'), 'partyBirthRequired', who);
    else if (!isDate(party.birthDate) || party.birthDate >= context.today)
      add(fieldId.party(i, 'birth'), 'birthInvalid');
    else if (ageOn(party.birthDate, context.weddingDate) < MIN_AGE)
      add(fieldId.party(i, 'birth'), 'partyUnder18', { number: i + 1, age: MIN_AGE });
    if (!party.email.trim()) add(fieldId.party(i, 'email'), 'emailRequired', who);
    else if (!isEmail(party.email)) add(fieldId.party(i, 'email'), 'emailInvalid');
    if (!party.phone.trim()) add(fieldId.party(i, 'phone'), 'phoneRequired', who);
    else if (!isPhone(party.phone)) add(fieldId.party(i, 'phone'), 'phoneInvalid');
    if (!party.residence) add(fieldId.party(i, 'residence'), 'residenceRequired', who);
  });

  value.witnesses.forEach((witness, i) => {
    const who = { number: i + 1 };
    if (!witness.name.trim()) add(fieldId.witness(i, 'name'), 'witnessName', who);
    if (!witness.birthDate) add(fieldId.witness(i, 'birth'), 'witnessBirthRequired', who);
    else if (!isDate(witness.birthDate) || witness.birthDate >= context.today)
      add(fieldId.witness(i, 'birth'), 'birthInvalid');
    else if (ageOn(witness.birthDate, context.weddingDate) < MIN_AGE)
      add(fieldId.witness(i, 'birth'), 'witnessUnder18', { number: i + 1, age: MIN_AGE });
  });

  if (!value.ceremonyLanguage) add(fieldId.language, 'languageRequired');

  const guests = value.guests.trim();
  if (!/^\d+$/.test(guests)) add(fieldId.guests, 'guestsInvalid');
  else if (Number(guests) > context.capacity)
    add(fieldId.guests, 'guestsOverCapacity', { capacity: context.capacity });

  const issued = value.certificateIssuedOn;
  if (!issued) add(fieldId.certificate, 'certificateRequired');
  else if (!isDate(issued)) add(fieldId.certificate, 'certificateInvalid');
  else {
    const problem = certificateProblem(issued, context.weddingDate, context.today);
    if (problem === 'future') add(fieldId.certificate, 'certificateFuture');
    else if (problem === 'expired')
      add(fieldId.certificate, 'certificateExpired', {
        validUntil: (context.formatDate ?? String)(certificateValidUntil(issued)),
      });
  }
  if (value.notes.length > 2000) add(fieldId.notes, 'notesTooLong');
  return problems;
}
