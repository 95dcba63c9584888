import { describe, expect, it } from '@jest/globals';
import { periodOn, votingPeriods } from './voting-periods.js';

describe('votingPeriods', () => {
  it('2025: 10 August was a Sunday, so advance voting ran 11 Aug–5 Sep for election day 8 Sep', () => {
    expect(votingPeriods('2025-09-08')).toEqual({
      earlyFrom: '2025-07-01',
      earlyTo: '2025-08-10',
      advanceFrom: '2025-08-11',
      advanceTo: '2025-09-05',
    });
  });

  it('2027 (Monday 13 September): 10 August is a Tuesday', () => {
    expect(votingPeriods('2027-09-13')).toMatchObject({ advanceFrom: '2027-08-10', advanceTo: '2027-09-10' });
  });

  it('a Saturday 10 August moves to Monday 12th', () => {
    expect(votingPeriods('2029-09-10').advanceFrom).toBe('2029-08-10'); // Friday
    expect(votingPeriods('2024-09-09').advanceFrom).toBe('2024-08-12'); // 10 Aug 2024 was a Saturday
  });

  it('tells the period of a day', () => {
    const p = votingPeriods('2025-09-08');
    expect(periodOn(p, '2025-06-30')).toBeNull();
    expect(periodOn(p, '2025-07-01')).toBe('early');
    expect(periodOn(p, '2025-08-10')).toBe('early');
    expect(periodOn(p, '2025-08-11')).toBe('ordinary');
    expect(periodOn(p, '2025-09-05')).toBe('ordinary');
    expect(periodOn(p, '2025-09-06')).toBeNull();
  });
});
