import { checkPersonalNumber, isCalendarDate } from '@sekretariat/contracts';
import { hasBadText } from '../common/text.js';

/**
 * The roll file (docs/roll-format.md): UTF-8, one voter per line, semicolon separated, with the
 * header `fodselsnummer;fornavn;etternavn;fodselsdato;adresse;kommunenummer;krets`.
 */
/** Rolls uploaded over HTTP; larger ones are imported with `npm run roll:import`. */
export const ROLL_UPLOAD_MAX_BYTES = 300 * 1024 * 1024;

export const ROLL_HEADER = ['fodselsnummer', 'fornavn', 'etternavn', 'fodselsdato', 'adresse', 'kommunenummer', 'krets'];

/** County parts of kommunenummer since 2024, and 99 for synthetic test municipalities. */
const COUNTIES = new Set(['03', '11', '15', '18', '31', '32', '33', '34', '39', '40', '42', '46', '50', '55', '56', '99']);

export interface RollLine {
  personalNumber: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  address: string;
  municipalityNumber: string;
  district: string;
}

export function normaliseHeader(line: string): string[] {
  return line
    .replace(/^\uFEFF/, '')
    .split(';')
    .map((h) => h.trim().toLowerCase().replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/å/g, 'a'));
}

export function isRollHeader(line: string): boolean {
  const h = normaliseHeader(line);
  return h.length === ROLL_HEADER.length && h.every((c, i) => c === ROLL_HEADER[i]);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why a birth date in the roll (ÅÅÅÅ-MM-DD) cannot be one, or null: a real date, from 1854 (the earliest personal numbers). */
function birthDateProblem(value: string): string | null {
  const m = DATE.exec(value);
  if (!m) return `Ugyldig fødselsdato «${value}»: bruk ÅÅÅÅ-MM-DD.`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isCalendarDate(year, month, day)) return `Ugyldig fødselsdato «${value}»: datoen finnes ikke.`;
  if (year < 1854) return `Ugyldig fødselsdato «${value}»: før 1854.`;
  return null;
}

/** Parses and checks one line; returns the voter or a Norwegian message. */
export function parseRollLine(line: string): RollLine | string {
  // PostgreSQL's COPY would fail the whole import on a NUL, so such a line is refused here.
  if (hasBadText(line)) return 'Linjen inneholder tegn som ikke er tillatt (kontrolltegn som NUL).';
  const f = line.split(';');
  if (f.length !== 7) return `Linjen har ${f.length} felt; forventet 7.`;
  const [pn, given, family, birth, address, kommune, district] = f.map((x) => x.trim()) as [string, string, string, string, string, string, string];
  const check = checkPersonalNumber(pn);
  if (!check.valid) return `Fødselsnummer ${pn.slice(0, 6)}*****: ${check.reason}`;
  if (!given || !family) return 'Navn mangler.';
  if (given.length > 100 || family.length > 100 || address.length > 200 || district.length > 100) return 'Et felt er for langt.';
  const birthProblem = birthDateProblem(birth);
  if (birthProblem) return birthProblem;
  if (!/^\d{4}$/.test(kommune) || !COUNTIES.has(kommune.slice(0, 2))) return `Ukjent kommunenummer «${kommune}».`;
  return { personalNumber: pn, givenName: given, familyName: family, birthDate: birth, address, municipalityNumber: kommune, district };
}

/** One row in PostgreSQL's COPY text format. */
export function copyRow(values: string[]): string {
  return values.map((v) => (/[\\\t\n\r]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v)).join('\t') + '\n';
}
