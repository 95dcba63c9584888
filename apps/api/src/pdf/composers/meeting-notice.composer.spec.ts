import { describe, expect, it } from '@jest/globals';
import { composeMeetingNotice, type MeetingNoticeInput } from './meeting-notice.composer.js';

function input(overrides: Partial<MeetingNoticeInput> = {}): MeetingNoticeInput {
  return {
    municipalityName: 'Fjordvik kommune',
    bodyName: 'Kommunestyret',
    // 17:00 UTC in March is 18:00 in Oslo.
    meeting: { startsAt: new Date('2027-03-10T17:00:00Z'), endsAt: new Date('2027-03-10T21:00:00Z'), place: 'Rådhuset, kommunestyresalen', remote: false },
    items: [
      { number: 'PS 1/27', title: 'Ny skole på Ørnes – æøå', exempt: false, citation: null },
      { number: 'PS 2/27', title: 'Tilsetting av Ola Nordmann', exempt: true, citation: 'koml. § 11-5 annet ledd bokstav b' },
    ],
    generatedAt: new Date('2027-02-24T08:00:00Z'),
    ...overrides,
  };
}

function rows(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => (cell[1] ?? '').replace(/<[^>]+>/g, ' ').trim()),
  );
}

describe('composeMeetingNotice', () => {
  it('titles the notice after the body and the date in Oslo time', () => {
    const doc = composeMeetingNotice(input());
    expect(doc.title).toBe('Møteinnkalling – Kommunestyret 10.03.2027');
    expect(doc.html).toContain('<h1>Møteinnkalling – Kommunestyret 10.03.2027</h1>');
    expect(doc.headerText).toBe('Fjordvik kommune');
    expect(doc.footerText).toBe('Utskrift 24.02.2027 kl. 09:00');
    expect(doc.html).toContain('<dd>kl. 18:00–22:00</dd>');
    expect(doc.html).toContain('<dd>Rådhuset, kommunestyresalen</dd>');
  });

  it('lists the agenda in order and shows an exempt item only by number and legal ground', () => {
    const doc = composeMeetingNotice(input());
    expect(rows(doc.html)).toEqual([
      ['PS 1/27', 'Ny skole på Ørnes – æøå'],
      ['PS 2/27', 'Unntatt offentlighet koml. § 11-5 annet ledd bokstav b'],
    ]);
    expect(doc.html).not.toContain('Ola Nordmann');
  });

  it('says Fjernmøte for a remote meeting, and handles a missing end and place', () => {
    const remote = composeMeetingNotice(input({ meeting: { startsAt: new Date('2027-03-10T17:00:00Z'), endsAt: null, place: '', remote: true } }));
    expect(remote.html).toContain('<dd>Fjernmøte</dd>');
    expect(remote.html).toContain('<dd>kl. 18:00</dd>');
    const unplaced = composeMeetingNotice(input({ meeting: { startsAt: new Date('2027-03-10T17:00:00Z'), endsAt: null, place: '', remote: false } }));
    expect(unplaced.html).toContain('<dd>Ikke fastsatt</dd>');
  });

  it('says so when the agenda is empty', () => {
    const doc = composeMeetingNotice(input({ items: [] }));
    expect(doc.html).toContain('Ingen saker er satt opp.');
    expect(doc.html).not.toContain('<table');
  });

  it('escapes every value from data', () => {
    const evil = '<img src=x onerror="alert(1)">';
    const doc = composeMeetingNotice(
      input({
        municipalityName: evil,
        bodyName: evil,
        meeting: { startsAt: new Date('2027-03-10T17:00:00Z'), endsAt: null, place: evil, remote: false },
        items: [
          { number: evil, title: evil, exempt: false, citation: null },
          { number: 'PS 2/27', title: 'x', exempt: true, citation: evil },
        ],
      }),
    );
    expect(doc.html).not.toContain('<img');
    expect(doc.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it("writes the fixed texts in the municipality's nynorsk, tagged as such", () => {
    const doc = composeMeetingNotice(input({ language: 'nn', meeting: { startsAt: new Date('2027-03-10T17:00:00Z'), endsAt: null, place: '', remote: false } }));
    expect(doc.lang).toBe('nn');
    expect(doc.html).toContain('<html lang="nn">');
    expect(doc.html).toContain('<dt>Stad</dt><dd>Ikkje fastsett</dd>');
    expect(doc.html).toContain('Forfall skal meldast snarast');
    expect(rows(doc.html)[1]).toEqual(['PS 2/27', 'Unnateke offentlegheit koml. § 11-5 annet ledd bokstav b']);
    expect(doc.html).not.toContain('Sted');
  });

  it('puts the coat of arms in the header as an embedded image with a text alternative', () => {
    const png = Buffer.from('89504e47', 'hex');
    const doc = composeMeetingNotice(input({ coatOfArms: { png, width: 120, height: 140 } }));
    expect(doc.html).toContain(`<img class="doc-arms" src="data:image/png;base64,${png.toString('base64')}" alt="Kommunevåpen" width="120" height="140">`);
    expect(composeMeetingNotice(input()).html).not.toContain('<img');
  });

  it('is pure: the same input gives the same HTML', () => {
    expect(composeMeetingNotice(input()).html).toBe(composeMeetingNotice(input()).html);
  });
});
