import type { VoteStatus } from '@sekretariat/contracts';

/**
 * The multiple-vote rule (Valgdirektoratet's criteria for prøving, domain.md §2.2): a voter has
 * at most one approved vote per election. A later vote is not refused at the desk: it is received
 * in an envelope ("already voted") and the board rejects it with the ground "already has an
 * approved vote". Which of two votes counts when an earlier-cast one is approved after a later-cast
 * one is unverified in the law; here the first approved wins (docs/elections.md).
 */

/** A registration with an idempotency key already used: the same request again, or a key reused for another voter. */
export function sameKeyOutcome(input: { earlierPersonalNumber: string; personalNumber: string }): 'replay' | 'idempotency_key_reused' {
  return input.earlierPersonalNumber === input.personalNumber ? 'replay' : 'idempotency_key_reused';
}

/** Only an approved vote blocks approving another; received, rejected and cancelled ones do not. */
export function blocksApproval(status: VoteStatus): boolean {
  return status === 'approved';
}
