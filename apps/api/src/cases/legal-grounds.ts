import { LEGAL_GROUNDS, type LegalGround } from '@sekretariat/contracts';

/** The list lives in the contracts, shared with the web client; the rules on it live here. */
export { LEGAL_GROUNDS, type LegalGround };

export function legalGround(code: string): LegalGround | undefined {
  return LEGAL_GROUNDS.find((g) => g.code === code);
}

/** Whether an item with these grounds must be closed, may be, and whether it can be remote. */
export function closedSession(codes: readonly string[]): { mustClose: boolean; mayClose: boolean; remoteAllowed: boolean; citations: string[] } {
  const grounds = codes.map((c) => {
    const g = legalGround(c);
    if (!g) throw new RangeError(`Unknown legal ground ${c}`);
    return g;
  });
  return {
    mustClose: grounds.some((g) => g.mustClose),
    mayClose: grounds.length > 0,
    remoteAllowed: grounds.every((g) => g.remoteAllowed),
    citations: grounds.map((g) => g.citation),
  };
}
