import { localMonth, localParts, localYear, toInstant } from './meeting-time';

describe('meeting times in Norwegian time', () => {
  it('turns a winter date and time into the instant (UTC+1)', () => {
    expect(toInstant('2026-12-03', '18:00')).toBe('2026-12-03T17:00:00.000Z');
  });

  it('turns a summer date and time into the instant (UTC+2)', () => {
    expect(toInstant('2026-06-11', '09:30')).toBe('2026-06-11T07:30:00.000Z');
  });

  it('reads the Norwegian date, time, year and month back', () => {
    expect(localParts('2026-12-03T17:00:00.000Z')).toEqual({ date: '2026-12-03', time: '18:00' });
    // New Year's Eve at 23:30 UTC is already next year in Norway.
    expect(localYear('2026-12-31T23:30:00.000Z')).toBe(2027);
    expect(localMonth('2026-12-31T23:30:00.000Z')).toBe('2027-01');
  });
});
