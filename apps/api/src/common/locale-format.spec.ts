import { describe, expect, it } from '@jest/globals';
import { LOCALES, osloDateTimeFormat } from './locale-format.js';

const AT = new Date('2026-12-16T17:00:00Z');

describe('API date formats per language', () => {
  it('falls back from nynorsk to bokmål, never to US English', () => {
    expect(LOCALES.nn).toEqual(['nn-NO', 'nn', 'nb-NO', 'no', 'nb']);
    expect(LOCALES.nb).toEqual(['nb-NO', 'no', 'nb']);
    expect(LOCALES.en).toEqual(['en-GB']);
  });

  it('formats in Norwegian time in each language', () => {
    const full = { dateStyle: 'full', timeStyle: 'short' } as const;
    expect(osloDateTimeFormat('nb', full).format(AT)).toBe('onsdag 16. desember 2026 kl. 18:00');
    expect(osloDateTimeFormat('nn', full).format(AT)).toMatch(/^onsdag 16\. desember 2026.*18:00$/);
    expect(osloDateTimeFormat('en', full).format(AT)).toBe('Wednesday, 16 December 2026 at 18:00');
    expect(osloDateTimeFormat('nb', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(AT)).toBe('16.12.2026');
    for (const language of ['nb', 'nn'] as const) expect(osloDateTimeFormat(language, full).format(AT)).not.toMatch(/December|PM/);
  });
});
