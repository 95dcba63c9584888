import { describe, expect, it } from '@jest/globals';
import { arrivalDeadline, isLate, osloWallClock } from './deadline.js';

describe('the arrival deadline: kl. 17 the day after election day, Oslo time', () => {
  it('in summer time (CEST, UTC+2): election day Monday 13 September 2027 → Tuesday 14th 17:00 = 15:00 UTC', () => {
    expect(arrivalDeadline('2027-09-13').toISOString()).toBe('2027-09-14T15:00:00.000Z');
  });

  it('in winter time (CET, UTC+1), for an election the municipality runs itself', () => {
    expect(arrivalDeadline('2027-02-10').toISOString()).toBe('2027-02-11T16:00:00.000Z');
  });

  it('across a DST change: election day Saturday 27 March 2027, the clocks go forward that night', () => {
    // 28 March 2027 is the last Sunday of March: 17:00 that day is already summer time.
    expect(arrivalDeadline('2027-03-27').toISOString()).toBe('2027-03-28T15:00:00.000Z');
    // 31 October 2027 the clocks go back: 17:00 is winter time.
    expect(arrivalDeadline('2027-10-30').toISOString()).toBe('2027-10-31T16:00:00.000Z');
  });

  it('the minute before is in time, 17:00 itself is in time, the minute after is late', () => {
    const day = '2027-09-13';
    expect(isLate(day, new Date('2027-09-14T16:59:00+02:00'))).toBe(false);
    expect(isLate(day, new Date('2027-09-14T17:00:00+02:00'))).toBe(false);
    expect(isLate(day, new Date('2027-09-14T17:00:01+02:00'))).toBe(true);
    expect(isLate(day, new Date('2027-09-14T17:01:00+02:00'))).toBe(true);
    // Before and on election day: in time.
    expect(isLate(day, new Date('2027-09-10T12:00:00+02:00'))).toBe(false);
  });

  it('in winter, the minute before and after 17:00 CET', () => {
    expect(isLate('2027-02-10', new Date('2027-02-11T15:59:00Z'))).toBe(false);
    expect(isLate('2027-02-10', new Date('2027-02-11T16:01:00Z'))).toBe(true);
  });

  it('finds a wall-clock time on either side of the changes', () => {
    expect(osloWallClock('2027-03-27', 17).toISOString()).toBe('2027-03-27T16:00:00.000Z');
    expect(osloWallClock('2027-10-31', 1, 30).toISOString()).toBe('2027-10-30T23:30:00.000Z');
  });
});
