import { describe, expect, it } from '@jest/globals';
import { composeConfirmation, type ConfirmationInput } from './weddings-confirmation.composer.js';
import { composeDayList, type DayListCeremony } from './weddings-day-list.composer.js';

const ceremony = (over: Partial<DayListCeremony> = {}): DayListCeremony => ({
  reference: 'V-2027-0042',
  startsAt: new Date('2027-06-11T08:00:00Z'),
  endsAt: new Date('2027-06-11T08:30:00Z'),
  place: 'Bryllupsrommet',
  accessibility: 'Heis',
  officiant: 'Ordfører Test',
  parties: ['Kari <Nordmann>', 'Ola Testesen'],
  witnesses: ['Vitne En', 'Vitne To'],
  ceremonyLanguage: 'de',
  guests: 12,
  certificateChecked: false,
  notes: '',
  cancelled: false,
  ...over,
});

describe("the officiant's day list", () => {
  it('lists the ceremonies in time order with Oslo times, escaped, in bokmål', () => {
    const later = ceremony({ reference: 'V-2027-0043', startsAt: new Date('2027-06-11T10:00:00Z'), endsAt: new Date('2027-06-11T10:30:00Z'), parties: ['Siste Par', 'To'] });
    const doc = composeDayList({ municipalityName: 'Fjordvik kommune', date: '2027-06-11', officiant: null, ceremonies: [later, ceremony()], language: 'nb', generatedAt: new Date('2027-06-10T12:00:00Z') });
    expect(doc.title).toBe('Dagsliste for vigsler 11.06.2027');
    expect(doc.lang).toBe('nb');
    expect(doc.html).toContain('10:00–10:30 · Bryllupsrommet');
    expect(doc.html.indexOf('V-2027-0042')).toBeLessThan(doc.html.indexOf('V-2027-0043'));
    expect(doc.html).toContain('Kari &lt;Nordmann&gt; og Ola Testesen');
    expect(doc.html).toContain('tysk');
    expect(doc.html).toContain('ikke kontrollert');
    // The staff's list of the whole day names each ceremony's officiant.
    expect(doc.html).toContain('Ordfører Test');
    expect(doc.html).toContain('Alle vigslere');
  });

  it('comes in nynorsk, and says when the day has no ceremonies', () => {
    const doc = composeDayList({ municipalityName: 'Fjordvik kommune', date: '2027-06-12', officiant: 'Ordfører Test', ceremonies: [], language: 'nn', generatedAt: new Date() });
    expect(doc.title).toBe('Dagsliste for vigslar 12.06.2027');
    expect(doc.html).toContain('<html lang="nn">');
    expect(doc.html).toContain('Ingen vigslar denne dagen.');
  });
});

describe("the couple's confirmation", () => {
  const input: ConfirmationInput = {
    municipalityName: 'Fjordvik kommune',
    reference: 'V-2027-0042',
    status: 'booked',
    startsAt: new Date('2027-06-11T08:00:00Z'),
    endsAt: new Date('2027-06-11T08:30:00Z'),
    place: { name: 'Bryllupsrommet', address: 'Rådhusgata 1, 9990 Fjordvik', accessibility: 'Heis fra hovedinngangen' },
    parties: [
      { name: 'Kari Nordmann', birthDate: '1990-04-02', residence: 'municipality' },
      { name: 'Ola Testesen', birthDate: '1988-11-30', residence: 'abroad' },
    ],
    witnesses: [
      { name: 'Vitne En', birthDate: '1970-01-01' },
      { name: 'Vitne To', birthDate: '1975-06-15' },
    ],
    ceremonyLanguage: 'nn',
    guests: 10,
    capacity: 20,
    certificate: { issuedOn: '2027-03-01', validUntil: '2027-07-01', checked: false },
    fee: { free: false, amountNok: 1200 },
    manageUrl: 'https://x/vigsel/V-2027-0042',
    locale: 'nb',
    generatedAt: new Date('2027-05-01T10:00:00Z'),
  };

  it('has the time, place, parties, witnesses, certificate, what to bring, fee and how to change, in bokmål', () => {
    const doc = composeConfirmation(input);
    expect(doc.title).toBe('Bekreftelse på vigsel – V-2027-0042');
    for (const s of ['fredag 11. juni 2027, 10:00–10:30', 'Rådhusgata 1, 9990 Fjordvik', 'Heis fra hovedinngangen', 'Kari Nordmann, født 02.04.1990, bor i kommunen', 'bor utenfor Norge', 'Vitne To', 'nynorsk', '10 (stedet har plass til 20)', 'gyldig til og med 01.07.2027', 'ikke kontrollert', 'legitimasjon', 'Vigselen koster 1200 kroner.', 'https://x/vigsel/V-2027-0042']) {
      expect(doc.html).toContain(s);
    }
  });

  it('comes in nynorsk and English', () => {
    expect(composeConfirmation({ ...input, locale: 'nn' }).html).toContain('Stadfesting av vigsel');
    const en = composeConfirmation({ ...input, locale: 'en', fee: { free: true, amountNok: 0 } });
    expect(en.lang).toBe('en');
    expect(en.html).toContain('Friday, 11 June 2027, 10:00–10:30');
    expect(en.html).toContain('Norwegian (Nynorsk)');
    expect(en.html).toContain('free of charge');
  });
});
