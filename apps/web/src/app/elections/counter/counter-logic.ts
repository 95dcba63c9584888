import type { LookupResponse, NextStep, VoterMatch, VotesReport } from '@sekretariat/contracts';
import { ENVELOPE_NOTES } from '../election-options';

/** The digits of what was typed or scanned: spaces and separators are ignored. */
export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

export const PERSONAL_NUMBER_LENGTH = 11;

/** Who the voter is, from a lookup: each state has its own colour, icon and words. */
export type VoterState = 'own' | 'other' | 'alreadyVoted' | 'notInRoll' | 'several';

export function voterState(response: LookupResponse): VoterState {
  switch (response.status) {
    case 'already_voted':
      return 'alreadyVoted';
    case 'not_in_roll':
      return 'notInRoll';
    case 'several':
      return 'several';
    case 'found':
      return response.matches[0]?.belongs === 'other' ? 'other' : 'own';
  }
}

/** The one voter a lookup found, if it found exactly one. */
export function singleMatch(response: LookupResponse): VoterMatch | null {
  return response.matches.length === 1 ? (response.matches[0] ?? null) : null;
}

/**
 * The step the clerk takes once the identity is checked: the lookup's, unless the clerk doubts
 * the voter's identity. Then the vote goes in an envelope for the board, as the API decides it
 * (apps/api/src/elections/rules/envelope.ts): a voter not in the roll or who has voted keeps
 * that reason (it comes first); any other voter's envelope says «Tvil om identitet».
 */
export function stepWith(step: NextStep, identityDoubt: boolean): NextStep {
  if (
    !identityDoubt ||
    step.envelopeReason === 'not_in_roll' ||
    step.envelopeReason === 'already_voted'
  ) {
    return step;
  }
  return {
    action: 'envelope',
    envelopeReason: 'identity_doubt',
    writeOnEnvelope: ENVELOPE_NOTES.identity_doubt,
  };
}

/** A municipality number as the API takes it: four digits, or nothing. */
export function municipalityNumberProblem(value: string): boolean {
  return value.trim() !== '' && !/^\d{4}$/.test(value.trim());
}

/**
 * The votes taken today at the place, from the election's figures: received, approved and
 * rejected ones; not those cancelled (an undone registration is not a vote taken).
 */
export function takenToday(report: VotesReport, date: string, placeName: string): number {
  return report.days
    .filter((day) => day.date === date && day.votingPlace === placeName)
    .reduce((sum, day) => sum + day.received + day.approved + day.rejected, 0);
}

/**
 * A key for one registration attempt, reused when the same attempt is sent again after a
 * network failure, so that the server registers it once. `crypto.randomUUID` exists only in
 * secure contexts (https, localhost); an intranet over plain http gets the same from random bytes.
 */
export function newIdempotencyKey(cryptoApi: Crypto = globalThis.crypto): string {
  if (typeof cryptoApi.randomUUID === 'function') return cryptoApi.randomUUID();
  const bytes = cryptoApi.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
