import { describe, expect, it } from '@jest/globals';
import { blocksApproval, sameKeyOutcome } from './multiple-votes.js';

describe('the multiple-vote rule', () => {
  const pn = '16822548834';
  it('a retried request gets its first answer again', () => {
    expect(sameKeyOutcome({ earlierPersonalNumber: pn, personalNumber: pn })).toBe('replay');
  });
  it('an idempotency key reused for another voter is refused', () => {
    expect(sameKeyOutcome({ earlierPersonalNumber: '11812448848', personalNumber: pn })).toBe('idempotency_key_reused');
  });
  it('only an approved vote blocks approving another; a received, rejected or cancelled one does not', () => {
    expect(blocksApproval('approved')).toBe(true);
    expect(blocksApproval('received')).toBe(false);
    expect(blocksApproval('cancelled')).toBe(false);
    expect(blocksApproval('rejected')).toBe(false);
  });
});
