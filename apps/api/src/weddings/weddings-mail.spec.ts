import { describe, expect, it } from '@jest/globals';
import { cancellationMail, ceremonyIcs, confirmationMail, movedMail, type CeremonyFacts } from './weddings-mail.js';
import { placeLine } from './weddings.mapper.js';

const facts: CeremonyFacts = {
  reference: 'V-2027-0042',
  municipality: 'Fjordvik kommune',
  place: 'Bryllupsrommet',
  startsAt: new Date('2027-06-11T08:00:00Z'),
  endsAt: new Date('2027-06-11T08:30:00Z'),
  free: false,
  feeNok: 1200,
};

describe("the couple's e-mails", () => {
  it('confirm in the booking language with the local time, the fee and the link', () => {
    const nb = confirmationMail(facts, 'https://x/vigsel/V-2027-0042?token=abc', 'nb');
    expect(nb.subject).toBe('Vigsel bestilt – V-2027-0042');
    expect(nb.text).toContain('10:00');
    expect(nb.text).toContain('1200 kroner');
    expect(nb.text).toContain('https://x/vigsel/V-2027-0042?token=abc');
    expect(confirmationMail(facts, 'l', 'nn').text).toContain('Vigselen dykkar');
    expect(confirmationMail({ ...facts, free: true }, 'l', 'en').text).toContain('free of charge');
  });

  it('tell of a cancellation with the reason', () => {
    expect(cancellationMail(facts, 'Rådhuset stengt', 'en').text).toContain('Reason: Rådhuset stengt');
  });

  it('tell of a move with the new and the old time, in the booking language', () => {
    const nb = movedMail(facts, new Date('2027-06-04T08:00:00Z'), 'Parken', 'nb');
    expect(nb.subject).toBe('Vigsel flyttet – V-2027-0042');
    expect(nb.text).toContain('Ny tid: fredag 11. juni 2027 kl. 10:00, Bryllupsrommet.');
    expect(nb.text).toContain('Tidligere: fredag 4. juni 2027 kl. 10:00, Parken.');
    expect(movedMail(facts, facts.startsAt, 'Parken', 'nn').text).toContain('har flytta vigselen dykkar');
    expect(movedMail(facts, facts.startsAt, 'Parken', 'en').subject).toBe('Wedding ceremony moved – V-2027-0042');
  });

  it('keep the UID and raise the SEQUENCE of a moved ceremony, so calendars replace the entry', () => {
    const first = ceremonyIcs(facts, 'id@sekretariat', 'nb');
    const moved = ceremonyIcs({ ...facts, startsAt: new Date('2027-06-12T08:00:00Z'), endsAt: new Date('2027-06-12T08:30:00Z') }, 'id@sekretariat', 'nb', 2);
    expect(first).toContain('SEQUENCE:0');
    expect(moved).toContain('SEQUENCE:2');
    expect(moved).toContain('UID:id@sekretariat');
    expect(moved).toContain('DTSTART:20270612T080000Z');
  });

  it('give the ceremony as an iCalendar event in UTC with CRLF line ends', () => {
    const ics = ceremonyIcs(facts, 'id@sekretariat', 'nb');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('DTSTART:20270611T080000Z');
    expect(ics).toContain('LOCATION:Bryllupsrommet');
    expect(ics.endsWith('\r\n')).toBe(true);
  });

  it("give the place's address with its name, in the mail and the calendar entry's LOCATION (commas escaped)", () => {
    const place = placeLine({ name: 'Bryllupsrommet', address: 'Rådhusgata 1, 9990 Fjordvik' });
    expect(place).toBe('Bryllupsrommet, Rådhusgata 1, 9990 Fjordvik');
    expect(placeLine({ name: 'Parken', address: '' })).toBe('Parken');
    expect(ceremonyIcs({ ...facts, place }, 'id@sekretariat', 'nb')).toContain('LOCATION:Bryllupsrommet\\, Rådhusgata 1\\, 9990 Fjordvik');
    expect(confirmationMail({ ...facts, place }, 'https://x', 'nb').text).toContain('Bryllupsrommet, Rådhusgata 1, 9990 Fjordvik');
  });
});
