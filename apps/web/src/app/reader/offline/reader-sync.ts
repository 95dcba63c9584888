import {
  DOCUMENT,
  DestroyRef,
  type EnvironmentProviders,
  Injectable,
  InjectionToken,
  effect,
  inject,
  provideAppInitializer,
  signal,
  untracked,
} from '@angular/core';
import type { AnnotationUpsertInput, ReadMarkResponse, SessionUser } from '@sekretariat/contracts';
import { type Observable, firstValueFrom, throwError } from 'rxjs';
import { ApiError } from '../../core/api/api-error';
import { SessionStore } from '../../core/session/session-store';
import { newId } from '../new-id';
import { ReaderApi } from '../reader-api';
import { OfflinePapers } from './offline-papers';
import {
  MemoryOutboxStore,
  NetworkError,
  Outbox,
  type OutboxEntry,
  type OutboxStore,
  type QueuedReadMark,
  ReadMarkRefused,
  type ReadTarget,
} from './outbox';
import { IdbOutboxStore } from './outbox-idb';

/** Where queued annotation changes are kept: IndexedDB in the browser, memory where there is none. */
export const OUTBOX_STORE = new InjectionToken<OutboxStore>('OUTBOX_STORE', {
  providedIn: 'root',
  factory: () =>
    typeof indexedDB === 'undefined' ? new MemoryOutboxStore() : new IdbOutboxStore(indexedDB),
});

/** Who reads: the signed-in user, or offline the user last signed in on this device. */
export interface ReaderUser {
  readonly id: string;
  readonly displayName: string;
}

const REMEMBERED_USER = 'sekretariat.reader.user';
/** How often queued notes are tried again without an 'online' event. */
const RETRY_MS = 10_000;

/** A message for the reader pages' live region (saved, queued, synced, conflicts). */
export interface SyncMessage {
  readonly key: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly tone: 'success' | 'info' | 'warning';
  /** Changes with every message, so the same text is announced again. */
  readonly id: number;
}

export type SaveOutcome = 'saved' | 'queued' | 'copied';
export type DeleteOutcome = 'deleted' | 'queued' | 'refused';
export type ReadMarkOutcome = 'saved' | 'queued';

function readKey(target: ReadTarget, id: string): string {
  return `${target}/${id}`;
}

function isNetworkFailure(error: unknown): boolean {
  return error instanceof ApiError && error.status === 0;
}

/**
 * Annotation writes with an outbox: saved at once when the server can be reached, otherwise
 * queued in IndexedDB and sent (POST /api/reader/sync) when the browser is back online and when
 * the app starts. On a conflict both texts are kept. Also forgets the cached papers on logout.
 */
@Injectable({ providedIn: 'root' })
export class ReaderSync {
  private readonly api = inject(ReaderApi);
  private readonly session = inject(SessionStore);
  private readonly papers = inject(OfflinePapers);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly outbox = new Outbox(inject(OUTBOX_STORE), newId);

  /** Bumped whenever the outbox changes, so that panels read their pending notes again. */
  readonly changes = signal(0);
  /** Read marks waiting for the network, by `<target>/<id>`: shown as made, with a hint. */
  private readonly queuedReads = signal<ReadonlyMap<string, boolean>>(new Map());
  readonly message = signal<SyncMessage | null>(null);
  /** Whether the browser says it is online (follows the online/offline events). */
  readonly online = signal(this.isOnline());
  private messageId = 0;
  private previousUserId: string | null = null;
  private replaying: Promise<void> | null = null;

  constructor() {
    effect(() => {
      const user = this.session.user();
      untracked(() => {
        this.userChanged(user);
      });
    });
    const onOnline = () => {
      this.online.set(true);
      void this.backOnline();
    };
    const onOffline = () => {
      this.online.set(false);
    };
    this.window?.addEventListener('online', onOnline);
    this.window?.addEventListener('offline', onOffline);
    // The 'online' event is not always sent (and a network may come back without one): look again
    // now and then while notes are waiting.
    const timer = this.window?.setInterval(() => {
      void this.retryIfWaiting();
    }, RETRY_MS);
    inject(DestroyRef).onDestroy(() => {
      this.window?.removeEventListener('online', onOnline);
      this.window?.removeEventListener('offline', onOffline);
      if (timer !== undefined) this.window?.clearInterval(timer);
    });
  }

