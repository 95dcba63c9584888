import { describe, expect, it } from '@jest/globals';
import { itemClosure, numberingYear, orderMismatch } from './agenda.js';

describe('agenda order', () => {
  it('accepts the same items in another order', () => {
    expect(orderMismatch(['a', 'b', 'c'], ['c', 'a', 'b'])).toBeNull();
  });
  it('names missing, unknown and repeated items', () => {
    expect(orderMismatch(['a', 'b', 'c'], ['a', 'a', 'x'])).toEqual({ missing: ['b', 'c'], unknown: ['x'], duplicates: ['a'] });
  });
});

describe('closed items (koml. §§ 11-5, 11-7)', () => {
  const open = { closed: false, ground: null, caseGround: null, remote: false };
  it('an open item has no ground', () => {
    expect(itemClosure({ ...open, ground: 'offl14' })).toEqual({ ok: true, closed: false, ground: null });
  });
  it('closing needs a ground, from the request or the case', () => {
    expect(itemClosure({ ...open, closed: true })).toEqual({ ok: false, problem: 'ITEM_CLOSED_NEEDS_GROUND' });
    expect(itemClosure({ ...open, closed: true, caseGround: 'offl23-1' })).toEqual({ ok: true, closed: true, ground: 'offl23-1' });
    expect(itemClosure({ ...open, closed: true, ground: 'koml11-5-3a' })).toEqual({ ok: true, closed: true, ground: 'koml11-5-3a' });
  });
  it('a duty of confidentiality keeps the item closed', () => {
    expect(itemClosure({ ...open, caseGround: 'offl13-fvl13' })).toEqual({ ok: false, problem: 'ITEM_MUST_BE_CLOSED' });
  });
  it('a ground that may close leaves the choice to the body', () => {
    expect(itemClosure({ ...open, caseGround: 'offl23-1' })).toEqual({ ok: true, closed: false, ground: null });
  });
  it('a remote meeting cannot treat an item that must be closed', () => {
    expect(itemClosure({ ...open, closed: true, remote: true, ground: 'koml11-5-2b' })).toEqual({ ok: false, problem: 'REMOTE_MEETING_CANNOT_CLOSE' });
    expect(itemClosure({ ...open, closed: true, remote: true, ground: 'offl23-1', caseGround: 'offl13-fvl13' })).toEqual({ ok: false, problem: 'REMOTE_MEETING_CANNOT_CLOSE' });
    expect(itemClosure({ ...open, closed: true, remote: true, ground: 'offl23-1' })).toEqual({ ok: true, closed: true, ground: 'offl23-1' });
  });
  it('refuses unknown grounds', () => {
    expect(itemClosure({ ...open, closed: true, ground: 'x' })).toEqual({ ok: false, problem: 'UNKNOWN_LEGAL_GROUND' });
  });
});

describe('numbering year', () => {
  it('is the year in Norway, not in UTC', () => {
    expect(numberingYear(new Date('2025-12-31T23:30:00Z'))).toBe(2026);
    expect(numberingYear(new Date('2026-06-01T10:00:00Z'))).toBe(2026);
  });
});
