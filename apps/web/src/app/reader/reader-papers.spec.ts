import type {
  ReaderDocument,
  ReaderItemSummary,
  ReaderMeetingDetail,
  SearchHit,
} from '@sekretariat/contracts';
import type { ReaderApi } from './reader-api';
import {
  documentView,
  fileSize,
  linkHits,
  neighbours,
  offlineUrls,
  paragraphs,
} from './reader-papers';

function item(id: string, caseId: string | null, documentIds: string[] = []): ReaderItemSummary {
  return {
    id,
    number: `PS ${id}/26`,
    caseId,
    documentIds,
  } as unknown as ReaderItemSummary;
}

const meeting = {
  id: 'm',
  items: [item('1', 'c1', ['d1', 'd2']), item('2', 'c2'), item('3', null)],
} as unknown as ReaderMeetingDetail;

describe('reader papers', () => {
  it('finds the previous and next item', () => {
    expect(neighbours(meeting, '1')).toMatchObject({ previous: null, next: { id: '2' }, index: 0 });
    expect(neighbours(meeting, '3')).toMatchObject({ previous: { id: '2' }, next: null });
    expect(neighbours(meeting, 'x')).toEqual({ previous: null, next: null, index: -1 });
  });

  it('caches the list, the notes, every item in full and every document it may open', () => {
    const api = {
      meetingUrl: (id: string) => `/m/${id}`,
      annotationsUrl: (id: string) => `/m/${id}/n`,
      itemUrl: (id: string) => `/i/${id}`,
      documentUrl: (id: string) => `/d/${id}`,
    } as unknown as ReaderApi;
    expect(offlineUrls(api, meeting)).toEqual(['/m/m', '/m/m/n', '/i/1', '/d/d1', '/d/d2', '/i/2', '/i/3']);
  });

  it('shows PDFs in the viewer, images inline and offers other files for download', () => {
    const doc = (contentType: string) => ({ contentType }) as Pick<ReaderDocument, 'contentType'>;
    expect(documentView(doc('application/pdf'))).toBe('pdf');
    expect(documentView(doc('image/png'))).toBe('image');
    expect(
      documentView(doc('application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
    ).toBe('download');
  });

  it('splits case texts into paragraphs and sizes files for people', () => {
    expect(paragraphs('Første.\n\n  Andre\nlinje.\n\n\n')).toEqual(['Første.', 'Andre\nlinje.']);
    expect(fileSize(240_000, 'nb-NO')).toBe('240 kB');
    expect(fileSize(1_250_000, 'nb-NO')).toBe('1,3 MB');
  });

  it('links search hits to the item of their case, and the document if any', () => {
    const hit = (kind: 'case' | 'document', id: string, caseId: string) =>
      ({ kind, id, caseId, title: 't', snippet: [] }) as unknown as SearchHit;
    expect(
      linkHits(meeting, [
        hit('case', 'c2', 'c2'),
        hit('document', 'd1', 'c1'),
        hit('case', 'c9', 'c9'),
      ]),
    ).toEqual([
      expect.objectContaining({ itemId: '2', documentId: null }),
      expect.objectContaining({ itemId: '1', itemNumber: 'PS 1/26', documentId: 'd1' }),
    ]);
  });
});
