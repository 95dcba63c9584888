import { describe, expect, it } from '@jest/globals';
import { proposeSubstitute, type SubstituteCandidate, type UnavailableReason } from './substitutes.js';

const sub = (personId: string, list: string, rank: number): SubstituteCandidate => ({ personId, name: personId, list, rank });
const subs = [sub('Kari', 'Ap', 1), sub('Ola', 'Ap', 2), sub('Per', 'Ap', 3), sub('Hege', 'H', 1), sub('Liv', 'H', 2)];

describe('proposeSubstitute (koml. § 7-10)', () => {
  it('proposes the first substitute of the absent member’s list', () => {
    const p = proposeSubstitute({ absentMemberList: 'H', substitutes: subs, unavailable: new Map(), order: 'per_list' });
    expect(p.substitute?.personId).toBe('Hege');
    expect(p.explanation).toBe('Hege er nr. 1 på varalista for H og er den første som kan møte.');
  });

  it('skips substitutes who cannot attend, and says why', () => {
    const unavailable = new Map<string, UnavailableReason>([['Kari', 'called_in'], ['Ola', 'disqualified']]);
    const p = proposeSubstitute({ absentMemberList: 'Ap', substitutes: subs, unavailable, order: 'per_list' });
    expect(p.substitute?.personId).toBe('Per');
    expect(p.skipped.map((s) => s.reason)).toEqual(['called_in', 'disqualified']);
    expect(p.explanation).toContain('1. Kari er allerede kalt inn; 2. Ola er inhabil i saken.');
  });

  it('follows rank, not the order given', () => {
    const p = proposeSubstitute({ absentMemberList: 'Ap', substitutes: [...subs].reverse(), unavailable: new Map(), order: 'per_list' });
    expect(p.substitute?.personId).toBe('Kari');
  });

  it('never takes a substitute from another list', () => {
    const unavailable = new Map<string, UnavailableReason>([['Hege', 'absent'], ['Liv', 'on_leave']]);
    const p = proposeSubstitute({ absentMemberList: 'H', substitutes: subs, unavailable, order: 'per_list' });
    expect(p.substitute).toBeNull();
    expect(p.explanation).toMatch(/Ingen på varalista for H kan møte/);
  });

  it('says so when a list has no substitutes', () => {
    const p = proposeSubstitute({ absentMemberList: 'KrF', substitutes: subs, unavailable: new Map(), order: 'per_list' });
    expect(p.substitute).toBeNull();
    expect(p.explanation).toMatch(/ingen varamedlemmer på varalista for KrF/);
  });

  it('uses one common list when the body elected its substitutes that way', () => {
    const common = [sub('A', 'felles', 2), sub('B', 'felles', 1)];
    const p = proposeSubstitute({ absentMemberList: 'Ap', substitutes: common, unavailable: new Map(), order: 'common' });
    expect(p.substitute?.personId).toBe('B');
    expect(p.explanation).toContain('den felles varalista');
  });
});
