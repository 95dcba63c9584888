import {
  addDays,
  addMonths,
  announcedMinutes,
  formatClock,
  formatDay,
  formatMoment,
  groupByDay,
  minutesLeft,
  monthRange,
  osloDate,
} from './wedding-time';

describe('wedding times', () => {
  it('shows Norwegian time, also across the change to summer time', () => {
    expect(formatClock('2027-03-26T10:00:00Z', 'nb-NO')).toBe('11:00');
    expect(formatClock('2027-04-02T09:00:00Z', 'nb-NO')).toBe('11:00');
    expect(formatDay('2027-06-11', 'nb-NO')).toBe('fredag 11. juni 2027');
    expect(formatMoment('2027-06-11T09:00:00Z', 'en-GB')).toBe('Friday, 11 June 2027, 11:00');
    expect(osloDate('2027-06-10T22:30:00Z')).toBe('2027-06-11');
  });

  it('falls back to bokmål, never to US English, for nynorsk', () => {
    expect(formatDay('2027-06-11', 'nn-NO')).toMatch(/11\. juni 2027/);
  });

  it('steps through months and days', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-12', 12)).toBe('2027-12');
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });

  it('groups by the Norwegian day, in time order', () => {
    const slots = [
      { startsAt: '2027-06-11T10:00:00Z' },
      { startsAt: '2027-06-10T22:30:00Z' },
      { startsAt: '2027-06-10T08:00:00Z' },
    ];
    expect(groupByDay(slots, (s) => s.startsAt)).toEqual([
      { date: '2027-06-10', items: [{ startsAt: '2027-06-10T08:00:00Z' }] },
      {
        date: '2027-06-11',
        items: [{ startsAt: '2027-06-10T22:30:00Z' }, { startsAt: '2027-06-11T10:00:00Z' }],
      },
    ]);
  });

  it('counts the hold’s minutes and announces them only at a few thresholds', () => {
    const expires = '2027-06-01T10:10:00Z';
    expect(minutesLeft(expires, Date.parse('2027-06-01T10:00:00Z'))).toBe(10);
    expect(minutesLeft(expires, Date.parse('2027-06-01T10:09:30Z'))).toBe(1);
    expect(minutesLeft(expires, Date.parse('2027-06-01T10:11:00Z'))).toBe(0);
    expect([10, 9, 6, 5, 3, 2, 1].map(announcedMinutes)).toEqual([10, 10, 10, 5, 5, 2, 1]);
  });
});
