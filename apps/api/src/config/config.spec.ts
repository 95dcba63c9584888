import { describe, expect, it } from '@jest/globals';
import { parseConfig } from './config.js';

describe('parseConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PDF_POOL_SIZE).toBe(4);
  });

  it('names the bad variable', () => {
    expect(() => parseConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' })).toThrow(/PORT[\s\S]*DATABASE_URL/);
  });

  it('parses the host map', () => {
    const config = parseConfig({ MUNICIPALITY_HOSTS: 'a.example=a, b.example=b' });
    expect(config.MUNICIPALITY_HOSTS.get('b.example')).toBe('b');
    expect(() => parseConfig({ MUNICIPALITY_HOSTS: 'nohost' })).toThrow(/MUNICIPALITY_HOSTS/);
  });

  it('parses the allowed origins to their canonical form', () => {
    expect(parseConfig({}).ALLOWED_ORIGINS).toEqual([]);
    const config = parseConfig({ ALLOWED_ORIGINS: 'https://Politikk.Kommune.no, http://intern.kommune.no:8080/' });
    expect(config.ALLOWED_ORIGINS).toEqual(['https://politikk.kommune.no', 'http://intern.kommune.no:8080']);
    for (const bad of ['politikk.kommune.no', 'https://a.no/sti', 'ftp://a.no', 'https://a.no?x=1'])
      expect(() => parseConfig({ ALLOWED_ORIGINS: bad })).toThrow(/ALLOWED_ORIGINS/);
  });
});
