import { describe, expect, it } from '@jest/globals';
import { cancellationMail, ceremonyIcs, confirmationMail, type CeremonyFacts } from './weddings-mail.js';

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

  it('give the ceremony as an iCalendar event in UTC with CRLF line ends', () => {
    const ics = ceremonyIcs(facts, 'id@sekretariat', 'nb');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('DTSTART:20270611T080000Z');
    expect(ics).toContain('LOCATION:Bryllupsrommet');
    expect(ics.endsWith('\r\n')).toBe(true);
  });
});
