import { describe, expect, it } from '@jest/globals';
import { composition, covers, overlaps, rankProblems, type Seat } from './composition.js';

const seat = (name: string, list: string, kind: 'member' | 'substitute', rank: number | null = null, onLeave = false): Seat => ({
  membershipId: name, personId: name, name, list, kind, rank, onLeave,
});

describe('composition (koml. §§ 7-9, 7-10)', () => {
  const seats = [
    seat('Anne', 'Ap', 'member'),
    seat('Bjørn', 'Ap', 'member', null, true),
    seat('Cecilie', 'H', 'member'),
    seat('Dag', 'Ap', 'substitute', 1),
    seat('Eva', 'Ap', 'substitute', 2),
    seat('Finn', 'Ap', 'substitute', 3),
    seat('Gro', 'H', 'substitute', 1, true),
    seat('Hans', 'H', 'substitute', 2),
  ];

  it('moves the first substitute of the list up while a member is on leave', () => {
    const c = composition(seats, 'per_list');
    expect(c.members.map((s) => s.name)).toEqual(['Anne', 'Cecilie']);
    expect(c.acting.map((a) => [a.seat.name, a.forSeat.name])).toEqual([['Dag', 'Bjørn']]);
    expect(c.acting[0]!.explanation).toBe('Dag (nr. 1 på varalista for Ap) rykker opp mens Bjørn har permisjon eller fritak.');
  });

  it('keeps the rest of the substitutes in order, without those on leave', () => {
    expect(composition(seats, 'per_list').substitutes.map((s) => s.name)).toEqual(['Eva', 'Hans', 'Finn']);
  });

  it('warns when a list has fewer substitutes than members', () => {
    const c = composition([seat('A', 'Sp', 'member'), seat('B', 'Sp', 'member'), seat('C', 'Sp', 'substitute', 1)], 'per_list');
    expect(c.warnings).toEqual([
      'Varalista for Sp har 1 varamedlem for 2 medlemmer. Kommunestyret bør velge nye varamedlemmer (supplering, kommuneloven § 7-10).',
    ]);
  });

  it('warns when no one can move up', () => {
    const c = composition([seat('A', 'V', 'member', null, true)], 'per_list');
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
