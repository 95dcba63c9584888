import { describe, expect, it } from '@jest/globals';
import { itemNumber, numberAgenda, parseArchiveReference, parseItemNumber } from './case-numbering.js';

describe('case numbering', () => {
  it('writes PS 12/25', () => {
    expect(itemNumber('PS', 12, 2025)).toBe('PS 12/25');
    expect(itemNumber('RS', 3, 2030)).toBe('RS 3/30');
    expect(() => itemNumber('PS', 0, 2025)).toThrow(RangeError);
  });

  it('reads item numbers and archive references', () => {
    expect(parseItemNumber('PS 12/25')).toEqual({ type: 'PS', sequence: 12, year2: 25 });
    expect(parseItemNumber('PS 12-25')).toBeNull();
    expect(parseArchiveReference('2025/1234')).toEqual({ year2: 25, sequence: 1234, document: null });
    expect(parseArchiveReference('25/1234-5')).toEqual({ year2: 25, sequence: 1234, document: 5 });
    expect(parseArchiveReference('1234')).toBeNull();
  });

  it('numbers new items after the last used number of their type, keeping existing numbers', () => {
    const numbers = numberAgenda(
      [
        { id: 'a', type: 'PS', number: 'PS 11/25' },
        { id: 'b', type: 'PS', number: null },
        { id: 'c', type: 'RS', number: null },
        { id: 'd', type: 'PS', number: null },
      ],
      new Map([['PS', 11]]),
      2025,
    );
    expect(Object.fromEntries(numbers)).toEqual({ a: 'PS 11/25', b: 'PS 12/25', c: 'RS 1/25', d: 'PS 13/25' });
  });

  it('numbers questions (SP) and interpellations (IP) in their own series', () => {
    const numbers = numberAgenda(
      [
        { id: 'a', type: 'SP', number: null },
        { id: 'b', type: 'IP', number: null },
        { id: 'c', type: 'SP', number: null },
        { id: 'd', type: 'PS', number: null },
      ],
      new Map([['SP', 4], ['PS', 20]]),
      2026,
    );
    expect(Object.fromEntries(numbers)).toEqual({ a: 'SP 5/26', b: 'IP 1/26', c: 'SP 6/26', d: 'PS 21/26' });
    expect(parseItemNumber('SP 5/26')).toEqual({ type: 'SP', sequence: 5, year2: 26 });
    expect(parseItemNumber('IP 1/26')).toEqual({ type: 'IP', sequence: 1, year2: 26 });
  });
});

describe('renumberInOrder', () => {
  it('hands the meeting its own numbers again in the new order, per type', async () => {
    const { renumberInOrder } = await import('./case-numbering.js');
    const order = [
      { id: 'c', type: 'PS' as const, sequence: 3 },
      { id: 'os', type: 'OS' as const, sequence: 1 },
      { id: 'a', type: 'PS' as const, sequence: 1 },
      { id: 'b', type: 'PS' as const, sequence: 7 },
    ];
    expect(Object.fromEntries(renumberInOrder(order))).toEqual({ c: 1, os: 1, a: 3, b: 7 });
  });
});
