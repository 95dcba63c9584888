import { describe, expect, it } from '@jest/globals';
import { countVote, isQuorate, votersInItem, type AttendanceForItem, type Voter } from './votes.js';

const voter = (n: number, party: string | null): Voter => ({ personId: `p${n}`, name: `Person ${n}`, party });
const opts = { memberCount: 7, chairPersonId: 'p1', subject: 'Innstillingen', language: 'nb' as const };

describe('quorum (koml. § 11-9)', () => {
  it('needs at least half of the members present and voting', () => {
    expect(isQuorate(7, 4)).toBe(true);
    expect(isQuorate(7, 3)).toBe(false);
    expect(isQuorate(8, 4)).toBe(true);
    expect(isQuorate(8, 3)).toBe(false);
    expect(isQuorate(0, 0)).toBe(false);
  });
});

describe('counting a vote', () => {
  const seven = [voter(1, 'Ap'), voter(2, 'Ap'), voter(3, 'H'), voter(4, 'H'), voter(5, 'Sp'), voter(6, 'FrP'), voter(7, null)];

  it('is unanimous when no one votes against', () => {
    const r = countVote(seven, [], opts);
    expect(r).toMatchObject({ ok: true, result: { for: 7, against: 0, adopted: true, chairDecided: false, sentence: 'Innstillingen ble enstemmig vedtatt.' } });
  });

  it('gives the breakdown per party, and names independents', () => {
    const r = countVote(seven, ['p3', 'p4', 'p7'], opts);
    expect(r.ok && r.result).toMatchObject({
      for: 4,
      against: 3,
      adopted: true,
      byParty: [
        { party: 'Ap', for: 2, against: 0 },
        { party: 'H', for: 0, against: 2 },
        { party: 'FrP', for: 1, against: 0 },
        { party: 'Sp', for: 1, against: 0 },
      ],
      namedFor: [],
      namedAgainst: ['Person 7'],
      sentence: 'Innstillingen ble vedtatt med 4 mot 3 stemmer. For stemte: Ap (2), FrP (1), Sp (1). Mot stemte: H (2), Person 7.',
    });
  });

  it('names the members of a party that split', () => {
    const r = countVote(seven, ['p3', 'p5', 'p6', 'p7'], opts);
    expect(r.ok && r.result).toMatchObject({ for: 3, against: 4, adopted: false, namedFor: ['Person 4 (H)'], namedAgainst: ['Person 3 (H)', 'Person 7'] });
    expect(r.ok && r.result.sentence).toMatch(/^Innstillingen falt med 3 mot 4 stemmer\./);
  });

  it("decides a tie by the chair's vote", () => {
    const six = seven.slice(0, 6);
    const chairFor = countVote(six, ['p4', 'p5', 'p6'], opts);
    expect(chairFor.ok && chairFor.result).toMatchObject({ for: 3, against: 3, adopted: true, chairDecided: true });
    expect(chairFor.ok && chairFor.result.sentence).toContain('Møteleders dobbeltstemme avgjorde');
    const chairAgainst = countVote(six, ['p1', 'p2', 'p3'], opts);
    expect(chairAgainst.ok && chairAgainst.result).toMatchObject({ adopted: false, chairDecided: true });
  });

  it('a tie without the chair voting is not adopted', () => {
    const r = countVote(seven.slice(1, 7), ['p2', 'p3', 'p4'], opts);
    expect(r.ok && r.result).toMatchObject({ for: 3, against: 3, adopted: false, chairDecided: false });
  });

  it('refuses a vote by someone not present, a vote counted twice, and a body not quorate', () => {
    expect(countVote(seven, ['p9'], opts)).toEqual({ ok: false, problem: { code: 'VOTER_NOT_PRESENT', personId: 'p9' } });
    expect(countVote(seven, ['p2', 'p2'], opts)).toEqual({ ok: false, problem: { code: 'VOTE_DUPLICATE', personId: 'p2' } });
    expect(countVote(seven.slice(0, 3), [], opts)).toEqual({ ok: false, problem: { code: 'NOT_QUORATE' } });
  });

  it('writes nynorsk', () => {
    const r = countVote(seven, ['p3'], { ...opts, subject: 'Innstillinga', language: 'nn' });
    expect(r.ok && r.result.sentence).toMatch(/^Innstillinga vart vedteke med 6 mot 1 røyster\. For røysta: .* Mot røysta: H \(1\)\.$/);
    expect(countVote(seven, [], { ...opts, subject: 'Innstillinga', language: 'nn' })).toMatchObject({ result: { sentence: 'Innstillinga vart samrøystes vedteke.' } });
  });
});

describe('who votes in an item', () => {
  const a = (personId: string, extra: Partial<AttendanceForItem> = {}): AttendanceForItem => ({
    personId,
    name: personId,
    party: 'Ap',
    role: 'member',
    present: true,
    fromPosition: null,
    toPosition: null,
    onlyItemId: null,
    ...extra,
  });
  const attendees = [
    a('m1'),
    a('m2', { present: false }),
    a('m3', { fromPosition: 2 }),
    a('m4', { toPosition: 1 }),
    a('s1', { role: 'substitute', onlyItemId: 'item2' }),
    a('o1', { role: 'officer', party: null }),
  ];

  it('counts arrivals and departures by item, substitutes for one item there only, and never officers', () => {
    expect(votersInItem(attendees, { id: 'item1', position: 1 }, new Set()).map((v) => v.personId)).toEqual(['m1', 'm4']);
    expect(votersInItem(attendees, { id: 'item2', position: 2 }, new Set()).map((v) => v.personId)).toEqual(['m1', 'm3', 's1']);
  });

  it('leaves out a member disqualified in the item', () => {
    expect(votersInItem(attendees, { id: 'item2', position: 2 }, new Set(['m3'])).map((v) => v.personId)).toEqual(['m1', 's1']);
  });
});
