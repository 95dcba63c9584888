import { describe, expect, it } from '@jest/globals';
import { checkPersonalNumber, isCalendarDate, personalNumberBirthDate, personalNumberCentury } from './personal-number.js';

// Every valid number here is synthetic (Skatteetaten's Test-Norge form, month + 80) or dates
// from before anyone alive was born, except the H-number form (month + 40, also NAV Dolly's
// synthetic form). The refused ones cannot be anyone's. Control digits computed by a script.
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
    ['31129956716', 'control', 'Kontrollsifrene stemmer ikke.'],
    ['3112995671', 'format', 'Et fødselsnummer har 11 siffer.'],
    ['3112995671a', 'format', 'Et fødselsnummer har 11 siffer.'],
    ['', 'format', 'Et fødselsnummer har 11 siffer.'],
  ])('%s is refused: %s', (value, problem, reason) => {
    expect(checkPersonalNumber(value)).toEqual({ valid: false, problem, reason });
  });

  it('ignores spaces', () => {
    expect(checkPersonalNumber('168225 48834').valid).toBe(true);
  });

  describe('the date part is a real date', () => {
    it.each([
      // 31 April
      ['31049000076', 'fødselsnummer, 31.04.1990'],
      ['71049000140', 'D-number (day + 40), 31.04.1990'],
      ['31449000059', 'H-number (month + 40), 31.04.1990'],
      ['31849000031', 'synthetic (month + 80), 31.04.1990'],
      ['71849000025', 'synthetic D-number, 31.04.1990'],
      // 29 February in years that are not leap years; III 000–499 is the 1900s, 500–999 with YY 00–39 the 2000s
      ['29020000064', '29.02.1900 (III 000)'],
      ['69020000058', 'D-number, 29.02.1900'],
      ['29420000047', 'H-number, 29.02.1900'],
      ['29820000100', 'synthetic, 29.02.1900'],
      ['69820000013', 'synthetic D-number, 29.02.1900'],
      ['29022350097', '29.02.2023 (III 500)'],
      ['29022300073', '29.02.1923 (III 000)'],
      ['69022350080', 'D-number, 29.02.2023'],
      ['29422300056', 'H-number, 29.02.1923'],
      ['29822350052', 'synthetic, 29.02.2023'],
      // No such day or month at all
      ['32019000035', 'day 32'],
      ['00019000044', 'day 0'],
      ['72019000029', 'D-number day 72 (32)'],
      ['01139000001', 'month 13'],
      ['01009000093', 'month 0'],
      ['01539000094', 'month 53 (13 + 40)'],
      ['01939000077', 'month 93 (13 + 80)'],
    ])('%s is refused: %s', (value) => {
      expect(checkPersonalNumber(value)).toEqual({ valid: false, problem: 'date', reason: 'Datodelen er ikke en gyldig dato.' });
    });

    it.each([
      ['29820050043', 'fnr', true, 'synthetic, 29.02.2000 (III 500)'],
      ['29822450073', 'fnr', true, 'synthetic, 29.02.2024'],
      ['69820050037', 'dnr', true, 'synthetic D-number, 29.02.2000'],
      ['69822450067', 'dnr', true, 'synthetic D-number, 29.02.2024'],
      ['29420050060', 'hnr', false, 'H-number, 29.02.2000'],
      ['29422450090', 'hnr', false, 'H-number, 29.02.2024'],
      ['31929950081', 'fnr', true, 'synthetic, 31.12.1899 (III 500–749, YY 54–99)'],
      // III 750–899 with YY 40–99 gives no century; leap years are the same in every century then
      ['29828075061', 'fnr', true, 'synthetic, 29.02.x80 (III 750, no century)'],
    ])('%s is valid: %s', (value, kind, synthetic) => {
      expect(checkPersonalNumber(value)).toEqual({ valid: true, kind, synthetic });
    });

    it('refuses 29 February of a year that is no leap year in any century', () => {
      expect(checkPersonalNumber('29828175082')).toMatchObject({ valid: false, problem: 'date' });
    });
  });

  describe('control digits', () => {
    it('refuses a wrong K1 or K2', () => {
      expect(checkPersonalNumber('16822548824')).toMatchObject({ valid: false, problem: 'control' }); // K1 - 1
      expect(checkPersonalNumber('16822548835')).toMatchObject({ valid: false, problem: 'control' }); // K2 + 1
    });

    it('accepts K1 up to 3 more than today (the rule from 2032), with K2 over it, and no more', () => {
      for (const value of ['16822548842', '16822548850', '16822548869']) expect(checkPersonalNumber(value).valid).toBe(true);
      expect(checkPersonalNumber('16822548877')).toMatchObject({ valid: false, problem: 'control' });
    });
  });
});

describe('personalNumberCentury and personalNumberBirthDate', () => {
  it.each([
    [0, 0, 1900], [499, 99, 1900], [499, 0, 1900],
    [500, 54, 1800], [749, 99, 1800],
    [500, 0, 2000], [999, 39, 2000], [750, 39, 2000],
    [900, 40, 1900], [999, 99, 1900],
    [500, 40, null], [749, 53, null], [750, 40, null], [899, 99, null],
  ])('III %i with YY %i is %s', (individual, yy, century) => {
    expect(personalNumberCentury(individual, yy)).toBe(century);
  });

  it.each([
    ['01815450023', '1854-01-01'],
    ['31929950081', '1899-12-31'],
    ['01810000186', '1900-01-01'],
    ['01814090082', '1940-01-01'],
    ['31929900068', '1999-12-31'],
    ['31929990032', '1999-12-31'],
    ['01810050019', '2000-01-01'],
    ['31923950012', '2039-12-31'],
    ['69822450067', '2024-02-29'],
    ['01814550016', null], // III 500–749 with YY 40–53: no century
    ['01814075024', null], // III 750–899 with YY 40–99: no century
    ['31049000076', null], // not a valid number
  ])('%s was born %s', (value, date) => {
    expect(personalNumberBirthDate(value)).toBe(date);
  });
});

describe('isCalendarDate', () => {
  it.each([
    [2024, 2, 29, true], [2023, 2, 29, false], [1900, 2, 29, false], [2000, 2, 29, true],
    [2023, 4, 30, true], [2023, 4, 31, false], [2023, 12, 31, true], [2023, 13, 1, false], [2023, 0, 1, false], [2023, 1, 0, false],
  ])('%i-%i-%i: %s', (y, m, d, ok) => {
    expect(isCalendarDate(y, m, d)).toBe(ok);
  });
});
