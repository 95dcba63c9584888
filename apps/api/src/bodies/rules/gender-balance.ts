/**
 * Gender balance in elected bodies, koml. § 7-6 (per Prop. 46 L ch. 14): when n are elected,
 * 2–3 → both genders; 4–5 → at least 2 of each; 6–8 → at least 3; 9 → at least 4;
 * more than 9 → at least 40 % of each. Applies separately to members and to substitutes.
 * Persons of gender 'other' count towards neither minimum (the law speaks of both genders).
 */
export function minPerGender(n: number): number {
  if (n <= 1) return 0;
  if (n <= 3) return 1;
  if (n <= 5) return 2;
  if (n <= 8) return 3;
  if (n === 9) return 4;
  return Math.ceil(0.4 * n);
}

export type Gender = 'female' | 'male' | 'other';

/** The outcome of one check, as a code the web translates with the numbers (nb, nn, en). */
export type GenderCheckCode = 'GENDER_BALANCE_MET' | 'GENDER_BALANCE_SHORT';

export interface GenderCount {
  /** Stable key of the group: `member` or `member:<list>` (and the same for substitutes). */
  group: string;
  code: GenderCheckCode;
  kind: 'member' | 'substitute';
  /** The list's name under forholdsvalg; null for the whole body. */
  list: string | null;
  total: number;
  female: number;
  male: number;
  required: number;
  ok: boolean;
}

export function countGenders(kind: 'member' | 'substitute', list: { key: string; name: string } | null, genders: readonly Gender[]): GenderCount {
  const female = genders.filter((g) => g === 'female').length;
  const male = genders.filter((g) => g === 'male').length;
  const required = minPerGender(genders.length);
  const ok = female >= required && male >= required;
  return { group: list ? `${kind}:${list.key}` : kind, code: ok ? 'GENDER_BALANCE_MET' : 'GENDER_BALANCE_SHORT', kind, list: list?.name ?? null, total: genders.length, female, male, required, ok };
}

export interface BalanceInput {
  kind: 'member' | 'substitute';
  /** The list's key (a person elected without a party is a list of their own). */
  list: string;
  /** The list's name, when the key is not one. */
  listName?: string;
  gender: Gender;
}

/** How the rule applies to a body (koml. § 7-6). */
export type GenderRule = 'required' | 'as_far_as_possible' | 'not_applicable';

/**
 * Koml. § 7-6 applies to the bodies the municipal council elects, not to the council itself
 * (elected by the voters under valgloven); to the formannskap "as far as possible".
 */
export function genderRuleFor(bodyKind: string): GenderRule {
  if (bodyKind === 'kommunestyre') return 'not_applicable';
  return bodyKind === 'formannskap' ? 'as_far_as_possible' : 'required';
}

/**
 * The rule for a body: members and substitutes counted apart. Under proportional election
 * (forholdsvalg) it applies per list, the members elected from each list; under an agreed
 * election (avtalevalg) and the other methods to the body as a whole. Temporary replacements
 * (settemedlem) are exempt: only ordinary memberships are passed in. No checks where the rule
 * does not apply.
 */
export function genderBalance(seats: readonly BalanceInput[], options: { method: string; rule: GenderRule } = { method: 'avtalevalg', rule: 'required' }): { ok: boolean; checks: GenderCount[] } {
  if (options.rule === 'not_applicable') return { ok: true, checks: [] };
  const checks: GenderCount[] = [];
  for (const kind of ['member', 'substitute'] as const) {
    const ofKind = seats.filter((s) => s.kind === kind);
    if (ofKind.length === 0) continue;
    if (options.method !== 'forholdsvalg') {
      checks.push(countGenders(kind, null, ofKind.map((s) => s.gender)));
      continue;
    }
    const lists = [...new Map(ofKind.map((s) => [s.list, s.listName ?? s.list])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'nb') || a[0].localeCompare(b[0]));
    for (const [key, name] of lists) {
      checks.push(countGenders(kind, { key, name }, ofKind.filter((s) => s.list === key).map((s) => s.gender)));
    }
  }
  return { ok: checks.every((c) => c.ok), checks };
}
