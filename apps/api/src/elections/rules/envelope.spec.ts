import { describe, expect, it } from '@jest/globals';
import { envelopeReason, initialStatus, nextStepFor, type VoterSituation } from './envelope.js';

const plain: VoterSituation = { inRoll: true, own: true, period: 'ordinary', hasApproved: false, identityDoubt: false };

describe('special envelope instead of refusal', () => {
  it('a plain vote of the own voter who has not voted goes into the ballot box, approved at once', () => {
    expect(envelopeReason(plain)).toBeNull();
    expect(initialStatus(null)).toBe('approved');
    expect(nextStepFor(null)).toEqual({ action: 'ballot_box', envelopeReason: null, writeOnEnvelope: null });
  });

  it('takes every other case in an envelope, received for the board: not in roll, already voted, identity doubt, other municipality, early vote', () => {
    expect(envelopeReason({ ...plain, inRoll: false, own: null })).toBe('not_in_roll');
    expect(envelopeReason({ ...plain, hasApproved: true })).toBe('already_voted');
    expect(envelopeReason({ ...plain, identityDoubt: true })).toBe('identity_doubt');
    expect(envelopeReason({ ...plain, own: false })).toBe('other_municipality');
    expect(envelopeReason({ ...plain, period: 'early' })).toBe('early_vote');
    expect(initialStatus('already_voted')).toBe('received');
  });

  it('gives the reason the board needs first when several apply', () => {
    expect(envelopeReason({ ...plain, own: false, hasApproved: true, identityDoubt: true })).toBe('already_voted');
    expect(envelopeReason({ ...plain, own: false, identityDoubt: true, period: 'early' })).toBe('identity_doubt');
    expect(envelopeReason({ ...plain, own: false, period: 'early' })).toBe('other_municipality');
  });

  it('tells the clerk what to write on the envelope', () => {
    expect(nextStepFor('already_voted')).toEqual({ action: 'envelope', envelopeReason: 'already_voted', writeOnEnvelope: 'Har stemt tidligere' });
  });
});
