import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AnnotationUpsertInput, SyncInput } from '@sekretariat/contracts';
import { MUNICIPALITY, SECRETARIAT_USER } from '../../../testing/fixtures';
import { apiInterceptor } from '../../core/api/api.interceptor';
import { SessionStore } from '../../core/session/session-store';
import { MemoryOutboxStore } from './outbox';
import { OUTBOX_STORE, ReaderSync } from './reader-sync';

const NOTE = '00000000-0000-4000-8000-00000000000a';
const ITEM = '00000000-0000-4000-8000-0000000000e1';

function input(text: string, baseVersion = 0): AnnotationUpsertInput {
  return {
    documentId: null,
    agendaItemId: ITEM,
    page: null,
    quote: '',
    text,
    shared: 'private',
    rects: [],
    baseVersion,
    updatedAt: '2026-11-26T08:00:00.000Z',
  };
}

/** Lets the awaited promises in ReaderSync reach their next HTTP call. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('ReaderSync', () => {
  let http: HttpTestingController;
  let sync: ReaderSync;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        { provide: OUTBOX_STORE, useValue: new MemoryOutboxStore() },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const session = TestBed.inject(SessionStore);
    const loading = session.load();
    http.expectOne('/api/auth/me').flush({ user: SECRETARIAT_USER });
    http.expectOne('/api/municipalities/current').flush(MUNICIPALITY);
    await loading;
    sync = TestBed.inject(ReaderSync);
    TestBed.tick();
    await settle();
  });

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  it('saves at once when the server answers', async () => {
    const saving = sync.save(NOTE, input('Spør om kostnaden.'));
    await settle();
    const put = http.expectOne(`/api/reader/annotations/${NOTE}`);
    expect(put.request.method).toBe('PUT');
    put.flush({});
    await expect(saving).resolves.toBe('saved');
    expect(sync.message()?.key).toBe('reader.notes.saved');
    expect(await sync.pending()).toEqual([]);
  });

  it('queues the note when the network fails, and sends it when back online', async () => {
    const saving = sync.save(NOTE, input('Skrevet på flyet.'));
    await settle();
    http.expectOne(`/api/reader/annotations/${NOTE}`).error(new ProgressEvent('error'));
    await expect(saving).resolves.toBe('queued');
    expect(sync.message()?.key).toBe('reader.notes.queued');
    expect((await sync.pending()).map((entry) => entry.change.id)).toEqual([NOTE]);

    // A later edit of the queued note goes behind it in the outbox, without trying the server.
    await expect(sync.save(NOTE, input('Skrevet på flyet, endret.'))).resolves.toBe('queued');

    window.dispatchEvent(new Event('online'));
    await settle();
    const post = http.expectOne('/api/reader/sync');
    const body = post.request.body as SyncInput;
    expect(body.changes).toEqual([
      {
        op: 'upsert',
        id: NOTE,
        annotation: expect.objectContaining({ text: 'Skrevet på flyet, endret.' }),
      },
    ]);
    post.flush({
      results: [{ id: NOTE, status: 'applied', annotation: null, code: null, message: null }],
    });
    await settle();
    expect(await sync.pending()).toEqual([]);
    expect(sync.message()).toMatchObject({ key: 'reader.sync.saved', params: { count: 1 } });
  });

  it('keeps both texts on a conflict: the local one is saved as a new note', async () => {
    const saving = sync.save(NOTE, input('Min versjon.', 1));
    await settle();
    http
      .expectOne(`/api/reader/annotations/${NOTE}`)
      .flush(
        { code: 'ANNOTATION_CONFLICT', message: 'Endret.' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    const copy = http.expectOne(
      (request) =>
        request.url.startsWith('/api/reader/annotations/') && !request.url.endsWith(NOTE),
    );
    expect(copy.request.body).toMatchObject({
      text: 'Min versjon.',
      baseVersion: 0,
      agendaItemId: ITEM,
    });
    copy.flush({});
    await expect(saving).resolves.toBe('copied');
    expect(sync.message()?.key).toBe('reader.notes.copied');
  });

  it('marks an item read at once when the server answers', async () => {
    const marking = sync.markRead('item', ITEM, true);
    await settle();
    const put = http.expectOne(`/api/reader/items/${ITEM}/read`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ read: true });
    put.flush({ targetId: ITEM, read: true, readAt: '2026-11-26T08:00:00.000Z' });
    await expect(marking).resolves.toBe('saved');
    expect(sync.queuedRead('item', ITEM)).toBeUndefined();
  });

  it('queues a read mark when the network fails, shows it at once, and sends it when back online', async () => {
    const marking = sync.markRead('item', ITEM, true);
    await settle();
    http.expectOne(`/api/reader/items/${ITEM}/read`).error(new ProgressEvent('error'));
    await expect(marking).resolves.toBe('queued');
    expect(sync.queuedRead('item', ITEM)).toBe(true);
    // The notes' outbox is not where read marks show.
    expect(await sync.pending()).toEqual([]);

    window.dispatchEvent(new Event('online'));
    await settle();
    http.expectNone('/api/reader/sync');
    const put = http.expectOne(`/api/reader/items/${ITEM}/read`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ read: true });
    put.flush({ targetId: ITEM, read: true, readAt: '2026-11-26T08:00:00.000Z' });
    await settle();
    expect(sync.queuedRead('item', ITEM)).toBeUndefined();
  });

  it('queues without trying the server while the browser is offline; the latest mark wins', async () => {
    const onLine = jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      await expect(sync.markRead('item', ITEM, true)).resolves.toBe('queued');
      await expect(sync.markRead('item', ITEM, false)).resolves.toBe('queued');
      expect(sync.queuedRead('item', ITEM)).toBe(false);
      http.expectNone(`/api/reader/items/${ITEM}/read`);
    } finally {
      onLine.mockRestore();
    }
    window.dispatchEvent(new Event('online'));
    await settle();
    const put = http.expectOne(`/api/reader/items/${ITEM}/read`);
    expect(put.request.body).toEqual({ read: false });
    put.flush({ targetId: ITEM, read: false, readAt: null });
    await settle();
    expect(sync.queuedRead('item', ITEM)).toBeUndefined();
  });

  it('drops a queued mark the server refuses (the item is gone)', async () => {
    const marking = sync.markRead('item', ITEM, true);
    await settle();
    http.expectOne(`/api/reader/items/${ITEM}/read`).error(new ProgressEvent('error'));
    await marking;
    window.dispatchEvent(new Event('online'));
    await settle();
    http
      .expectOne(`/api/reader/items/${ITEM}/read`)
      .flush(
        { code: 'AGENDA_ITEM_NOT_FOUND', message: 'Finnes ikke.' },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    expect(sync.queuedRead('item', ITEM)).toBeUndefined();
  });

  it('remembers the reader for offline use, and forgets it on logout', async () => {
    expect(sync.user()).toEqual({
      id: SECRETARIAT_USER.id,
      displayName: SECRETARIAT_USER.displayName,
    });
    const session = TestBed.inject(SessionStore);
    const logout = session.logout();
    http.expectOne('/api/auth/logout').flush(null);
    await logout;
    TestBed.tick();
    expect(sync.user()).toBeNull();
  });
});
