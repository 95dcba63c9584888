import { formatMeetingTime } from '../../meetings/meeting-time';
import { meetingDate } from '../../public/public-time';
import { IsoDatePipe } from '../../shared/iso-date.pipe';
import { clearFormatCache, dateTimeFormat, localesFor, numberFormat } from './locale-format';

const RealDateTimeFormat = Intl.DateTimeFormat;

/**
 * A browser without nynorsk locale data, as the Chromium builds of issue 15: it drops the `nn`
 * tags it cannot serve and, with nothing left, formats in its default, US English.
 */
function withoutNynorsk(run: () => void): void {
  const Fake = function (locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
    const list = ([] as string[]).concat(locales ?? []).filter((l) => !/^nn\b/i.test(l));
    return new RealDateTimeFormat(list.length ? list : 'en-US', options);
  } as unknown as typeof Intl.DateTimeFormat;
  Intl.DateTimeFormat = Fake;
  clearFormatCache();
  try {
    run();
  } finally {
    Intl.DateTimeFormat = RealDateTimeFormat;
    clearFormatCache();
  }
}

const US_ENGLISH = /Wednesday|December|\bPM\b|\bAM\b/;
const MEETING = '2026-12-16T17:00:00Z';

describe('locale fallbacks for dates and numbers', () => {
  it('lists nynorsk, then bokmål; bokmål under its tags; British English', () => {
    expect(localesFor('nn-NO')).toEqual(['nn-NO', 'nn', 'nb-NO', 'no', 'nb']);
    expect(localesFor('nn')).toEqual(['nn-NO', 'nn', 'nb-NO', 'no', 'nb']);
    expect(localesFor('nb-NO')).toEqual(['nb-NO', 'no', 'nb']);
    expect(localesFor('en-GB')).toEqual(['en-GB']);
  });

  it('never shows nynorsk users US English, also where the browser has no nynorsk data', () => {
    withoutNynorsk(() => {
      // What the pages did before: the bare locale falls back to US English.
      const bare = new Intl.DateTimeFormat('nn-NO', {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: 'Europe/Oslo',
      }).format(new Date(MEETING));
      expect(bare).toMatch(US_ENGLISH);

      const full = dateTimeFormat('nn-NO', {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: 'Europe/Oslo',
      }).format(new Date(MEETING));
      expect(full).not.toMatch(US_ENGLISH);
      expect(full).toMatch(/onsdag 16\. desember 2026/);
      expect(full).toContain('18:00');
      // The formatters the pages use go through the helper.
      expect(formatMeetingTime(MEETING, 'nn-NO')).not.toMatch(US_ENGLISH);
      expect(meetingDate(MEETING, 'nn-NO')).toBe('onsdag 16. desember 2026');
      expect(new IsoDatePipe().transform('2026-12-16', 'nn-NO', 'long')).toBe('16. desember 2026');
    });
  });

  it('formats nynorsk as nynorsk where the data is there, and English as British English', () => {
    expect(meetingDate(MEETING, 'nn-NO')).toBe('onsdag 16. desember 2026');
    expect(
      dateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Oslo' }).format(
        new Date(MEETING),
      ),
    ).toBe('16 December 2026');
    expect(numberFormat('nn-NO', { maximumFractionDigits: 1 }).format(1.25)).toMatch(/^1,[23]$/);
  });
});
