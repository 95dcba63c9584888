/**
 * Legal grounds for exempting documents from public access and for closing a meeting
 * (domain.md §§ 1.4, 4). Each has a stable code, the citation as written on Norwegian papers,
 * and whether it forces a closed meeting (koml. § 11-5 (2)) or only allows one (§ 11-5 (3)).
 */
export interface LegalGround {
  code: string;
  citation: string;
  description: string;
  /** The meeting must be closed when the item is treated. */
  mustClose: boolean;
  /** Allowed as a remote meeting (koml. § 11-7: not when closed under § 11-5 (2)). */
  remoteAllowed: boolean;
}

export const LEGAL_GROUNDS: readonly LegalGround[] = [
  { code: 'offl13-fvl13', citation: 'offl. § 13 jf. fvl. § 13 første ledd nr. 1', description: 'Taushetsplikt om noens personlige forhold', mustClose: true, remoteAllowed: false },
  { code: 'koml11-5-2b', citation: 'koml. § 11-5 annet ledd bokstav b', description: 'Arbeidstakers tjenstlige forhold', mustClose: true, remoteAllowed: false },
  { code: 'koml11-5-3a', citation: 'koml. § 11-5 tredje ledd bokstav a', description: 'Hensynet til personvern', mustClose: false, remoteAllowed: true },
  { code: 'offl14', citation: 'offl. § 14', description: 'Organinterne dokumenter', mustClose: false, remoteAllowed: true },
  { code: 'offl15', citation: 'offl. § 15', description: 'Dokumenter innhentet utenfra til intern saksforberedelse', mustClose: false, remoteAllowed: true },
  { code: 'offl23-1', citation: 'koml. § 11-5 tredje ledd bokstav b jf. offl. § 23 første ledd', description: 'Forhandlingsposisjon og økonomiske interesser', mustClose: false, remoteAllowed: true },
  { code: 'offl24', citation: 'offl. § 24', description: 'Kontroll- og reguleringstiltak', mustClose: false, remoteAllowed: true },
  { code: 'offl26-1', citation: 'offl. § 26 første ledd', description: 'Eksamensbesvarelser og prøver', mustClose: false, remoteAllowed: true },
];
