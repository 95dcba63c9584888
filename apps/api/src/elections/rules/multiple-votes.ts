/**
 * What happens when a registration writes nothing (valgloven; Valgdirektoratet's criteria for
 * prøving: a voter has at most one approved vote per election). The database refuses a second
 * counted vote; this decides what the clerk is told.
 */
export type NoWriteOutcome = 'replay' | 'idempotency_key_reused' | 'already_voted' | 'not_in_roll';

export function outcomeWithoutWrite(input: {
  /** A vote registered earlier with the same idempotency key, and for whom. */
  sameAttempt: { personalNumber: string } | null;
  personalNumber: string;
  /** The voter's counted vote in this election, if any. */
  counted: boolean;
}): NoWriteOutcome {
  if (input.sameAttempt) return input.sameAttempt.personalNumber === input.personalNumber ? 'replay' : 'idempotency_key_reused';
  return input.counted ? 'already_voted' : 'not_in_roll';
}

/** A cancelled vote does not count: the voter may vote again. Only counted votes block. */
export function blocksNewVote(status: 'counted' | 'rejected' | 'cancelled'): boolean {
  return status === 'counted';
}
