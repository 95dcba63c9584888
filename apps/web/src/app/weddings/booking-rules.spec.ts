import {
  type BookingFormValue,
  FIELD_IDS,
  addMonthsToDate,
  ageOn,
  certificateProblem,
  certificateValidUntil,
  isDate,
  isEmail,
  isPhone,
  validateBooking,
} from './booking-rules';

const VALID: BookingFormValue = {
  parties: [
    {
      name: 'Kari Nordmann',
      birthDate: '1990-04-01',
      email: 'kari@example.no',
      phone: '+47 912 34 567',
      residence: 'municipality',
    },
    {
      name: 'Jean Dupont',
      birthDate: '1988-10-12',
      email: 'jean@example.fr',
      phone: '+33 6 12 34 56 78',
      residence: 'abroad',
    },
  ],
  witnesses: [
    { name: 'Ola Vitne', birthDate: '1970-01-01' },
    { name: 'Siri Vitne', birthDate: '2009-06-11' },
  ],
  ceremonyLanguage: 'fr',
  guests: '20',
  certificateIssuedOn: '2027-02-11',
  notes: '',
};
/** A deep copy to change (the jsdom environment has no structuredClone). */
const clone = (value: BookingFormValue): BookingFormValue =>
  JSON.parse(JSON.stringify(value)) as BookingFormValue;
const CONTEXT = { weddingDate: '2027-06-11', today: '2027-03-01', capacity: 40 };

const fields = (value: BookingFormValue, context = CONTEXT) =>
  validateBooking(value, context).map((p) => `${p.field ?? ''}:${p.messageKey ?? ''}`);

describe('the booking form’s checks', () => {
  it('accepts a complete booking, a witness who turns 18 on the day included', () => {
    expect(validateBooking(VALID, CONTEXT)).toEqual([]);
  });

  it('refuses a witness under 18 on the wedding day, at that witness’s birth date', () => {
    const value = clone(VALID);
    value.witnesses[1].birthDate = '2009-06-12';
    expect(fields(value)).toEqual(['witness-1-birth:weddings.form.problems.witnessUnder18']);
  });

  it('counts someone born on 29 February as of age on 1 March', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('refuses a party under 18 (ekteskapsloven § 1 a)', () => {
    const value = clone(VALID);
    value.parties[0].birthDate = '2010-01-01';
    expect(fields(value)).toEqual(['party-0-birth:weddings.form.problems.partyUnder18']);
  });

  it('keeps the certificate valid for four months, to the same day or the month’s last', () => {
    expect(certificateValidUntil('2027-02-11')).toBe('2027-06-11');
    expect(certificateValidUntil('2026-10-31')).toBe('2027-02-28');
    expect(certificateValidUntil('2027-10-31')).toBe('2028-02-29');
    expect(addMonthsToDate('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonthsToDate('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('checks the certificate: valid on the last day, expired the day after, not issued in the future', () => {
    expect(certificateProblem('2027-02-11', '2027-06-11', '2027-03-01')).toBeNull();
    expect(certificateProblem('2027-02-10', '2027-06-11', '2027-03-01')).toBe('expired');
    expect(certificateProblem('2027-03-02', '2027-06-11', '2027-03-01')).toBe('future');

    const value = clone(VALID);
    value.certificateIssuedOn = '2027-02-10';
    const [problem] = validateBooking(value, { ...CONTEXT, formatDate: (d) => `«${d}»` });
    expect(problem).toEqual({
      field: 'certificate-issued',
      messageKey: 'weddings.form.problems.certificateExpired',
      params: { validUntil: '«2027-06-10»' },
    });
  });

  it('refuses more guests than the place has room for, and guests that are not a number', () => {
    const value = clone(VALID);
    value.guests = '41';
    expect(fields(value)).toEqual(['guests:weddings.form.problems.guestsOverCapacity']);
    value.guests = '40';
    expect(fields(value)).toEqual([]);
    value.guests = '-1';
    expect(fields(value)).toEqual(['guests:weddings.form.problems.guestsInvalid']);
    value.guests = '';
    expect(fields(value)).toEqual(['guests:weddings.form.problems.guestsInvalid']);
  });

  it('checks e-mail and phone as the contracts do', () => {
    expect(isEmail('kari@example.no')).toBe(true);
    expect(isEmail('kari@example')).toBe(false);
    expect(isEmail('kari nordmann@example.no')).toBe(false);
    expect(isPhone('+47 912 34 567')).toBe(true);
    expect(isPhone('91234567')).toBe(true);
    expect(isPhone('1234567')).toBe(false);
    expect(isPhone('912-34-567')).toBe(false);
  });

  it('names each missing field with its person, in the order of the form', () => {
    const value = clone(VALID);
    value.parties[1].name = ' ';
    value.parties[1].residence = '';
    value.ceremonyLanguage = '';
    value.certificateIssuedOn = '';
    expect(validateBooking(value, CONTEXT)).toEqual([
      {
        field: 'party-1-name',
        messageKey: 'weddings.form.problems.partyName',
        params: { number: 2 },
      },
      {
        field: 'party-1-residence',
        messageKey: 'weddings.form.problems.residenceRequired',
        params: { number: 2 },
      },
      { field: 'ceremony-language', messageKey: 'weddings.form.problems.languageRequired' },
      { field: 'certificate-issued', messageKey: 'weddings.form.problems.certificateRequired' },
    ]);
  });

  it('knows real calendar dates', () => {
    expect(isDate('2027-02-28')).toBe(true);
    expect(isDate('2027-02-29')).toBe(false);
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('27-02-28')).toBe(false);
  });

  it('maps the API’s field paths to the form’s fields', () => {
    expect(FIELD_IDS['witnesses.1.birthDate']).toBe('witness-1-birth');
    expect(FIELD_IDS['parties.0.email']).toBe('party-0-email');
    expect(FIELD_IDS['certificateIssuedOn']).toBe('certificate-issued');
  });
});
