import { DomainError } from '../common/errors/domain-error.js';

/** The trigger behind "at most one approved vote per voter and election" (migration OneApprovedVote). */
export const ONE_APPROVED_CONSTRAINTS: readonly string[] = ['vote_one_approved', 'advance_vote_one_approved', 'received_envelope_one_approved'];

/** Whether a database error is the one-approved rule refusing a second approval. */
export function isSecondApproval(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string } | null;
  return err?.code === '23505' && ONE_APPROVED_CONSTRAINTS.includes(err.constraint ?? '');
}

export function voterAlreadyApproved(what: 'vote' | 'envelope'): DomainError {
  return new DomainError(
    'VOTER_ALREADY_APPROVED',
    `En velger kan ha bare én godkjent stemmegivning. Forkast ${what === 'vote' ? 'de andre' : 'konvolutten'} med grunnen «har allerede en godkjent stemmegivning».`,
    409,
  );
}

/**
 * Runs a write that approves votes; the database's rule refusing a second approval (a decision
 * made at the same moment by someone else) becomes VOTER_ALREADY_APPROVED. The transaction is
 * aborted by then, so nothing of the request is written.
 */
export async function approving<T>(what: 'vote' | 'envelope', write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isSecondApproval(e)) throw voterAlreadyApproved(what);
    throw e;
  }
}
