import { closedSession, legalGround } from '../../cases/legal-grounds.js';

/**
 * Checks a requested agenda order against the items the meeting has: the same items, each once.
 * Returns null when it matches, else what is wrong.
 */
export function orderMismatch(
  current: readonly string[],
  requested: readonly string[],
): { missing: string[]; unknown: string[]; duplicates: string[] } | null {
  const have = new Set(current);
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const id of requested) {
    if (seen.has(id)) duplicates.add(id);
    seen.add(id);
  }
  const missing = current.filter((id) => !seen.has(id));
  const unknown = [...seen].filter((id) => !have.has(id));
  if (!missing.length && !unknown.length && !duplicates.size) return null;
  return { missing, unknown, duplicates: [...duplicates] };
}

export type ClosureProblem = 'UNKNOWN_LEGAL_GROUND' | 'ITEM_CLOSED_NEEDS_GROUND' | 'ITEM_MUST_BE_CLOSED' | 'REMOTE_MEETING_CANNOT_CLOSE';

/**
 * Whether an item may be open or closed (koml. § 11-5) in a meeting that is, or is not, remote
 * (§ 11-7). `caseGround` is the exemption of the item's case: a ground that forces closing
 * (§ 11-5 (2)) keeps the item closed. The recorded ground is the one asked for, else the case's.
 */
export function itemClosure(input: {
  closed: boolean;
  ground: string | null;
  caseGround: string | null;
  remote: boolean;
}): { ok: true; closed: boolean; ground: string | null } | { ok: false; problem: ClosureProblem } {
  for (const code of [input.ground, input.caseGround]) {
    if (code !== null && !legalGround(code)) return { ok: false, problem: 'UNKNOWN_LEGAL_GROUND' };
  }
  const forced = input.caseGround !== null && closedSession([input.caseGround]).mustClose;
  if (!input.closed) {
    return forced ? { ok: false, problem: 'ITEM_MUST_BE_CLOSED' } : { ok: true, closed: false, ground: null };
  }
  const ground = input.ground ?? input.caseGround;
  if (ground === null) return { ok: false, problem: 'ITEM_CLOSED_NEEDS_GROUND' };
  const grounds = input.caseGround !== null && input.caseGround !== ground ? [ground, input.caseGround] : [ground];
  if (input.remote && !closedSession(grounds).remoteAllowed) return { ok: false, problem: 'REMOTE_MEETING_CANNOT_CLOSE' };
  return { ok: true, closed: true, ground };
}

const OSLO_YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', year: 'numeric' });

/** The numbering year of a meeting: its calendar year in Norway. */
export function numberingYear(startsAt: Date): number {
  return Number(OSLO_YEAR.format(startsAt));
}
