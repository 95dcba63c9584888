import { describe, expect, it } from '@jest/globals';
import { countGenders, genderBalance, genderRuleFor, minPerGender, type Gender } from './gender-balance.js';

const of = (f: number, m: number): Gender[] => [...Array<Gender>(f).fill('female'), ...Array<Gender>(m).fill('male')];

describe('minPerGender (koml. § 7-6)', () => {
  it.each([
    [1, 0], [2, 1], [3, 1], [4, 2], [5, 2], [6, 3], [7, 3], [8, 3], [9, 4], [10, 4], [11, 5], [13, 6], [27, 11],
  ])('%i elected → at least %i of each gender', (n, min) => {
    expect(minPerGender(n)).toBe(min);
  });
});

describe('countGenders', () => {
  it('accepts 3 women and 4 men of 7', () => {
    expect(countGenders('member', null, of(3, 4))).toMatchObject({ ok: true, female: 3, male: 4, required: 3 });
  });

  it('warns with the numbers when 2 women of 7', () => {
    const c = countGenders('member', null, of(2, 5));
    expect(c.ok).toBe(false);
    // A code with the numbers: the web says it in the user's language.
    expect(c).toEqual({ group: 'member', code: 'GENDER_BALANCE_SHORT', kind: 'member', list: null, total: 7, female: 2, male: 5, required: 3, ok: false });
  });

  it('needs both genders when 2 or 3 are elected', () => {
    expect(countGenders('member', null, of(0, 2)).ok).toBe(false);
    expect(countGenders('member', null, of(1, 2)).ok).toBe(true);
  });

  it('needs 40 % of each when more than 9', () => {
    expect(countGenders('member', null, of(4, 7)).ok).toBe(false); // 11 → 5
    expect(countGenders('member', null, of(5, 6)).ok).toBe(true);
  });
});

describe('genderBalance', () => {
  const seats = [
    ...of(2, 2).map((gender) => ({ kind: 'member' as const, list: 'Ap', gender })),
    ...of(0, 3).map((gender) => ({ kind: 'member' as const, list: 'H', gender })),
    ...of(1, 1).map((gender) => ({ kind: 'substitute' as const, list: 'Ap', gender })),
  ];

  it('under proportional election applies per list, members and substitutes apart', () => {
    const result = genderBalance(seats, { method: 'forholdsvalg', rule: 'required' });
    expect(Object.fromEntries(result.checks.map((c) => [c.group, c.ok]))).toEqual({ 'member:Ap': true, 'member:H': false, 'substitute:Ap': true });
    expect(result.ok).toBe(false);
  });

  it('under an agreed election applies to the whole body', () => {
    const result = genderBalance(seats, { method: 'avtalevalg', rule: 'required' });
    expect(Object.fromEntries(result.checks.map((c) => [c.group, c.ok]))).toEqual({ member: false, substitute: true });
  });

  it('keeps independents elected on different lists apart (each is a list of their own)', () => {
    const independents = [
      { kind: 'member' as const, list: 'person:a', listName: 'uten parti', gender: 'female' as const },
      { kind: 'member' as const, list: 'person:b', listName: 'uten parti', gender: 'female' as const },
    ];
    const result = genderBalance(independents, { method: 'forholdsvalg', rule: 'required' });
    expect(result.checks.map((c) => [c.group, c.list, c.total])).toEqual([['member:person:a', 'uten parti', 1], ['member:person:b', 'uten parti', 1]]);
    expect(result.ok).toBe(true);
  });

  it('does not apply to the municipal council (elected under valgloven), and "as far as possible" to the formannskap', () => {
    expect(genderRuleFor('kommunestyre')).toBe('not_applicable');
    expect(genderBalance(seats, { method: 'forholdsvalg', rule: 'not_applicable' })).toEqual({ ok: true, checks: [] });
    expect(genderRuleFor('formannskap')).toBe('as_far_as_possible');
    expect(genderRuleFor('utvalg')).toBe('required');
  });
});
