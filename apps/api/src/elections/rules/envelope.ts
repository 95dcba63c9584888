import { ENVELOPE_NOTES, type EnvelopeReason, type NextStep, type VoteKind } from '@sekretariat/contracts';

/** What the counter knows about the voter at the moment of registration. */
export interface VoterSituation {
  inRoll: boolean;
  /** The receiving municipality's own voter; null when not in the roll. */
  own: boolean | null;
  /** The advance-voting period today (early or ordinary). */
  period: VoteKind;
  /** The voter already has an approved vote in this election. */
  hasApproved: boolean;
  /** The clerk is in doubt about the voter's identity. */
  identityDoubt: boolean;
}

/**
 * A voter is never turned away at an advance-voting desk (valgloven; domain.md §2.2): a plain
 * vote of the own municipality's voter who has not voted goes into the ballot box and is approved
 * at once; every other case is taken in a special envelope (omslagskonvolutt) with its reason,
 * received for the election board to decide (prøving). The first reason that applies is given,
 * in the order the board needs to know them.
 */
export function envelopeReason(v: VoterSituation): EnvelopeReason | null {
  if (!v.inRoll) return 'not_in_roll';
  if (v.hasApproved) return 'already_voted';
  if (v.identityDoubt) return 'identity_doubt';
  if (v.own === false) return 'other_municipality';
  if (v.period === 'early') return 'early_vote';
  return null;
}

export function nextStepFor(reason: EnvelopeReason | null): NextStep {
  return reason === null
    ? { action: 'ballot_box', envelopeReason: null, writeOnEnvelope: null }
    : { action: 'envelope', envelopeReason: reason, writeOnEnvelope: ENVELOPE_NOTES[reason] };
}

/** Received in an envelope, or approved at once. */
export function initialStatus(reason: EnvelopeReason | null): 'approved' | 'received' {
  return reason === null ? 'approved' : 'received';
}
