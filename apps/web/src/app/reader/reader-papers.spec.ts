import type {
  ReaderDocument,
  ReaderItem,
  ReaderMeetingDetail,
  SearchHit,
} from '@sekretariat/contracts';
import { documentView, fileSize, linkHits, neighbours, paragraphs } from './reader-papers';

function item(id: string, caseId: string | null): ReaderItem {
  return {
    id,
    number: `PS ${id}/26`,
    case: caseId ? { id: caseId } : null,
    documents: [],
  } as unknown as ReaderItem;
}

const meeting = {
  id: 'm',
  items: [item('1', 'c1'), item('2', 'c2'), item('3', null)],
} as unknown as ReaderMeetingDetail;

describe('reader papers', () => {
  it('finds the previous and next item', () => {
    expect(neighbours(meeting, '1')).toMatchObject({ previous: null, next: { id: '2' }, index: 0 });
    expect(neighbours(meeting, '3')).toMatchObject({ previous: { id: '2' }, next: null });
    expect(neighbours(meeting, 'x')).toEqual({ previous: null, next: null, index: -1 });
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
