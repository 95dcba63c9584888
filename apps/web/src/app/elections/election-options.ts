import type {
  ElectionType,
  EnvelopeReason,
  RejectionGround,
  VoteKind,
  VoteStatus,
} from '@sekretariat/contracts';

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

export const VOTE_STATUS_OPTIONS = keys<VoteStatus>({
  received: true,
  approved: true,
  rejected: true,
  cancelled: true,
});

/** Why a vote is taken in a special envelope (omslagskonvolutt), in the order the API gives them. */
export const ENVELOPE_REASON_OPTIONS = keys<EnvelopeReason>({
  not_in_roll: true,
  already_voted: true,
  identity_doubt: true,
  other_municipality: true,
  early_vote: true,
});

/** The grounds the board may reject a vote on (the criteria of prøving), in the contracts' order. */
export const REJECTION_GROUND_OPTIONS = keys<RejectionGround>({
  not_in_roll: true,
  not_identified: true,
  wrong_time: true,
  wrong_receiver: true,
  envelope_opened: true,
  already_approved: true,
  late: true,
});

/**
 * What the clerk writes on the envelope, as the API says it (the contracts' ENVELOPE_NOTES, in
 * Norwegian whatever the language of the page: the board reads it). The lookup sends the note;
 * this copy is for the case the counter decides itself (the clerk doubts the identity), and
 * elections-texts.spec.ts checks that it is the same as the contracts'.
 */
export const ENVELOPE_NOTES: Readonly<Record<EnvelopeReason, string>> = {
  other_municipality: 'Velger i annen kommune: send til kommunen',
  already_voted: 'Har stemt tidligere',
  not_in_roll: 'Ikke funnet i manntallet',
  identity_doubt: 'Tvil om identitet',
  early_vote: 'Tidligstemme',
};
