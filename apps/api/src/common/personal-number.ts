/**
 * Norwegian personal numbers (fødselsnummer, D-nummer, H-nummer and synthetic test numbers),
 * DDMMYY III K1 K2 (Skatteetaten). Before 2032: K1 and K2 are mod-11 control digits.
 * From 2032 K1 may also be 1, 2 or 3 more than today's value (gender-neutral numbers): both
 * rules are accepted. Birth dates and gender are read from the register, never from the number.
 */
const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function control(digits: number[], weights: number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i]!, 0);
  const r = 11 - (sum % 11);
  return r === 11 ? 0 : r;
}

export type PersonalNumberKind = 'fnr' | 'dnr' | 'hnr';

export interface PersonalNumberCheck {
  valid: boolean;
  kind?: PersonalNumberKind;
  /** Skatteetaten's Test-Norge/Tenor numbers (month + 80): never a real person. */
  synthetic?: boolean;
  reason?: string;
}

export function checkPersonalNumber(input: string): PersonalNumberCheck {
  const value = input.replace(/\s/g, '');
  if (!/^\d{11}$/.test(value)) return { valid: false, reason: 'Et fødselsnummer har 11 siffer.' };
  const d = [...value].map(Number);
  const k1 = control(d, W1);
  const k1ok = k1 !== 10 && d[9] === k1;
  const k1new = [0, 1, 2, 3].some((add) => (k1 + add) % 11 === d[9] && k1 + add !== 10);
  if (!k1ok && !k1new) return { valid: false, reason: 'Kontrollsifrene stemmer ikke.' };
  const k2 = control(d, W2);
  if (k2 === 10 || d[10] !== k2) return { valid: false, reason: 'Kontrollsifrene stemmer ikke.' };

  let day = d[0]! * 10 + d[1]!;
  let month = d[2]! * 10 + d[3]!;
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
  if (month < 1 || month > 12 || day < 1 || day > 31) return { valid: false, reason: 'Datodelen er ikke en gyldig dato.' };
  return { valid: true, kind, synthetic };
}

export function isValidPersonalNumber(input: string): boolean {
  return checkPersonalNumber(input).valid;
}

/** For display: the birth date part and five stars. */
export function maskPersonalNumber(value: string): string {
  return value.replace(/\s/g, '').slice(0, 6) + '*****';
}
