import type {
  Annotation,
  AnnotationChange,
  AnnotationUpsertInput,
  SyncInput,
  SyncResponse,
  SyncResult,
} from '@sekretariat/contracts';
import {
  MemoryOutboxStore,
  NetworkError,
  Outbox,
  type QueuedReadMark,
  ReadMarkRefused,
  coalesce,
} from './outbox';

const DOC = '00000000-0000-4000-8000-0000000000d1';
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const COPY = '00000000-0000-4000-8000-0000000000cc';

function upsert(id: string, text: string, baseVersion = 0): AnnotationChange {
  const annotation: AnnotationUpsertInput = {
    documentId: DOC,
    agendaItemId: null,
    page: 2,
    quote: '',
    text,
    shared: 'private',
    rects: [],
    baseVersion,
    updatedAt: '2026-11-26T08:00:00.000Z',
  };
  return { op: 'upsert', id, annotation };
}

function serverCopy(id: string, text: string, version: number): Annotation {
  return {
    id,
    documentId: DOC,
    agendaItemId: null,
    page: 2,
    quote: '',
    text,
    shared: 'private',
    rects: [],
    mine: true,
    authorName: 'Ola Testesen',
    version,
    updatedAt: '2026-11-26T09:00:00.000Z',
    savedAt: '2026-11-26T09:00:00.000Z',
    deleted: false,
  };
}

function result(
  id: string,
  status: SyncResult['status'],
  annotation: Annotation | null = null,
): SyncResult {
  return {
    id,
    status,
    annotation,
    code: status === 'rejected' ? 'ANNOTATION_NOT_FOUND' : null,
    message: null,
  };
}

describe('coalesce', () => {
  it('keeps the newest state on the version the first change started from', () => {
    const merged = coalesce(upsert(A, 'først', 3), upsert(A, 'siden', 3));
    expect(merged).toMatchObject({ op: 'upsert', annotation: { text: 'siden', baseVersion: 3 } });
  });

  it('forgets a note made and deleted before it reached the server', () => {
    expect(coalesce(upsert(A, 'ny'), { op: 'delete', id: A, baseVersion: 0 })).toBeNull();
  });

  it('deletes a saved note from the version the edit started from', () => {
    expect(coalesce(upsert(A, 'endret', 4), { op: 'delete', id: A, baseVersion: 4 })).toEqual({
      op: 'delete',
      id: A,
      baseVersion: 4,
    });
  });
});

