import { describe, expect, it } from '@jest/globals';
import { composeCasePresentation, type CasePresentationInput } from './case-presentation.composer.js';

function input(overrides: Partial<CasePresentationInput> = {}): CasePresentationInput {
  return {
    municipalityName: 'Fjordvik kommune',
    bodyName: 'Kommunestyret',
    meetingStartsAt: new Date('2027-03-10T17:00:00Z'),
    item: { number: 'PS 4/27', title: 'Reguleringsplan for Ørnes <sentrum>', askerName: null },
    case: {
      archiveReference: '27/120',
      caseOfficer: 'Kari Saksbehandler',
      summary: 'Planen gir 40 boliger.',
      background: 'Første avsnitt.\n\nAndre avsnitt.',
      assessment: 'Vurderingen.',
      recommendation: 'Planen vedtas.',
    },
    exempt: null,
    bodyRecommendation: '',
    attachments: [
      { title: 'Plankart', included: true },
      { title: 'Regneark', included: false },
    ],
    generatedAt: new Date('2027-02-24T08:00:00Z'),
    ...overrides,
  };
}

const text = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('composeCasePresentation', () => {
  it('puts the summary first, then background, assessment and recommendation, and lists attachments', () => {
    const doc = composeCasePresentation(input());
    expect(doc.title).toBe('PS 4/27 Reguleringsplan for Ørnes <sentrum>');
    expect(doc.html).toContain('Reguleringsplan for Ørnes &lt;sentrum&gt;');
    const t = text(doc.html);
    const order = [
      'Planen gir 40 boliger.',
      'Bakgrunn',
      'Første avsnitt.',
      'Andre avsnitt.',
      'Vurdering',
      'Innstilling',
      'Planen vedtas.',
      'Vedlegg',
      'Plankart',
      'Regneark (ligger ikke i dokumentet)',
    ];
    const positions = order.map((s) => t.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(t).toContain('Arkivsak 27/120');
    expect(t).toContain('Møtedato 10.03.2027');
    expect(doc.footerText).toBe('Utskrift 24.02.2027 kl. 09:00');
  });

  it("adds the body's own recommendation", () => {
    const t = text(
      composeCasePresentation(
        input({ bodyName: 'Formannskapet', bodyRecommendation: 'Formannskapet tilrår planen.' }),
      ).html,
    );
    expect(t).toContain('Formannskapets innstilling');
    expect(t).toContain('Formannskapet tilrår planen.');
  });

  it('prints only the number, "Unntatt offentlighet" and the ground for an exempt item, whatever else is passed', () => {
    const doc = composeCasePresentation(input({ exempt: { citation: 'koml. § 11-5 annet ledd bokstav b' } }));
    expect(doc.title).toBe('PS 4/27 Unntatt offentlighet');
    const t = text(doc.html);
    expect(t).toContain('koml. § 11-5 annet ledd bokstav b');
    for (const secret of [
      'Ørnes',
      'Planen gir',
      'Første avsnitt',
      'Planen vedtas',
      'Plankart',
      '27/120',
      'Kari',
    ])
      expect(t).not.toContain(secret);
  });

  it('names the asker of a question', () => {
    const t = text(
      composeCasePresentation(
        input({
          item: { number: 'SP 1/27', title: 'Spørsmål om brøyting', askerName: 'Per Politiker' },
          case: null,
          attachments: [],
        }),
      ).html,
    );
    expect(t).toContain('Spør Per Politiker');
    expect(t).not.toContain('Vedlegg');
  });

  it("is in nynorsk for a nynorsk municipality: the fixed texts, the language tag, the body's recommendation", () => {
    const doc = composeCasePresentation(
      input({ language: 'nn', bodyRecommendation: 'Planen blir vedteken.' }),
    );
    expect(doc.lang).toBe('nn');
    expect(doc.html).toContain('<html lang="nn"');
    const t = text(doc.html);
    expect(t).toContain('Sakshandsamar Kari Saksbehandler');
    expect(t).toContain('Innstilling frå Kommunestyret');
    expect(t).toContain('Regneark (ligg ikkje i dokumentet)');
    expect(t).not.toContain('Saksbehandler Kari');
    const exempt = text(
      composeCasePresentation(
        input({ language: 'nn', case: null, exempt: { citation: 'offl. § 23 første ledd' } }),
      ).html,
    );
    expect(exempt).toContain('Saka er unnateken offentlegheit');
  });
});
