import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { DomainError } from './errors/domain-error.js';
import { ApiExceptionFilter } from './http/exception.filter.js';
import { ZodPipe } from './http/zod.js';
import { findBadText, hasBadText } from './text.js';

describe('hasBadText', () => {
  it.each([
    ['NUL', 'Å\u0000se'],
    ['another C0 control', 'a\u0001b'],
    ['a vertical tab', 'a\u000bb'],
    ['escape', '\u001b[31m'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone high surrogate at the end', 'a\ud800'],
    ['a lone low surrogate', '\udc00a'],
    ['two high surrogates', '\ud800\ud800\udc00'],
  ])('refuses %s', (_, value) => {
    expect(hasBadText(value)).toBe(true);
  });

  it.each([
    ['Norwegian letters', 'Ødegård, Åse'],
    ['tab, LF and CR', 'a\tb\nc\r\nd'],
    ['a surrogate pair (emoji)', 'Møte 🗳️'],
    ['the empty string', ''],
    ['DEL and other non-C0 characters', '\u007f\u00a0\u200b'],
  ])('takes %s', (_, value) => {
    expect(hasBadText(value)).toBe(false);
  });
});

describe('findBadText', () => {
  it('names the first bad field by its path, in values and keys', () => {
    expect(findBadText({ givenName: 'Åse', familyName: 'Ø\u0000' })).toBe('familyName');
    expect(findBadText({ items: [{ title: 'ok' }, { title: 'x\ud800' }] })).toBe('items.1.title');
    expect(findBadText({ items: [{ 'ti\u0000tle': 'ok' }] })).toBe('items.0');
    expect(findBadText({ 'a\u0000': 1 })).toBe('(root)');
    expect(findBadText('\u0000')).toBe('(root)');
  });

  it('passes good input, numbers, nulls and buffers', () => {
    expect(findBadText({ a: 'Åse', b: 1, c: null, d: true, e: [1, 'to'], f: undefined })).toBeNull();
    expect(findBadText(Buffer.from('a\u0000b'))).toBeNull();
    expect(findBadText(undefined)).toBeNull();
  });

  it('walks a deeply nested body without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findBadText(deep)).toMatch(/^0(\.0)*$/);
  });
});

describe('the validation layer', () => {
  it('ZodPipe refuses bad text with INVALID_TEXT naming the field, before the schema', () => {
    const pipe = new ZodPipe(z.strictObject({ title: z.string() }));
    let error: unknown;
    try {
      pipe.transform({ title: 'Sak\u0000' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'INVALID_TEXT', status: 400, fields: [{ path: 'title' }] });
  });

  it('the exception filter answers a NUL the database refused with 400 INVALID_TEXT, not 500', () => {
    const filter = new ApiExceptionFilter(null);
    for (const code of ['22021', '22P05']) {
      const res = filter.toResponse(Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code }));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'INVALID_TEXT' });
      expect(res.body.message).not.toContain('UTF8');
    }
  });
});