describe('Outbox', () => {
  let store: MemoryOutboxStore;
  let outbox: Outbox;
  let clock: number;

  beforeEach(() => {
    store = new MemoryOutboxStore();
    clock = Date.parse('2026-11-26T10:00:00.000Z');
    outbox = new Outbox(
      store,
      () => COPY,
      () => new Date((clock += 1000)),
    );
  });

  it('keeps one entry per annotation and user, in the order first queued', async () => {
    await outbox.enqueue('u1', upsert(A, 'a1'));
    await outbox.enqueue('u1', upsert(B, 'b1'));
    await outbox.enqueue('u1', upsert(A, 'a2'));
    await outbox.enqueue('u2', upsert(A, 'annen bruker'));
    const pending = await outbox.pending('u1');
    expect(pending.map((entry) => entry.change.id)).toEqual([A, B]);
    expect(pending[0]?.change).toMatchObject({ annotation: { text: 'a2' } });
    expect(await outbox.pending('u2')).toHaveLength(1);
  });

  it('sends the queue and empties it when the server saves everything', async () => {
    await outbox.enqueue('u1', upsert(A, 'a'));
    await outbox.enqueue('u1', { op: 'delete', id: B, baseVersion: 2 });
    const sent: SyncInput[] = [];
    const report = await outbox.replay('u1', (input) => {
      sent.push(input);
      return Promise.resolve({ results: [result(A, 'applied'), result(B, 'unchanged')] });
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.changes.map((change) => change.op)).toEqual(['upsert', 'delete']);
    expect(report).toEqual({ saved: 2, problems: [], offline: false });
    expect(await outbox.pending('u1')).toEqual([]);
  });

  it('keeps everything when the server cannot be reached', async () => {
    await outbox.enqueue('u1', upsert(A, 'a'));
    const report = await outbox.replay('u1', () => Promise.reject(new NetworkError('offline')));
    expect(report.offline).toBe(true);
    expect(await outbox.pending('u1')).toHaveLength(1);
  });

  it('passes on errors other than the network, and keeps the queue', async () => {
    await outbox.enqueue('u1', upsert(A, 'a'));
    await expect(outbox.replay('u1', () => Promise.reject(new Error('500')))).rejects.toThrow(
      '500',
    );
    expect(await outbox.pending('u1')).toHaveLength(1);
  });

  it('keeps both on a conflict: the server copy stays, the local text becomes a new note', async () => {
    await outbox.enqueue('u1', upsert(A, 'skrevet på flyet', 1));
    const server = serverCopy(A, 'skrevet på kontoret', 2);
    const rounds: SyncInput[] = [];
    const send = (input: SyncInput): Promise<SyncResponse> => {
      rounds.push(input);
      return Promise.resolve({
        results: input.changes.map((change) =>
          change.id === A ? result(A, 'conflict', server) : result(change.id, 'applied'),
        ),
      });
    };
    const report = await outbox.replay('u1', send);
    expect(rounds).toHaveLength(2);
    expect(rounds[1]?.changes).toEqual([
      {
        op: 'upsert',
        id: COPY,
        annotation: expect.objectContaining({
          text: 'skrevet på flyet',
          baseVersion: 0,
          documentId: DOC,
          page: 2,
        }),
      },
    ]);
    expect(report.saved).toBe(1);
    expect(report.problems).toEqual([{ kind: 'copied', annotationId: A, copyId: COPY, server }]);
    expect(await outbox.pending('u1')).toEqual([]);
  });

  it('does not delete a note changed elsewhere, and reports rejected changes', async () => {
    await outbox.enqueue('u1', { op: 'delete', id: A, baseVersion: 1 });
    await outbox.enqueue('u1', upsert(B, 'b', 5));
    const report = await outbox.replay('u1', () =>
      Promise.resolve({
        results: [result(A, 'conflict', serverCopy(A, 'nyere', 2)), result(B, 'rejected')],
      }),
    );
    expect(report.problems.map((problem) => problem.kind)).toEqual(['deleteRefused', 'rejected']);
    expect(report.problems[1]?.code).toBe('ANNOTATION_NOT_FOUND');
    expect(await outbox.pending('u1')).toEqual([]);
  });

  it('leaves a change the server did not answer for in the queue', async () => {
    await outbox.enqueue('u1', upsert(A, 'a'));
    await outbox.enqueue('u1', upsert(B, 'b'));
    await outbox.replay('u1', () => Promise.resolve({ results: [result(A, 'applied')] }));
    expect((await outbox.pending('u1')).map((entry) => entry.change.id)).toEqual([B]);
  });
});

describe('Outbox: read marks', () => {
  const ITEM = '00000000-0000-4000-8000-0000000000e1';
  let store: MemoryOutboxStore;
  let outbox: Outbox;
  let clock: number;

  beforeEach(() => {
    store = new MemoryOutboxStore();
    clock = Date.parse('2026-11-26T08:00:00.000Z');
    outbox = new Outbox(
      store,
      () => COPY,
      () => new Date((clock += 1000)),
    );
  });

  const marks = async (userId = 'u1') =>
    (await outbox.pendingReadMarks(userId)).map((entry) => entry.readMark);

  it('keeps one mark per item or document, the latest, apart from the notes', async () => {
    await outbox.enqueueReadMark('u1', { target: 'item', id: ITEM, read: true });
    await outbox.enqueueReadMark('u1', { target: 'document', id: DOC, read: true });
    await outbox.enqueueReadMark('u1', { target: 'item', id: ITEM, read: false });
    await outbox.enqueueReadMark('u2', { target: 'item', id: ITEM, read: true });
    await outbox.enqueue('u1', upsert(A, 'a'));

    expect(await marks()).toEqual([
      { target: 'document', id: DOC, read: true },
      { target: 'item', id: ITEM, read: false },
    ]);
    expect((await outbox.pending('u1')).map((entry) => entry.change.id)).toEqual([A]);
  });

  it('replays the marks one by one and empties the queue', async () => {
    await outbox.enqueueReadMark('u1', { target: 'item', id: ITEM, read: true });
    await outbox.enqueueReadMark('u1', { target: 'document', id: DOC, read: true });
    const sent: QueuedReadMark[] = [];
    const report = await outbox.replayReadMarks('u1', (mark) => {
      sent.push(mark);
      return Promise.resolve();
    });
    expect(sent).toEqual([
      { target: 'item', id: ITEM, read: true },
      { target: 'document', id: DOC, read: true },
    ]);
    expect(report).toEqual({ saved: 2, dropped: 0, offline: false });
    expect(await marks()).toEqual([]);
  });

  it('keeps everything when the network is still gone, and drops marks the server refuses', async () => {
    await outbox.enqueueReadMark('u1', { target: 'item', id: ITEM, read: true });
    await outbox.enqueueReadMark('u1', { target: 'document', id: DOC, read: true });
    expect(
      await outbox.replayReadMarks('u1', () => Promise.reject(new NetworkError('offline'))),
    ).toEqual({ saved: 0, dropped: 0, offline: true });
    expect(await marks()).toHaveLength(2);

    const report = await outbox.replayReadMarks('u1', (mark) =>
      mark.target === 'item' ? Promise.reject(new ReadMarkRefused('gone')) : Promise.resolve(),
    );
    expect(report).toEqual({ saved: 1, dropped: 1, offline: false });
    expect(await marks()).toEqual([]);
  });

  it('keeps the marks when the server fails otherwise', async () => {
    await outbox.enqueueReadMark('u1', { target: 'item', id: ITEM, read: true });
    await expect(
      outbox.replayReadMarks('u1', () => Promise.reject(new Error('500'))),
    ).rejects.toThrow('500');
    expect(await marks()).toHaveLength(1);
  });

  it('keeps a newer mark made while the older one was on its way', async () => {
    await outbox.enqueueReadMark('u1', { target: 'item', id: ITEM, read: true });
    await outbox.replayReadMarks('u1', async () => {
      await outbox.enqueueReadMark('u1', { target: 'item', id: ITEM, read: false });
    });
    expect(await marks()).toEqual([{ target: 'item', id: ITEM, read: false }]);
  });
});
