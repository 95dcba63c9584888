import { describe, expect, it } from '@jest/globals';
import { checkPersonalNumber, maskPersonalNumber } from './personal-number.js';

describe('checkPersonalNumber', () => {
  it.each([
    ['31129956715', 'fnr', false],
    ['16822548834', 'fnr', true],
    ['11812448848', 'fnr', true],
    ['15858500092', 'fnr', true],
    ['24900550010', 'fnr', true],
    ['41819020068', 'dnr', true],
  ])('%s is a valid %s (synthetic: %s)', (value, kind, synthetic) => {
    expect(checkPersonalNumber(value)).toEqual({ valid: true, kind, synthetic });
  });

  it.each([
    ['31129956716', 'Kontrollsifrene stemmer ikke.'],
    ['3112995671', 'Et fødselsnummer har 11 siffer.'],
    ['3112995671a', 'Et fødselsnummer har 11 siffer.'],
  ])('%s is refused: %s', (value, reason) => {
    expect(checkPersonalNumber(value)).toEqual({ valid: false, reason });
  });

  it('masks all but the birth date', () => {
    expect(maskPersonalNumber('16822548834')).toBe('168225*****');
  });
});
