import { describe, expect, it } from '@jest/globals';
import { DEFAULT_NOTICE_DAYS } from '@sekretariat/contracts';
import { checkCoatOfArms } from './coat-of-arms.js';
import { noticeDaysWithDefaults, noticeTimeliness } from './municipality-settings.rules.js';

describe('notice timeliness', () => {
  const noticeDays = { ...DEFAULT_NOTICE_DAYS };

  it('counts calendar days in Norway from the notice to the meeting day', () => {
    // Sent 1 March 23:30 Oslo time (22:30 UTC), meeting 15 March 18:00: 14 days, on time for the council.
    const onTime = noticeTimeliness({
      kind: 'kommunestyre',
      startsAt: new Date('2027-03-15T17:00:00Z'),
      sentAt: new Date('2027-03-01T22:30:00Z'),
      now: new Date(),
      noticeDays,
    });
    expect(onTime).toMatchObject({ requiredDays: 14, daysBefore: 14, late: false });
    // Ten minutes later it is 2 March in Oslo: 13 days, late.
    const late = noticeTimeliness({
      kind: 'kommunestyre',
      startsAt: new Date('2027-03-15T17:00:00Z'),
      sentAt: new Date('2027-03-01T23:10:00Z'),
      now: new Date(),
      noticeDays,
    });
    expect(late).toMatchObject({ daysBefore: 13, late: true });
  });

  it('is not thrown off by the change to summer time', () => {
    // 20 March to 3 April 2027 spans the last Sunday of March.
    const t = noticeTimeliness({
      kind: 'formannskap',
      startsAt: new Date('2027-04-03T16:00:00Z'),
      sentAt: null,
      now: new Date('2027-03-27T10:00:00Z'),
      noticeDays,
    });
    expect(t).toMatchObject({ requiredDays: 7, daysBefore: 7, late: false, sentAt: null });
  });

  it('fills in the default for a body type without a stored value, and ignores nonsense', () => {
    expect(noticeDaysWithDefaults({ kommunestyre: 10, formannskap: -3 })).toMatchObject({
      kommunestyre: 10,
      formannskap: 7,
      utvalg: 7,
    });
    expect(noticeDaysWithDefaults(null)).toEqual(DEFAULT_NOTICE_DAYS);
  });
});

describe('coat of arms check', () => {
  it('refuses what is not a PNG before looking further', () => {
    expect(() => checkCoatOfArms(Buffer.from('<svg/>'))).toThrow(
      expect.objectContaining({ code: 'COAT_OF_ARMS_NOT_PNG' }),
    );
    expect(() => checkCoatOfArms(Buffer.alloc(300 * 1024))).toThrow(
      expect.objectContaining({ code: 'COAT_OF_ARMS_TOO_LARGE' }),
    );
  });
});
