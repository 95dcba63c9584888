import { describe, expect, it } from '@jest/globals';
import { composeBoardRecord, type BoardRecordInput } from './board-record.composer.js';

const zero = { received: 0, approved: 0, rejected: 0, cancelled: 0, awaiting: 0 };
const input: BoardRecordInput = {
  language: 'nb',
  municipalityName: 'Fjordvik kommune',
  election: { name: 'Folkeavstemning <skole>', electionDay: '2027-09-13', advanceFrom: '2027-08-10', advanceTo: '2027-09-10' },
  deadline: new Date('2027-09-14T15:00:00Z'),
  totals: { ...zero, received: 3, approved: 2, awaiting: 1 },
  byPlace: [{ place: 'Servicetorget', ...zero, received: 3, approved: 2, awaiting: 1 }],
  byDay: [{ date: '2027-09-01', ...zero, received: 3, approved: 2, awaiting: 1 }],
  byKind: [{ kind: 'ordinary', ...zero, received: 3, approved: 2, awaiting: 1 }],
  grounds: [{ ground: 'late', count: 1 }],
  envelopeReasons: [{ reason: 'other_municipality', count: 1 }],
  sent: [{ serial: 'S-1', municipalityNumber: '0301', municipalityName: 'Oslo', sentOn: '2027-09-02', votes: 1 }],
  received: [{ serial: 'R-1', municipalityNumber: '4601', municipalityName: 'Bergen', arrivedAt: new Date('2027-09-14T15:01:00Z'), late: true, status: 'rejected' }],
  cancellations: [],
  generatedAt: new Date('2027-09-20T08:00:00Z'),
};

describe("the board's record", () => {
  it('in bokmål: title, deadline in Oslo time, late envelopes marked, values escaped', () => {
    const doc = composeBoardRecord(input);
    expect(doc.lang).toBe('nb');
    expect(doc.title).toBe('Valgstyrets protokoll for forhåndsstemmer – Folkeavstemning <skole>');
    expect(doc.html).toContain('Folkeavstemning &lt;skole&gt;');
    expect(doc.html).toContain('14.09.2027 kl. 17:00');
    expect(doc.html).toContain('<td class="late">For sent</td>');
    expect(doc.html).toContain('Ikke kommet inn innen kl. 17 dagen etter valgdagen');
    expect(doc.html).toContain('<table aria-labelledby="stemmested">');
    expect(doc.html).toMatch(/<h2 id="annullert">Annullerte registreringer<\/h2>\s*<p class="empty">Ingen\.<\/p>/);
  });

  it('in nynorsk', () => {
    const doc = composeBoardRecord({ ...input, language: 'nn' });
    expect(doc.lang).toBe('nn');
    expect(doc.html).toContain('<html lang="nn">');
    expect(doc.title).toContain('Valstyret sin protokoll for førehandsrøyster');
    expect(doc.html).toContain('For seint');
    expect(doc.html).toContain('Motteke i alt');
    expect(doc.html).toContain('Veljar i annan kommune');
  });
});
