import { describe, expect, it } from '@jest/globals';
import { certificateValidUntil, checkCertificate } from './certificate.js';
import { weddingFee } from './fee.js';
import { canOfficiate } from './officiants.js';
import { isAtLeast, underageWitnesses } from './witnesses.js';

describe('prøvingsattest: valid four months from issue', () => {
  it('runs to the same day four months later, or the end of a shorter month', () => {
    expect(certificateValidUntil('2027-01-15')).toBe('2027-05-15');
    expect(certificateValidUntil('2027-10-31')).toBe('2028-02-29');
    expect(certificateValidUntil('2026-10-31')).toBe('2027-02-28');
    expect(certificateValidUntil('2027-09-30')).toBe('2028-01-30');
  });

  it('must be valid on the wedding day, the last day included, and not dated in the future', () => {
    expect(checkCertificate('2027-01-15', '2027-05-15', '2027-01-20')).toEqual({ ok: true, validUntil: '2027-05-15' });
    expect(checkCertificate('2027-01-15', '2027-05-16', '2027-01-20')).toEqual({ ok: false, problem: 'expired', validUntil: '2027-05-15', latestWeddingDate: '2027-05-15' });
    expect(checkCertificate('2027-01-21', '2027-02-01', '2027-01-20')).toMatchObject({ ok: false, problem: 'not_issued_yet' });
  });
});

describe('witnesses: 18 or older on the wedding day', () => {
  it('counts the 18th birthday itself', () => {
    expect(isAtLeast('2009-06-12', '2027-06-12')).toBe(true);
    expect(isAtLeast('2009-06-12', '2027-06-11')).toBe(false);
    expect(isAtLeast('1950-01-01', '2027-06-11')).toBe(true);
  });

  it('lets someone born on 29 February come of age on 1 March', () => {
    expect(isAtLeast('2008-02-29', '2026-02-28')).toBe(false);
    expect(isAtLeast('2008-02-29', '2026-03-01')).toBe(true);
  });

  it('names the witnesses under age', () => {
    expect(underageWitnesses([{ birthDate: '1990-01-01' }, { birthDate: '2010-01-01' }], '2027-06-11')).toEqual([1]);
  });
});

describe('fee (el. § 12 a)', () => {
  it('is free when one party resides in the municipality, or neither in Norway', () => {
    expect(weddingFee(['municipality', 'other_municipality'], 1200)).toEqual({ free: true, amountNok: 0 });
    expect(weddingFee(['abroad', 'abroad'], 1200)).toEqual({ free: true, amountNok: 0 });
    expect(weddingFee(['abroad', 'municipality'], 1200)).toEqual({ free: true, amountNok: 0 });
  });

  it('charges the fee otherwise', () => {
    expect(weddingFee(['other_municipality', 'other_municipality'], 1200)).toEqual({ free: false, amountNok: 1200 });
    expect(weddingFee(['abroad', 'other_municipality'], 1200)).toEqual({ free: false, amountNok: 1200 });
  });
});

describe('officiants (el. § 12)', () => {
  const authorised = { kind: 'authorised' as const, active: true, authorisedFrom: '2027-01-01', authorisedTo: '2027-12-31' };
  it('lets the mayor and deputy mayor always officiate, while active', () => {
    expect(canOfficiate({ kind: 'mayor', active: true, authorisedFrom: null, authorisedTo: null }, '2030-01-01')).toBe(true);
    expect(canOfficiate({ kind: 'deputy_mayor', active: false, authorisedFrom: null, authorisedTo: null }, '2027-01-01')).toBe(false);
  });
  it('lets an authorised officiant officiate only within the authorisation', () => {
    expect(canOfficiate(authorised, '2027-01-01')).toBe(true);
    expect(canOfficiate(authorised, '2027-12-31')).toBe(true);
    expect(canOfficiate(authorised, '2028-01-01')).toBe(false);
    expect(canOfficiate(authorised, '2026-12-31')).toBe(false);
    expect(canOfficiate({ ...authorised, authorisedTo: null }, '2040-01-01')).toBe(true);
  });
});
