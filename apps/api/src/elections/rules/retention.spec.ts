import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RETENTION_MONTHS, isDue, purgeFrom } from './retention.js';

describe('retention of the roll and personal numbers', () => {
  it('by default 6 months after election day', () => {
    expect(DEFAULT_RETENTION_MONTHS).toBe(6);
    expect(purgeFrom('2027-09-13', null)).toBe('2028-03-13');
  });
  it('per election, and at the end of a shorter month', () => {
    expect(purgeFrom('2027-09-13', 2)).toBe('2027-11-13');
    expect(purgeFrom('2027-08-31', 6)).toBe('2028-02-29');
  });
  it('is due from that day on, not before', () => {
    expect(isDue('2027-09-13', null, '2028-03-12')).toBe(false);
    expect(isDue('2027-09-13', null, '2028-03-13')).toBe(true);
    expect(isDue('2027-09-13', 0, '2027-09-13')).toBe(true);
  });
});
