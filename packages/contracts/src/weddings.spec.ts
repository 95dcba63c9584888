import { describe, expect, it } from '@jest/globals';
import { BookingInput, FreeSlotsQuery, WeddingOfficiantInput, WeddingPlaceInput } from './weddings.js';

const uuid = '3f1f7b8e-8a8e-4c6e-9d0a-0a7b8c9d0e1f';
const party = { name: ' Kari Nordmann ', birthDate: '1990-04-02', email: 'kari@epost.example', phone: '+47 912 34 567', residence: 'municipality' };
const witness = { name: 'Vitne', birthDate: '1970-01-01' };
const booking = { holdId: uuid, holdToken: 't', parties: [party, party], witnesses: [witness, witness], ceremonyLanguage: 'se', guests: 3, certificateIssuedOn: '2027-01-01', locale: 'nn' };

describe('weddings contracts', () => {
  it('trims text and refuses control characters', () => {
    expect(WeddingPlaceInput.parse({ name: '  Rådhuset  ', capacity: 20 })).toEqual({ name: 'Rådhuset', capacity: 20, address: '', accessibility: '', active: true });
    expect(WeddingPlaceInput.safeParse({ name: 'Råd\u0000huset', capacity: 20 }).success).toBe(false);
    expect(WeddingPlaceInput.safeParse({ name: '   ', capacity: 20 }).success).toBe(false);
  });

  it('takes a booking with two parties and two witnesses, no more and no less', () => {
    expect(BookingInput.parse(booking).parties[0].name).toBe('Kari Nordmann');
    expect(BookingInput.safeParse({ ...booking, witnesses: [witness] }).success).toBe(false);
    expect(BookingInput.safeParse({ ...booking, parties: [party, party, party] }).success).toBe(false);
    expect(BookingInput.safeParse({ ...booking, ceremonyLanguage: 'sv' }).success).toBe(false);
    expect(BookingInput.safeParse({ ...booking, parties: [{ ...party, email: 'ikke-epost' }, party] }).success).toBe(false);
    expect(BookingInput.safeParse({ ...booking, parties: [{ ...party, phone: 'ring meg' }, party] }).success).toBe(false);
  });

  it('needs the decision and the start of an authorisation for an authorised officiant', () => {
    expect(WeddingOfficiantInput.safeParse({ name: 'Ordfører', kind: 'mayor' }).success).toBe(true);
    expect(WeddingOfficiantInput.safeParse({ name: 'Vigsler', kind: 'authorised' }).success).toBe(false);
    expect(WeddingOfficiantInput.safeParse({ name: 'Vigsler', kind: 'authorised', decisionRef: 'KST 26/12', authorisedFrom: '2026-01-01' }).success).toBe(true);
  });

  it('searches free slots for at most 366 days', () => {
    expect(FreeSlotsQuery.safeParse({ placeId: uuid, from: '2027-01-01', to: '2028-01-01' }).success).toBe(true);
    expect(FreeSlotsQuery.safeParse({ placeId: uuid, from: '2027-01-01', to: '2028-01-03' }).success).toBe(false);
    expect(FreeSlotsQuery.safeParse({ placeId: uuid, from: '2027-02-01', to: '2027-01-01' }).success).toBe(false);
  });
});
