import { describe, expect, it } from '@jest/globals';
import { deadlineInstant, deadlineRange, deadlineWithinLaw, defaultDeadlineDate, inTime } from './deadline.js';

describe('home-voting application deadline', () => {
  it('is between Tuesday and Friday of the last week before election day (2025: valgdag 8 Sep)', () => {
    expect(deadlineRange('2025-09-08')).toEqual({ earliest: '2025-09-02', latest: '2025-09-05' });
    expect(deadlineRange('2027-09-13')).toEqual({ earliest: '2027-09-07', latest: '2027-09-10' });
  });

  it('defaults to the Tuesday', () => {
    expect(defaultDeadlineDate('2027-09-13')).toBe('2027-09-07');
  });

  it('accepts a setting inside the range only', () => {
    expect(deadlineWithinLaw('2027-09-13', '2027-09-07')).toBe(true);
    expect(deadlineWithinLaw('2027-09-13', '2027-09-10')).toBe(true);
    expect(deadlineWithinLaw('2027-09-13', '2027-09-06')).toBe(false);
    expect(deadlineWithinLaw('2027-09-13', '2027-09-11')).toBe(false);
  });

  it('the deadline day is in time, the next day is not', () => {
    expect(inTime('2027-09-07', '2027-09-07')).toBe(true);
    expect(inTime('2027-09-07', '2027-09-08')).toBe(false);
    expect(inTime('2027-09-07', '2027-08-20')).toBe(true);
  });

  it('ends at 23:59:59 Norwegian time', () => {
    expect(deadlineInstant('2027-09-07')).toBe('2027-09-07T23:59:59+02:00');
    expect(deadlineInstant('2027-01-12')).toBe('2027-01-12T23:59:59+01:00');
  });
});
