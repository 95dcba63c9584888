import { describe, expect, it } from '@jest/globals';
import { composition, covers, overlaps, rankProblems, type Holder } from './composition.js';

const holder = (name: string, list: string, seat: Holder['seat'], options: { rank?: number; forPersonId?: string; permanent?: boolean } = {}): Holder => ({
  personId: name,
  name,
  kind: seat === 'member' || (seat === 'away' && options.rank === undefined) ? 'member' : 'substitute',
  seat,
  forPersonId: options.forPersonId ?? null,
  listKey: list,
  listName: list,
  rank: options.rank ?? null,
  permanent: options.permanent ?? false,
});

describe('composition (koml. §§ 7-9, 7-10), read from seat_holders', () => {
  const holders = [
    holder('Anne', 'Ap', 'member'),
    holder('Bjørn', 'Ap', 'away'),
    holder('Cecilie', 'H', 'member'),
    holder('Dag', 'Ap', 'acting', { rank: 1, forPersonId: 'Bjørn' }),
    holder('Eva', 'Ap', 'substitute', { rank: 2 }),
    holder('Finn', 'Ap', 'substitute', { rank: 3 }),
    holder('Gro', 'H', 'away', { rank: 1 }),
    holder('Hans', 'H', 'substitute', { rank: 2 }),
  ];

  it('explains who moved up for whom', () => {
    const c = composition(holders, 'per_list');
    expect(c.acting.map((a) => [a.seat.name, a.forSeat.name])).toEqual([['Dag', 'Bjørn']]);
    expect(c.acting[0]!.explanation).toBe('Dag (nr. 1 på varalista for Ap) rykker opp mens Bjørn har permisjon eller fritak.');
    expect(c.warnings).toEqual([]);
  });

  it('says that a substitute for a member released for good is a member for the rest of the term', () => {
    const c = composition([holder('Bjørn', 'Ap', 'away'), holder('Dag', 'Ap', 'acting', { rank: 1, forPersonId: 'Bjørn', permanent: true })], 'per_list');
    expect(c.acting[0]!.explanation).toBe('Dag (nr. 1 på varalista for Ap) er medlem resten av valgperioden fordi Bjørn er fritatt.');
  });

  it('warns when a list has fewer substitutes than members', () => {
    const c = composition([holder('A', 'Sp', 'member'), holder('B', 'Sp', 'member'), holder('C', 'Sp', 'substitute', { rank: 1 })], 'per_list');
    expect(c.warnings).toEqual([
      'Varalista for Sp har 1 varamedlem for 2 medlemmer. Kommunestyret bør velge nye varamedlemmer (supplering, kommuneloven § 7-10).',
    ]);
  });

  it('warns when no one can move up', () => {
    const c = composition([holder('A', 'V', 'away')], 'per_list');
    expect(c.acting).toEqual([]);
    expect(c.warnings[0]).toMatch(/ingen varamedlem som kan rykke opp/);
  });
});

describe('periods', () => {
  it('covers and overlaps, with open ends', () => {
    expect(covers({ from: '2023-10-01', to: null }, '2027-01-01')).toBe(true);
    expect(covers({ from: '2023-10-01', to: '2024-01-01' }, '2024-01-02')).toBe(false);
    expect(overlaps({ from: '2023-01-01', to: '2023-12-31' }, { from: '2023-12-31', to: null })).toBe(true);
    expect(overlaps({ from: '2023-01-01', to: '2023-12-30' }, { from: '2023-12-31', to: null })).toBe(false);
  });
});

describe('rankProblems', () => {
  it('accepts 1, 2, 3 per list', () => {
    expect(rankProblems([{ list: 'Ap', rank: 2 }, { list: 'Ap', rank: 1 }, { list: 'H', rank: 1 }])).toEqual([]);
  });
  it('names gaps and repeats', () => {
    expect(rankProblems([{ list: 'Ap', rank: 1 }, { list: 'Ap', rank: 3 }])).toEqual(['Varalista for Ap mangler nr. 2 (hopper til 3).']);
    expect(rankProblems([{ list: 'H', rank: 1 }, { list: 'H', rank: 1 }])).toEqual(['Varalista for H har nr. 1 to ganger.']);
  });
});