  /** The reader: the session's user, or (offline, before the session is known) the one remembered. */
  user(): ReaderUser | null {
    const user = this.session.user();
    if (user) return { id: user.id, displayName: user.displayName };
    try {
      const stored = this.window?.localStorage.getItem(REMEMBERED_USER);
      return stored ? (JSON.parse(stored) as ReaderUser) : null;
    } catch {
      return null;
    }
  }

  isOnline(): boolean {
    return this.window?.navigator.onLine ?? true;
  }

  async pending(): Promise<OutboxEntry[]> {
    const user = this.user();
    return user ? this.outbox.pending(user.id) : [];
  }

  /** The read state queued for an item or document, if a mark is waiting for the network. */
  queuedRead(target: ReadTarget, id: string): boolean | undefined {
    return this.queuedReads().get(readKey(target, id));
  }

  /**
   * Marks an item (its case and documents together) read or unread: at once when the server answers, otherwise queued
   * and sent when back online. A mark behind one still queued for the same target replaces it.
   */
  async markRead(target: 'item', id: string, read: boolean): Promise<ReadMarkOutcome> {
    const user = this.requireUser();
    const mark: QueuedReadMark = { target, id, read };
    if (!this.isOnline() || this.queuedRead(target, id) !== undefined) {
      await this.queueReadMark(user, mark);
      if (this.isOnline()) void this.replay();
      return 'queued';
    }
    try {
      await firstValueFrom(this.putReadMark(mark));
      return 'saved';
    } catch (error) {
      if (!isNetworkFailure(error)) throw error;
      await this.queueReadMark(user, mark);
      return 'queued';
    }
  }

  async save(id: string, input: AnnotationUpsertInput): Promise<SaveOutcome> {
    const user = this.requireUser();
    const outcome = await this.trySave(user, id, input);
    this.announce(
      `reader.notes.${outcome}`,
      outcome === 'copied' ? 'warning' : outcome === 'queued' ? 'info' : 'success',
    );
    return outcome;
  }

  async remove(id: string, baseVersion: number): Promise<DeleteOutcome> {
    const user = this.requireUser();
    let outcome: DeleteOutcome;
    if (!this.isOnline() || (await this.isQueued(user, id))) {
      await this.queue(user, { op: 'delete', id, baseVersion });
      outcome = 'queued';
    } else {
      try {
        await firstValueFrom(this.api.deleteAnnotation(id, baseVersion));
        outcome = 'deleted';
      } catch (error) {
        if (isNetworkFailure(error)) {
          await this.queue(user, { op: 'delete', id, baseVersion });
          outcome = 'queued';
        } else if (error instanceof ApiError && error.status === 409) {
          outcome = 'refused';
        } else {
          throw error;
        }
      }
    }
    const tones = { deleted: 'success', queued: 'info', refused: 'warning' } as const;
    this.announce(`reader.notes.delete_${outcome}`, tones[outcome]);
    return outcome;
  }

  /** Sends what is queued; one replay at a time. */
  replay(): Promise<void> {
    this.replaying ??= this.runReplay().finally(() => {
      this.replaying = null;
    });
    return this.replaying;
  }

  private async trySave(
    user: ReaderUser,
    id: string,
    input: AnnotationUpsertInput,
  ): Promise<SaveOutcome> {
    // A note with changes still queued goes behind them, so they reach the server in order.
    if (!this.isOnline() || (await this.isQueued(user, id))) {
      await this.queue(user, { op: 'upsert', id, annotation: input });
      return 'queued';
    }
    try {
      await firstValueFrom(this.api.upsertAnnotation(id, input));
      return 'saved';
    } catch (error) {
      if (isNetworkFailure(error)) {
        await this.queue(user, { op: 'upsert', id, annotation: input });
        return 'queued';
      }
      if (error instanceof ApiError && error.code === 'ANNOTATION_CONFLICT') {
        // Changed elsewhere since this page loaded: keep the server's, save this text as a new note.
        const copy = { ...input, baseVersion: 0, updatedAt: new Date().toISOString() };
        await firstValueFrom(this.api.upsertAnnotation(newId(), copy));
        return 'copied';
      }
      throw error;
    }
  }

