/** The age a witness must have reached on the wedding day (el. § 11, practice). */
export const WITNESS_MIN_AGE = 18;

/**
 * Whether someone born on `birthDate` is at least `years` old on `day` (ISO dates). The birthday
 * itself counts; someone born on 29 February comes of age on 1 March in other years.
 */
export function isAtLeast(birthDate: string, day: string, years = WITNESS_MIN_AGE): boolean {
  const birthday = `${String(Number(birthDate.slice(0, 4)) + years).padStart(4, '0')}${birthDate.slice(4)}`;
  return birthday <= day;
}

/** The indexes of the witnesses who are under age on the wedding day. */
export function underageWitnesses(witnesses: readonly { birthDate: string }[], weddingDay: string): number[] {
  return witnesses.flatMap((w, i) => (isAtLeast(w.birthDate, weddingDay) ? [] : [i]));
}
