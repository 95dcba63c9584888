import type {
  Annotation,
  AnnotationChange,
  AnnotationUpsertInput,
  SyncInput,
  SyncResponse,
} from '@sekretariat/contracts';

/**
 * Annotation changes waiting for the server: made offline, or when a save failed for want of a
 * network. Kept per user (a shared tablet may have several), one entry per annotation with the
 * latest state, in the order first made. Replayed through POST /api/reader/sync. Read marks made
 * offline wait in the same store (`ReadMarkEntry`) and are replayed with their own PUT requests.
 *
 * The logic lives here, over a small key–value `OutboxStore`, so that it can be tested with
 * `MemoryOutboxStore`; the app uses `IdbOutboxStore` (IndexedDB, see outbox-idb.ts).
 */
export interface OutboxEntry {
  /** `<userId>/<annotationId>`. */
  readonly key: string;
  readonly userId: string;
  readonly change: AnnotationChange;
  /** When the annotation first got a change in the outbox (keeps the replay in order). */
  readonly queuedAt: string;
}

/** What a read mark is about: an agenda item or a document. */
export type ReadTarget = 'item' | 'document';

/** "Marker som lest/ulest" made without a network: replayed with the (idempotent) PUT …/read. */
export interface QueuedReadMark {
  readonly target: ReadTarget;
  readonly id: string;
  readonly read: boolean;
}

/** A read mark in the same store as the annotation changes; one per target, the latest wins. */
export interface ReadMarkEntry {
  /** `<userId>/read/<target>/<id>`. */
  readonly key: string;
  readonly userId: string;
  readonly readMark: QueuedReadMark;
  readonly queuedAt: string;
}

export type StoredEntry = OutboxEntry | ReadMarkEntry;

export function isReadMarkEntry(entry: StoredEntry): entry is ReadMarkEntry {
  return 'readMark' in entry;
}

export interface OutboxStore {
  all(): Promise<StoredEntry[]>;
  put(entry: StoredEntry): Promise<void>;
  remove(key: string): Promise<void>;
}

export class MemoryOutboxStore implements OutboxStore {
  private readonly entries = new Map<string, StoredEntry>();

  all(): Promise<StoredEntry[]> {
    return Promise.resolve([...this.entries.values()]);
  }

  put(entry: StoredEntry): Promise<void> {
    this.entries.set(entry.key, entry);
    return Promise.resolve();
  }

  remove(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }
}

export function outboxKey(userId: string, annotationId: string): string {
  return `${userId}/${annotationId}`;
}

export function readMarkKey(userId: string, target: ReadTarget, id: string): string {
  return `${userId}/read/${target}/${id}`;
}

function baseVersionOf(change: AnnotationChange): number {
  return change.op === 'upsert' ? change.annotation.baseVersion : change.baseVersion;
}

/**
 * One change in place of a queued one and a newer one for the same annotation: the newer state,
 * based on the server version the queued one started from. Null when nothing is left to send
 * (a note made and deleted offline never reaches the server).
 */
export function coalesce(
  queued: AnnotationChange | undefined,
  next: AnnotationChange,
): AnnotationChange | null {
  if (!queued) return next;
  const baseVersion = baseVersionOf(queued);
  if (next.op === 'delete') {
    return baseVersion === 0 ? null : { op: 'delete', id: next.id, baseVersion };
  }
  return { ...next, annotation: { ...next.annotation, baseVersion } };
}

/** A change the server did not take as it was; the user is told. */
export interface SyncProblem {
  /** `copied`: the server had a newer version; the local text was saved as a new note. */
  readonly kind: 'copied' | 'deleteRefused' | 'rejected';
  readonly annotationId: string;
  /** The new note holding the local text (`copied`). */
  readonly copyId?: string;
  readonly server: Annotation | null;
  readonly code?: string | null;
}

export interface ReplayReport {
  /** Changes the server saved (or had already saved). */
  readonly saved: number;
  readonly problems: readonly SyncProblem[];
  /** The server could not be reached: everything is still queued. */
  readonly offline: boolean;
}

export type SendSync = (input: SyncInput) => Promise<SyncResponse>;

/** Sends one read mark (PUT /api/reader/{items,documents}/:id/read); throws `NetworkError` when offline. */
export type SendReadMark = (mark: QueuedReadMark) => Promise<void>;

export interface ReadMarkReplayReport {
  readonly saved: number;
  /** Refused by the server (the item or document is gone, or no longer readable): dropped. */
  readonly dropped: number;
  readonly offline: boolean;
}

/** Thrown by `SendSync` when the request never reached the server (try again later). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

/** Thrown by `SendReadMark` when the server refuses the mark for good (the target is gone or closed to the user). */
export class ReadMarkRefused extends Error {
  override readonly name = 'ReadMarkRefused';
}

const MAX_BATCH = 500;

function byQueuedAt(a: StoredEntry, b: StoredEntry): number {
  return a.queuedAt.localeCompare(b.queuedAt) || a.key.localeCompare(b.key);
}

