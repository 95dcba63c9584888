/**
 * The legal grounds the API accepts for exempt cases and closed items (codes and citations as
 * in apps/api/src/meetings/rules/legal-grounds.ts; the contracts do not list them yet).
 * The citation is the law's own wording and is shown as it is, in Norwegian.
 */
export interface LegalGroundOption {
  readonly code: string;
  readonly citation: string;
  /** The item must be treated in closed session (koml. § 11-5 annet ledd). */
  readonly mustClose: boolean;
}

export const LEGAL_GROUND_OPTIONS: readonly LegalGroundOption[] = [
  { code: 'offl13-fvl13', citation: 'offl. § 13 jf. fvl. § 13 første ledd nr. 1', mustClose: true },
  { code: 'koml11-5-2b', citation: 'koml. § 11-5 annet ledd bokstav b', mustClose: true },
  { code: 'koml11-5-3a', citation: 'koml. § 11-5 tredje ledd bokstav a', mustClose: false },
  { code: 'offl14', citation: 'offl. § 14', mustClose: false },
  { code: 'offl15', citation: 'offl. § 15', mustClose: false },
  {
    code: 'offl23-1',
    citation: 'koml. § 11-5 tredje ledd bokstav b jf. offl. § 23 første ledd',
    mustClose: false,
  },
  { code: 'offl24', citation: 'offl. § 24', mustClose: false },
  { code: 'offl26-1', citation: 'offl. § 26 første ledd', mustClose: false },
];
