import {
  FOUND_OTHER,
  FOUND_OWN,
  NOT_IN_ROLL,
  ALREADY_VOTED,
} from '../../../testing/election-fixtures';
import { digitsOf, newIdempotencyKey, voterState } from './counter-logic';
import { countedToday } from './counter-page';

describe('counter logic', () => {
  it('reads the digits of what was typed or scanned', () => {
    expect(digitsOf(' 030180 12345\n')).toBe('03018012345');
  });

  it('turns a lookup into what the clerk must do', () => {
    expect(voterState(FOUND_OWN)).toBe('own');
    expect(voterState(FOUND_OTHER)).toBe('other');
    expect(voterState(NOT_IN_ROLL)).toBe('notInRoll');
    expect(voterState(ALREADY_VOTED)).toBe('alreadyVoted');
    expect(voterState({ ...NOT_IN_ROLL, status: 'several' })).toBe('several');
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

  it('counts today’s votes at one place from the figures', () => {
    const day = { kind: 'ordinary' as const, rejected: 0, envelopes: 0 };
    expect(
      countedToday(
        {
          days: [
            { ...day, date: '2026-11-25', votingPlace: 'Servicetorget', counted: 3 },
            { ...day, date: '2026-11-25', votingPlace: 'Servicetorget', kind: 'early', counted: 2 },
            { ...day, date: '2026-11-25', votingPlace: 'Biblioteket', counted: 9 },
            { ...day, date: '2026-11-24', votingPlace: 'Servicetorget', counted: 9 },
          ],
          rejected: [],
          envelopesByMunicipality: [],
        },
        '2026-11-25',
        'Servicetorget',
      ),
    ).toBe(5);
  });
});
