import type { Annotation } from '@sekretariat/contracts';
import type { OutboxEntry } from './outbox';
import { withPending } from './pending-annotations';

const DOC = '00000000-0000-4000-8000-0000000000d1';

function saved(id: string, text: string, page: number | null, deleted = false): Annotation {
  return {
    id,
    documentId: DOC,
    agendaItemId: null,
    page,
    quote: '',
    text,
    shared: 'private',
    rects: [],
    mine: true,
    authorName: 'Ola Testesen',
    version: 2,
    updatedAt: '2026-11-26T08:00:00.000Z',
    savedAt: '2026-11-26T08:00:01.000Z',
    deleted,
  };
}

function queued(id: string, text: string | null): OutboxEntry {
  return {
    key: `u1/${id}`,
    userId: 'u1',
    queuedAt: '2026-11-26T09:00:00.000Z',
    change:
      text === null
        ? { op: 'delete', id, baseVersion: 2 }
        : {
            op: 'upsert',
            id,
            annotation: {
              documentId: DOC,
              agendaItemId: null,
              page: 1,
              quote: 'sitat',
              text,
              shared: 'group',
              rects: [],
              baseVersion: 2,
              updatedAt: '2026-11-26T09:00:00.000Z',
            },
          },
  };
}

describe('withPending', () => {
  it('lays queued changes over the saved annotations, sorted by page', () => {
    const shown = withPending(
      [
        saved('a', 'lagret', 3),
        saved('b', 'slettes', 2),
        saved('c', 'endres', 1),
        saved('t', '', 1, true),
      ],
      [queued('b', null), queued('c', 'endret offline'), queued('n', 'ny offline')],
      'Meg Selv',
    );
    expect(shown.map((a) => [a.id, a.text, a.pending])).toEqual([
      ['c', 'endret offline', true],
      ['n', 'ny offline', true],
      ['a', 'lagret', false],
    ]);
    expect(shown[0]?.authorName).toBe('Ola Testesen');
    expect(shown[1]).toMatchObject({
      authorName: 'Meg Selv',
      shared: 'group',
      rects: [],
      quote: 'sitat',
      mine: true,
    });
  });
});
