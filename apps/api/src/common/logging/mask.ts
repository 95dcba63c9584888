/**
 * Masks Norwegian personal numbers (fødselsnummer, D-nummer: 11 digits, optionally written
 * as 6+5 with a space) in text: the birth date stays readable, the rest is hidden.
 */
const PERSONAL_NUMBER = /(?<!\d)(\d{6})[ ]?(\d{5})(?!\d)/g;

export function maskPersonalNumbers(text: string): string {
  return text.replace(PERSONAL_NUMBER, '$1*****');
}

/** Deep copy of a log object with every string masked. */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalNumbers(value);
  if (typeof value === 'number' && Number.isInteger(value) && String(value).length === 11) {
    return maskPersonalNumbers(String(value));
  }
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  if (value instanceof Error) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}
