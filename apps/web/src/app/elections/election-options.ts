import type { ElectionType, VoteKind } from '@sekretariat/contracts';

/*
 * The contracts' enum values, written out so that the app does not bundle zod for two lists;
 * `Record<…, true>` makes the compiler fail when the contracts gain a value, and
 * elections-texts.spec.ts checks that each has a text.
 */
function keys<T extends string>(values: Record<T, true>): readonly T[] {
  return Object.keys(values) as T[];
}

export const ELECTION_TYPE_OPTIONS = keys<ElectionType>({
  stortingsvalg: true,
  kommunestyre_fylkesting: true,
  sametingsvalg: true,
  folkeavstemning: true,
  ungdomsraadsvalg: true,
});

export const VOTE_KIND_OPTIONS = keys<VoteKind>({
  early: true,
  ordinary: true,
  institution: true,
  home: true,
});

/** National elections are held on a Monday (the API says the same). */
export const NATIONAL_TYPES: readonly ElectionType[] = [
  'stortingsvalg',
  'kommunestyre_fylkesting',
  'sametingsvalg',
];
