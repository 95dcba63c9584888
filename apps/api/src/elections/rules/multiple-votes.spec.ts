import { describe, expect, it } from '@jest/globals';
import { blocksNewVote, outcomeWithoutWrite } from './multiple-votes.js';

describe('the multiple-vote rule', () => {
  const pn = '16822548834';
  it('a retried request gets its first answer again', () => {
    expect(outcomeWithoutWrite({ sameAttempt: { personalNumber: pn }, personalNumber: pn, counted: true })).toBe('replay');
  });
  it('an idempotency key reused for another voter is refused', () => {
    expect(outcomeWithoutWrite({ sameAttempt: { personalNumber: '11812448848' }, personalNumber: pn, counted: false })).toBe('idempotency_key_reused');
  });
  it('a voter with a counted vote has already voted', () => {
    expect(outcomeWithoutWrite({ sameAttempt: null, personalNumber: pn, counted: true })).toBe('already_voted');
  });
  it('otherwise the voter was not in the roll', () => {
    expect(outcomeWithoutWrite({ sameAttempt: null, personalNumber: pn, counted: false })).toBe('not_in_roll');
  });
  it('only a counted vote blocks a new one; a cancelled one does not', () => {
    expect(blocksNewVote('counted')).toBe(true);
    expect(blocksNewVote('cancelled')).toBe(false);
    expect(blocksNewVote('rejected')).toBe(false);
  });
});
