// The rule for personal numbers is in @sekretariat/contracts (checkPersonalNumber), shared with the web app.

/** For display: the birth date part and five stars. */
export function maskPersonalNumber(value: string): string {
  return value.replace(/\s/g, '').slice(0, 6) + '*****';
}
