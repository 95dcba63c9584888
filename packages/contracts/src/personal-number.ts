/**
 * Norwegian personal numbers (fødselsnummer, D-nummer, H-nummer and synthetic test numbers),
 * DDMMYY III K1 K2 (Skatteetaten; docs/domain.md §5): the one rule the API (people, the roll
 * import, the counter) and the web app check them by.
 *
 * - K1 and K2 are mod-11 control digits. From 2032 K1 may also be 1, 2 or 3 more than today's
 *   value (gender-neutral numbers): both rules are accepted.
 * - The date part must be a real date: D-numbers add 40 to the day, H-numbers (and NAV's Dolly
 *   synthetic persons) 40 to the month, Skatteetaten's Test-Norge/Tenor persons 80 to the month.
 *   The century comes from the individual number III: 000–499 → 1900s; 500–749 with YY 54–99 →
 *   1854–1899; 500–999 with YY 00–39 → 2000–2039; 900–999 with YY 40–99 → 1940–1999. Only
 *   29 February of YY 00 depends on the century (1900 was no leap year, 2000 was), and for YY 00
 *   the century is always known. Numbers in the ranges no century is assigned to (III 500–749
 *   with YY 40–53, 750–899 with YY 40–99) are not refused for it: the register decides.
 * - Birth dates and gender are read from the register, never from the number.
 */
const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function control(digits: readonly number[], weights: readonly number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const r = 11 - (sum % 11);
  return r === 11 ? 0 : r;
}

export type PersonalNumberKind = 'fnr' | 'dnr' | 'hnr';
/** Why a number was refused: `format` (not 11 digits), `control` (control digits), `date` (no such date). */
export type PersonalNumberProblem = 'format' | 'control' | 'date';

export interface PersonalNumberCheck {
  valid: boolean;
  kind?: PersonalNumberKind;
  /** Skatteetaten's Test-Norge/Tenor numbers (month + 80): never a real person. */
  synthetic?: boolean;
  problem?: PersonalNumberProblem;
  /** Norwegian (bokmål), for people. */
  reason?: string;
}

const REASONS: Record<PersonalNumberProblem, string> = {
  format: 'Et fødselsnummer har 11 siffer.',
  control: 'Kontrollsifrene stemmer ikke.',
  date: 'Datodelen er ikke en gyldig dato.',
};

const refused = (problem: PersonalNumberProblem): PersonalNumberCheck => ({ valid: false, problem, reason: REASONS[problem] });

/** Whether year-month-day is a date in the Gregorian calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** The century the individual number gives (1800, 1900 or 2000), or null where none is assigned. */
export function personalNumberCentury(individual: number, yy: number): 1800 | 1900 | 2000 | null {
  if (individual <= 499) return 1900;
  if (individual <= 749 && yy >= 54) return 1800;
  if (yy <= 39) return 2000;
  if (individual >= 900) return 1900;
  return null;
}

interface DatePart {
  year: number | null;
  yy: number;
  month: number;
  day: number;
  kind: PersonalNumberKind;
  synthetic: boolean;
}

function datePart(d: readonly number[]): DatePart {
  let day = d[0]! * 10 + d[1]!;
  let month = d[2]! * 10 + d[3]!;
  const yy = d[4]! * 10 + d[5]!;
  let kind: PersonalNumberKind = 'fnr';
  let synthetic = false;
  if (day > 40) {
    day -= 40;
    kind = 'dnr';
  }
  if (month > 80) {
    month -= 80;
    synthetic = true;
  } else if (month > 40) {
    month -= 40;
    if (kind === 'fnr') kind = 'hnr';
  }
  const century = personalNumberCentury(d[6]! * 100 + d[7]! * 10 + d[8]!, yy);
  return { year: century === null ? null : century + yy, yy, month, day, kind, synthetic };
}

export function checkPersonalNumber(input: string): PersonalNumberCheck {
  const value = input.replace(/\s/g, '');
  if (!/^\d{11}$/.test(value)) return refused('format');
  const d = [...value].map(Number);
  const k1 = control(d, W1);
  const k1ok = k1 !== 10 && d[9] === k1;
  const k1new = [0, 1, 2, 3].some((add) => (k1 + add) % 11 === d[9] && k1 + add !== 10);
  if (!k1ok && !k1new) return refused('control');
  const k2 = control(d, W2);
  if (k2 === 10 || d[10] !== k2) return refused('control');

  const { year, yy, month, day, kind, synthetic } = datePart(d);
  // Without a century (only for YY 40–99) any century gives the same leap years.
  if (!isCalendarDate(year ?? 1900 + yy, month, day)) return refused('date');
  return { valid: true, kind, synthetic };
}

export function isValidPersonalNumber(input: string): boolean {
  return checkPersonalNumber(input).valid;
}

/**
 * The birth date a valid number encodes (YYYY-MM-DD), or null when it is not valid or its
 * individual number gives no century. For checks and test data only: the register's birth date
 * is the one to use.
 */
export function personalNumberBirthDate(input: string): string | null {
  if (!checkPersonalNumber(input).valid) return null;
  const { year, month, day } = datePart([...input.replace(/\s/g, '')].map(Number));
  if (year === null) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
