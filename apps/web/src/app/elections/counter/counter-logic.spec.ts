import {
  ALREADY_VOTED,
  FOUND_OTHER,
  FOUND_OWN,
  NOT_IN_ROLL,
  reportOf,
} from '../../../testing/election-fixtures';
import {
  digitsOf,
  municipalityNumberProblem,
  newIdempotencyKey,
  stepWith,
  takenToday,
  voterState,
} from './counter-logic';

describe('counter logic', () => {
  it('reads the digits of what was typed or scanned', () => {
    expect(digitsOf(' 030180 12345\n')).toBe('03018012345');
  });

  it('turns a lookup into who the voter is', () => {
    expect(voterState(FOUND_OWN)).toBe('own');
    expect(voterState(FOUND_OTHER)).toBe('other');
    expect(voterState(NOT_IN_ROLL)).toBe('notInRoll');
    expect(voterState(ALREADY_VOTED)).toBe('alreadyVoted');
    expect(voterState({ ...NOT_IN_ROLL, status: 'several' })).toBe('several');
  });

  it('keeps the lookup’s step, unless the clerk doubts the identity', () => {
    expect(stepWith(FOUND_OWN.nextStep!, false)).toEqual(FOUND_OWN.nextStep);
    expect(stepWith(FOUND_OWN.nextStep!, true)).toEqual({
      action: 'envelope',
      envelopeReason: 'identity_doubt',
      writeOnEnvelope: 'Tvil om identitet',
    });
    // As the API orders the reasons: identity doubt comes before another municipality…
    expect(stepWith(FOUND_OTHER.nextStep!, true).envelopeReason).toBe('identity_doubt');
    // …but after "not in the roll" and "already voted", which the board must know first.
    expect(stepWith(NOT_IN_ROLL.nextStep!, true)).toEqual(NOT_IN_ROLL.nextStep);
    expect(stepWith(ALREADY_VOTED.nextStep!, true)).toEqual(ALREADY_VOTED.nextStep);
  });

  it('takes four digits, or nothing, as a municipality number', () => {
    expect(municipalityNumberProblem('')).toBe(false);
    expect(municipalityNumberProblem(' 0301 ')).toBe(false);
    expect(municipalityNumberProblem('301')).toBe(true);
    expect(municipalityNumberProblem('Oslo')).toBe(true);
  });

  it('makes idempotency keys also where crypto.randomUUID is missing (plain http)', () => {
    const bytes = new Uint8Array(16).fill(0xab);
    const insecure = {
      getRandomValues: <T extends ArrayBufferView | null>(array: T): T => {
        (array as unknown as Uint8Array).set(bytes);
        return array;
      },
    } as unknown as Crypto;
    expect(newIdempotencyKey(insecure)).toBe('abababab-abab-4bab-abab-abababababab');
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('counts the votes taken today at one place from the figures, not those cancelled', () => {
    expect(
      takenToday(
        reportOf([
          { approved: 3, received: 1, rejected: 1, cancelled: 4 },
          { kind: 'early', received: 2 },
          { votingPlace: 'Biblioteket', approved: 9 },
          { date: '2026-11-24', approved: 9 },
        ]),
        '2026-11-25',
        'Servicetorget',
      ),
    ).toBe(7);
  });
});
