import type { LookupResponse, VoterMatch } from '@sekretariat/contracts';

/** The digits of what was typed or scanned: spaces and separators are ignored. */
export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

export const PERSONAL_NUMBER_LENGTH = 11;

/** What the clerk must do, from a lookup: each state has its own colour, icon and words. */
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
