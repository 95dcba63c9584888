import { describe, expect, it } from '@jest/globals';
import { maskDeep, maskPersonalNumbers } from './mask.js';

describe('maskPersonalNumbers', () => {
  it('masks 11-digit numbers, with or without a space', () => {
    expect(maskPersonalNumbers('voter 16822548834 looked up')).toBe('voter 168225***** looked up');
    expect(maskPersonalNumbers('fnr 168225 48834')).toBe('fnr 168225*****');
  });

  it('leaves shorter and longer digit runs alone', () => {
    expect(maskPersonalNumbers('case 2025/1234, phone 12345678, id 123456789012')).toBe(
      'case 2025/1234, phone 12345678, id 123456789012',
    );
  });

  it('masks inside nested objects and numbers', () => {
    expect(maskDeep({ a: { b: ['x 41819020068'] }, n: 16822548834 })).toEqual({
      a: { b: ['x 418190*****'] },
      n: '168225*****',
    });
  });
});
