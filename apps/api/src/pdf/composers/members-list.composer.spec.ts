import { describe, expect, it } from '@jest/globals';
import { composeMembersList, type MembersListInput } from './members-list.composer.js';

function input(overrides: Partial<MembersListInput> = {}): MembersListInput {
  return {
    municipalityName: 'Kárášjohka kommune',
    body: {
      name: 'Kommunestyret',
      kind: 'kommunestyre',
      termFrom: '2023-10-16',
      termTo: '2027-10-15',
      seats: 3,
    },
    members: [
      { name: 'Åse Bække', party: 'Arbeiderpartiet', role: 'member' },
      { name: 'Ørjan Ødegård', party: 'Høyre', role: 'deputy_leader' },
      { name: 'Áilu Čoarvi', party: null, role: 'leader' },
    ],
    substitutes: [
      { rank: 2, name: 'Ŋuvvá Šiellá', party: 'Senterpartiet' },
      { rank: 1, name: 'Æsa Ærø', party: null },
    ],
    // 23:30 UTC on 31 December is already New Year's Day in Oslo.
    generatedAt: new Date('2025-12-31T23:30:00Z'),
    ...overrides,
  };
}

/** Text of the table rows, tags stripped, in document order. */
function rows(html: string, tableClass: string): string[][] {
  const table =
    new RegExp(`<table class="${tableClass}"[\\s\\S]*?<tbody>([\\s\\S]*?)</tbody>`).exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1] ?? ''),
  );
}

describe('composeMembersList', () => {
  it('titles the document after the body and runs the municipality in the header', () => {
    const doc = composeMembersList(input());
    expect(doc.title).toBe('Medlemsliste – Kommunestyret');
    expect(doc.headerText).toBe('Kárášjohka kommune');
    expect(doc.lang).toBe('nb');
    expect(doc.html).toContain('<html lang="nb">');
    expect(doc.html).toContain('<title>Medlemsliste – Kommunestyret</title>');
    expect(doc.html).toContain('<h1>Medlemsliste – Kommunestyret</h1>');
  });

  it('lists leader and deputy first with Norwegian role labels, others in the given order', () => {
    const members = [
      { name: 'B Medlem', party: 'Rødt', role: 'member' as const },
      { name: 'Nestleder', party: 'Høyre', role: 'deputy_leader' as const },
      { name: 'A Medlem', party: 'Venstre', role: 'member' as const },
      { name: 'Leder', party: 'Arbeiderpartiet', role: 'leader' as const },
    ];
    const doc = composeMembersList(input({ members }));
    expect(rows(doc.html, 'members')).toEqual([
      ['Leder', 'Arbeiderpartiet', 'Leder'],
      ['Nestleder', 'Høyre', 'Nestleder'],
      ['B Medlem', 'Rødt', 'Medlem'],
      ['A Medlem', 'Venstre', 'Medlem'],
    ]);
    expect(doc.html).toMatch(
      /<th scope="col">Navn<\/th><th scope="col">Parti<\/th><th scope="col">Rolle<\/th>/,
    );
  });

  it('keeps the substitutes in the order given (per list and rank) and shows a dash for no party', () => {
    const doc = composeMembersList(input());
    expect(rows(doc.html, 'substitutes')).toEqual([
      ['2.', 'Ŋuvvá Šiellá', 'Senterpartiet'],
      ['1.', 'Æsa Ærø', '–'],
    ]);
    expect(doc.html).toMatch(/>Nr\.<\/th><th scope="col">Navn<\/th><th scope="col">Parti<\/th>/);
  });

  it('keeps æøå and Sámi letters as they are', () => {
    const { html } = composeMembersList(input());
    for (const name of [
      'Åse Bække',
      'Ørjan Ødegård',
      'Áilu Čoarvi',
      'Ŋuvvá Šiellá',
      'Æsa Ærø',
      'Kárášjohka kommune',
    ]) {
      expect(html).toContain(name);
    }
    expect(html).not.toMatch(/&#\d+;|&[a-z]+ing;|&aelig;/i);
  });

  it('escapes every value from data', () => {
    const evil = '<img src=x onerror="alert(1)">&\'';
    const doc = composeMembersList(
      input({
        municipalityName: evil,
        body: { name: evil, kind: evil, termFrom: evil, termTo: evil, seats: 3 },
        members: [{ name: evil, party: evil, role: 'member' }],
        substitutes: [{ rank: 1, name: evil, party: evil }],
      }),
    );
    expect(doc.html).not.toContain('<img');
    expect(doc.html).not.toContain('onerror="');
    const escaped = '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;';
    // municipality, title (twice), kind, period (twice), member name and party, substitute name and party
    expect(doc.html.split(escaped).length - 1).toBe(10);
    // The header and footer templates are escaped by the renderer; here they stay plain text.
    expect(doc.headerText).toBe(evil);
  });

  it('formats dates the Norwegian way in Oslo time', () => {
    const doc = composeMembersList(input());
    expect(doc.html).toContain('16.10.2023–15.10.2027');
    expect(doc.html).toContain('01.01.2026 kl. 00:30');
    expect(doc.footerText).toBe('Utskrift 01.01.2026 kl. 00:30');
  });

  it('names the kind of body in words, and passes unknown kinds through', () => {
    expect(composeMembersList(input()).html).toContain('<dd>Kommunestyre</dd>');
    const eldre = input({ body: { ...input().body, kind: 'eldreraad' } });
    expect(composeMembersList(eldre).html).toContain('<dd>Eldreråd</dd>');
    const other = input({ body: { ...input().body, kind: 'styringsgruppe' } });
    expect(composeMembersList(other).html).toContain('<dd>styringsgruppe</dd>');
    const inherited = input({ body: { ...input().body, kind: 'toString' } });
    expect(composeMembersList(inherited).html).toContain('<dd>toString</dd>');
  });

  it('says so when there are no members or substitutes', () => {
    const { html } = composeMembersList(input({ members: [], substitutes: [] }));
    expect(html).toContain('Ingen medlemmer er registrert.');
    expect(html).toContain('Ingen varamedlemmer er registrert.');
    expect(html).not.toContain('<table');
  });

  it('embeds the fonts and forbids network loads', () => {
    const { html } = composeMembersList(input());
    expect(html).toContain("font-family:'Noto Sans';font-style:normal;font-weight:700");
    expect(html).toContain('src:url(data:font/woff2;base64,');
    expect(html).toContain("default-src 'none'");
  });
});