export class Outbox {
  constructor(
    private readonly store: OutboxStore,
    private readonly newId: () => string = () => crypto.randomUUID(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Queues a change, merged with what is already queued for the same annotation. */
  async enqueue(userId: string, change: AnnotationChange): Promise<void> {
    const key = outboxKey(userId, change.id);
    const queued = (await this.store.all()).find(
      (entry): entry is OutboxEntry => entry.key === key && !isReadMarkEntry(entry),
    );
    const merged = coalesce(queued?.change, change);
    if (!merged) {
      await this.store.remove(key);
      return;
    }
    await this.store.put({
      key,
      userId,
      change: merged,
      queuedAt: queued?.queuedAt ?? this.now().toISOString(),
    });
  }

  /** The user's queued annotation changes, oldest first. */
  async pending(userId: string): Promise<OutboxEntry[]> {
    const entries = await this.store.all();
    return entries
      .filter((entry): entry is OutboxEntry => !isReadMarkEntry(entry) && entry.userId === userId)
      .sort(byQueuedAt);
  }

  /** Queues a read mark in place of any queued one for the same item or document. */
  async enqueueReadMark(userId: string, mark: QueuedReadMark): Promise<void> {
    await this.store.put({
      key: readMarkKey(userId, mark.target, mark.id),
      userId,
      readMark: mark,
      queuedAt: this.now().toISOString(),
    });
  }

  /** The user's queued read marks, oldest first. */
  async pendingReadMarks(userId: string): Promise<ReadMarkEntry[]> {
    const entries = await this.store.all();
    return entries
      .filter((entry): entry is ReadMarkEntry => isReadMarkEntry(entry) && entry.userId === userId)
      .sort(byQueuedAt);
  }

  /**
   * Sends the user's queued read marks one by one (the PUT is idempotent, so sending one twice does
   * no harm). A mark the server refuses (`ReadMarkRefused`) is dropped; a network failure stops and
   * keeps the rest; any other failure (session ended, server error) is thrown and keeps the rest.
   */
  async replayReadMarks(userId: string, send: SendReadMark): Promise<ReadMarkReplayReport> {
    let saved = 0;
    let dropped = 0;
    for (const entry of await this.pendingReadMarks(userId)) {
      try {
        await send(entry.readMark);
        saved++;
      } catch (error) {
        if (error instanceof NetworkError) return { saved, dropped, offline: true };
        if (!(error instanceof ReadMarkRefused)) throw error;
        dropped++;
      }
      await this.removeIfUnchanged(entry);
    }
    return { saved, dropped, offline: false };
  }

  /** Removes a sent entry unless a newer mark for the same target was queued meanwhile. */
  private async removeIfUnchanged(sent: ReadMarkEntry): Promise<void> {
    const now = (await this.store.all()).find((entry) => entry.key === sent.key);
    if (
      now &&
      isReadMarkEntry(now) &&
      now.queuedAt === sent.queuedAt &&
      now.readMark.read === sent.readMark.read
    )
      await this.store.remove(sent.key);
  }

  /**
   * Sends the user's queued changes. Saved ones leave the outbox. On a conflict both versions are
   * kept: the server's stays, and the local text is queued as a new note and sent in a second
   * round. Rejected changes are dropped and reported. A network failure keeps everything.
   */
  async replay(userId: string, send: SendSync): Promise<ReplayReport> {
    let saved = 0;
    const problems: SyncProblem[] = [];
    // Two rounds at most: the second sends the copies made for conflicts in the first.
    for (let round = 0; round < 2; round++) {
      const entries = (await this.pending(userId)).slice(0, MAX_BATCH);
      if (entries.length === 0) break;
      let response: SyncResponse;
      try {
        response = await send({ changes: entries.map((entry) => entry.change) });
      } catch (error) {
        if (error instanceof NetworkError) return { saved, problems, offline: true };
        throw error;
      }
      const byId = new Map(entries.map((entry) => [entry.change.id, entry]));
      for (const result of response.results) {
        const entry = byId.get(result.id);
        if (!entry) continue;
        await this.store.remove(entry.key);
        if (result.status === 'applied' || result.status === 'unchanged') {
          saved++;
        } else if (result.status === 'conflict') {
          problems.push(await this.keepBoth(userId, entry.change, result.annotation));
        } else {
          problems.push({
            kind: 'rejected',
            annotationId: result.id,
            server: result.annotation,
            code: result.code,
          });
        }
      }
    }
    return { saved, problems, offline: false };
  }

  private async keepBoth(
    userId: string,
    change: AnnotationChange,
    server: Annotation | null,
  ): Promise<SyncProblem> {
    if (change.op === 'delete') {
      // Someone (the author on another device) changed it after this device last saw it: keep it.
      return { kind: 'deleteRefused', annotationId: change.id, server };
    }
    const copyId = this.newId();
    const annotation: AnnotationUpsertInput = {
      ...change.annotation,
      baseVersion: 0,
      updatedAt: this.now().toISOString(),
    };
    await this.enqueue(userId, { op: 'upsert', id: copyId, annotation });
    return { kind: 'copied', annotationId: change.id, copyId, server };
  }
}
