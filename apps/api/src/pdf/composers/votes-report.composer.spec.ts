import { describe, expect, it } from '@jest/globals';
import { composeVotesReport } from './votes-report.composer.js';

describe('composeVotesReport', () => {
  const doc = composeVotesReport({
    municipalityName: 'Fjordvik kommune',
    election: { name: 'Folkeavstemning <om> sammenslåing', electionDay: '2027-09-13', advanceFrom: '2027-08-10', advanceTo: '2027-09-10' },
    report: {
      days: [{ date: '2027-09-01', votingPlace: 'Servicetorget', kind: 'ordinary', received: 2, approved: 4, rejected: 1, cancelled: 1, envelopes: 3 }],
      rejected: [{ reason: 'Registrert på feil velger', count: 1 }],
      awaiting: [{ reason: 'already_voted', count: 2 }],
      envelopesByMunicipality: [{ municipalityNumber: '0301', count: 1 }],
    },
    generatedAt: new Date('2027-09-02T08:00:00Z'),
  });

  it('sums and lists the figures, escaping text', () => {
    expect(doc.title).toBe('Forhåndsstemmer – Folkeavstemning <om> sammenslåing');
    expect(doc.html).toContain('Folkeavstemning &lt;om&gt; sammenslåing');
    expect(doc.html).toContain('<dt>Godkjent</dt><dd>4</dd>');
    expect(doc.html).toContain('<dt>Mottatt, til prøving</dt><dd>2</dd>');
    expect(doc.html).toContain('<td>Har stemt tidligere</td><td class="num">2</td>');
    expect(doc.html).toContain('Registrert på feil velger');
    expect(doc.html).toContain('<td>0301</td><td class="num">1</td>');
  });
});
