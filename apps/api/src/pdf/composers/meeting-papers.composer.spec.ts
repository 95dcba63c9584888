import { describe, expect, it } from '@jest/globals';
import { composeMeetingPapers, type MeetingPapersInput } from './meeting-papers.composer.js';

const startsAt = new Date('2027-03-10T17:00:00Z');
const generatedAt = new Date('2027-03-01T09:00:00Z');
const presentation = (number: string, title: string, exempt = false): MeetingPapersInput['presentations'][number] => ({
  municipalityName: 'Fjordvik kommune',
  bodyName: 'Kommunestyret',
  meetingStartsAt: startsAt,
  item: { number, title, askerName: null },
  case: exempt ? null : { archiveReference: '27/901', caseOfficer: '', summary: 'Kort om saken.', background: 'Bakgrunn.', assessment: 'Vurdering.', recommendation: 'Innstilling.' },
  exempt: exempt ? { citation: 'koml. § 11-5 annet ledd bokstav b' } : null,
  bodyRecommendation: '',
  attachments: [],
  generatedAt,
});

const input: MeetingPapersInput = {
  municipalityName: 'Fjordvik kommune',
  bodyName: 'Kommunestyret',
  meetingStartsAt: startsAt,
  notice: {
    municipalityName: 'Fjordvik kommune',
    bodyName: 'Kommunestyret',
    meeting: { startsAt, endsAt: null, place: 'Rådhuset', remote: false },
    items: [
      { number: 'PS 1/27', title: 'Ny skole', exempt: false, citation: null },
      { number: 'PS 2/27', title: 'Tilsetting av Ola Nordmann', exempt: true, citation: 'koml. § 11-5 annet ledd bokstav b' },
    ],
    generatedAt,
  },
  presentations: [presentation('PS 1/27', 'Ny skole'), presentation('PS 2/27', 'Tilsetting av Ola Nordmann', true)],
  generatedAt,
};

describe('meeting papers composer', () => {
  it('puts the notice and each presentation in one document, one h1 per part, each part on new pages', () => {
    const doc = composeMeetingPapers(input);
    expect(doc.title).toBe('Møtedokumenter – Kommunestyret 10.03.2027');
    expect(doc.parts).toEqual(['Møteinnkalling – Kommunestyret 10.03.2027', 'PS 1/27 Ny skole', 'PS 2/27 Unntatt offentlighet']);
    expect(doc.html.match(/<h1>/g)).toHaveLength(3);
    expect(doc.html.match(/<article class="paper"/g)).toHaveLength(3);
    expect(doc.html).toContain('.paper + .paper { break-before: page; }');
    // Numbered and bookmarked afterwards, across the merged file.
    expect(doc).toMatchObject({ outline: true, pageNumbers: false, lang: 'nb' });
  });

  it('keeps ids unique across the parts and never prints an exempt title', () => {
    const doc = composeMeetingPapers(input);
    const ids = [...doc.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.html).not.toContain('Ola Nordmann');
  });
});