  private async runReplay(): Promise<void> {
    const user = this.session.user();
    if (!user || !this.isOnline()) return;
    try {
      await this.outbox.replayReadMarks(user.id, (mark) => this.sendReadMark(mark));
    } catch {
      // The server failed: the marks stay queued for the next try.
    } finally {
      await this.loadQueuedReads(user.id);
    }
    try {
      const report = await this.outbox.replay(user.id, (input) =>
        firstValueFrom(this.api.sync(input)).catch((error: unknown) => {
          throw isNetworkFailure(error) ? new NetworkError('offline') : error;
        }),
      );
      const copied = report.problems.filter((p) => p.kind === 'copied').length;
      const other = report.problems.length - copied;
      if (copied > 0) this.announce('reader.sync.copied', 'warning', { count: copied });
      else if (other > 0) this.announce('reader.sync.problems', 'warning', { count: other });
      else if (report.saved > 0)
        this.announce('reader.sync.saved', 'success', { count: report.saved });
    } catch {
      // Not signed in any more, or the server failed: the changes stay queued for the next try.
    } finally {
      this.changes.update((n) => n + 1);
    }
  }

  private async retryIfWaiting(): Promise<void> {
    const online = this.isOnline();
    this.online.set(online);
    if (!online || this.replaying) return;
    if ((await this.pending()).length > 0 || this.queuedReads().size > 0) await this.backOnline();
  }

  /** PUT …/read; a request that never reached the server becomes a `NetworkError`. */
  private async sendReadMark(mark: QueuedReadMark): Promise<void> {
    try {
      await firstValueFrom(this.putReadMark(mark));
    } catch (error) {
      if (error instanceof ReadMarkRefused) throw error;
      if (isNetworkFailure(error)) throw new NetworkError('offline');
      if (error instanceof ApiError && [400, 403, 404].includes(error.status))
        throw new ReadMarkRefused(error.message);
      throw error;
    }
  }

  private putReadMark(mark: QueuedReadMark): Observable<ReadMarkResponse> {
    // One read state per item: a mark on a single document (queued by an older version of the
    // app) has no route any more and is dropped as refused.
    if (mark.target !== 'item') return throwError(() => new ReadMarkRefused('document marks are gone'));
    return this.api.markItemRead(mark.id, mark.read);
  }

  private async queueReadMark(user: ReaderUser, mark: QueuedReadMark): Promise<void> {
    await this.outbox.enqueueReadMark(user.id, mark);
    await this.loadQueuedReads(user.id);
  }

  private async loadQueuedReads(userId: string): Promise<void> {
    const entries = await this.outbox.pendingReadMarks(userId);
    this.queuedReads.set(
      new Map(entries.map(({ readMark }) => [readKey(readMark.target, readMark.id), readMark.read])),
    );
  }

  private async backOnline(): Promise<void> {
    if (!this.session.isSignedIn()) await this.session.load();
    await this.replay();
  }

  private userChanged(user: SessionUser | null): void {
    // Signed out: the marks are not the next user's to see. Offline start: the remembered reader's.
    const reader = user ?? (this.previousUserId ? null : this.user());
    if (reader) void this.loadQueuedReads(reader.id);
    else this.queuedReads.set(new Map());
    if (user) {
      this.remember({ id: user.id, displayName: user.displayName });
      if (this.previousUserId !== user.id) void this.replay();
    } else if (this.previousUserId) {
      // Signed out (or the session ended): the papers and notes cached on this device are theirs.
      void this.papers.clear();
      this.forget();
    }
    this.previousUserId = user?.id ?? null;
  }

  private async isQueued(user: ReaderUser, id: string): Promise<boolean> {
    return (await this.outbox.pending(user.id)).some((entry) => entry.change.id === id);
  }

  private async queue(user: ReaderUser, change: Parameters<Outbox['enqueue']>[1]): Promise<void> {
    await this.outbox.enqueue(user.id, change);
    this.changes.update((n) => n + 1);
  }

  private requireUser(): ReaderUser {
    const user = this.user();
    if (!user) throw new ApiError(401, 'AUTH_REQUIRED', 'Not signed in.');
    return user;
  }

  private announce(key: string, tone: SyncMessage['tone'], params?: Record<string, unknown>): void {
    this.message.set({ key, tone, params, id: ++this.messageId });
  }

  private remember(user: ReaderUser): void {
    try {
      this.window?.localStorage.setItem(REMEMBERED_USER, JSON.stringify(user));
    } catch {
      // Private mode without storage: offline reading after a reload is then not possible.
    }
  }

  private forget(): void {
    try {
      this.window?.localStorage.removeItem(REMEMBERED_USER);
    } catch {
      // See remember().
    }
  }
}

/** Registers the service worker and starts the annotation sync (replay at start and when back online). */
export function provideReaderOffline(): EnvironmentProviders {
  return provideAppInitializer(() => {
    inject(OfflinePapers).register();
    inject(ReaderSync);
  });
}
