import { describe, expect, it } from '@jest/globals';
import { calendar, escapeText, foldLine, utcDateTime } from './ical.js';

describe('iCalendar writer (RFC 5545)', () => {
  it('escapes TEXT values', () => {
    expect(escapeText('Møte; sak 1, 2\\3\nneste')).toBe('Møte\\; sak 1\\, 2\\\\3\\nneste');
  });
  it('writes UTC date-times', () => {
    expect(utcDateTime(new Date('2026-03-10T18:00:00+01:00'))).toBe('20260310T170000Z');
  });
  it('folds long lines at 75 octets without splitting characters', () => {
    const line = `SUMMARY:${'æ'.repeat(60)}`;
    const folded = foldLine(line);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
  });
  it('writes a calendar with CRLF line ends', () => {
    const text = calendar({
      name: 'Kommunestyret',
      events: [{ uid: 'a@x', start: new Date('2026-03-10T17:00:00Z'), end: null, summary: 'Kommunestyret', location: 'Rådhuset, sal 1', description: '', url: null, stamp: new Date('2026-01-01T00:00:00Z') }],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const lines = text.split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0']);
    expect(lines).toEqual(expect.arrayContaining(['BEGIN:VEVENT', 'UID:a@x', 'DTSTAMP:20260101T000000Z', 'DTSTART:20260310T170000Z', 'LOCATION:Rådhuset\\, sal 1', 'END:VEVENT', 'END:VCALENDAR']));
    expect(lines.some((l) => l.startsWith('DTEND'))).toBe(false);
  });
});
