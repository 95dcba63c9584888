import { describe, expect, it } from '@jest/globals';
import { calendar, meetingDescription, type CalendarEvent } from './ical.js';

const event = (extra: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'a@x',
  start: new Date('2026-03-10T17:00:00Z'),
  end: null,
  summary: 'Kommunestyret',
  location: 'Rådhuset, sal 1',
  description: '',
  url: null,
  stamp: new Date('2026-01-01T00:00:00Z'),
  ...extra,
});

/** Unfolds continuation lines (RFC 5545 § 3.1). */
const unfold = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

describe('iCalendar feed (RFC 5545)', () => {
  it('writes a calendar with CRLF line ends, UTC times and escaped text', () => {
    const text = calendar({ name: 'Kommunestyret', events: [event()] });
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = unfold(text);
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(lines).toEqual(
      expect.arrayContaining(['METHOD:PUBLISH', 'X-WR-CALNAME:Kommunestyret', 'BEGIN:VEVENT', 'UID:a@x', 'DTSTAMP:20260101T000000Z', 'DTSTART:20260310T170000Z', 'LOCATION:Rådhuset\\, sal 1', 'END:VEVENT', 'END:VCALENDAR']),
    );
    expect(lines.some((l) => l.startsWith('DTEND'))).toBe(false);
    expect(lines.some((l) => l.startsWith('DESCRIPTION'))).toBe(false);
  });

  it('folds long lines at 75 octets without splitting characters', () => {
    const text = calendar({ name: 'K', events: [event({ summary: 'æ'.repeat(60), description: 'Linje 1\nLinje 2' })] });
    for (const l of text.split('\r\n')) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    const lines = unfold(text);
    expect(lines).toContain(`SUMMARY:${'æ'.repeat(60)}`);
    expect(lines).toContain('DESCRIPTION:Linje 1\\nLinje 2');
  });

  it('writes the end, the link and a tentative status for a meeting not yet announced', () => {
    const lines = unfold(calendar({ name: 'K', events: [event({ end: new Date('2026-03-10T21:00:00Z'), url: 'https://fjordvik.example/moter/1', tentative: true })] }));
    expect(lines).toEqual(expect.arrayContaining(['DTEND:20260310T210000Z', 'URL;VALUE=URI:https://fjordvik.example/moter/1', 'STATUS:TENTATIVE']));
  });

  it('describes a meeting by its agenda and link; exempt items by number and legal ground only', () => {
    const text = meetingDescription({
      note: 'Innkallingen er ikke sendt ennå.',
      agenda: [
        { number: 'PS 1/27', title: 'Ny skole på Ørnes', exempt: false, citation: null },
        { number: 'PS 2/27', title: 'Unntatt offentlighet', exempt: true, citation: 'koml. § 11-5 annet ledd bokstav b' },
      ],
      url: 'https://fjordvik.example/motekalender/1',
      videoUrl: 'https://video.example/ks',
    });
    expect(text).toBe(
      [
        'Innkallingen er ikke sendt ennå.',
        'Saksliste:\nPS 1/27 Ny skole på Ørnes\nPS 2/27 Unntatt offentlighet (koml. § 11-5 annet ledd bokstav b)',
        'Møtet og sakspapirene: https://fjordvik.example/motekalender/1',
        'Video: https://video.example/ks',
      ].join('\n\n'),
    );
    // Even when the caller passes a title for an exempt item, only "Unntatt offentlighet" is written.
    expect(meetingDescription({ agenda: [{ number: 'PS 3/27', title: 'Tilsetting av Ola Nordmann', exempt: true, citation: null }], url: 'u', videoUrl: null })).not.toContain('Ola');
    expect(meetingDescription({ agenda: [], url: 'u', videoUrl: null })).toBe('Sakslisten er ikke klar ennå.\n\nMøtet og sakspapirene: u');
  });
});
