import type { VisitMarkInput, VisitMarkResult } from '@sekretariat/contracts';

/**
 * Visit marks waiting for the server, as the reader's outbox (reader/offline/outbox.ts) keeps
 * notes: made on the phone without a network, kept in IndexedDB per user, sent in the order made
 * when the network is back. Each mark has its client id from the moment it is made, and the API
 * is idempotent on it, so sending one twice (a reply lost on the way back) records it once.
 */
export interface QueuedMark {
  /** `<userId>/<clientId>`. */
  readonly key: string;
  readonly userId: string;
  readonly routeId: string;
  readonly input: VisitMarkInput;
  readonly queuedAt: string;
}

export interface MarkStore {
  all(): Promise<QueuedMark[]>;
  put(entry: QueuedMark): Promise<void>;
  remove(key: string): Promise<void>;
}

export class MemoryMarkStore implements MarkStore {
  private readonly entries = new Map<string, QueuedMark>();

  all(): Promise<QueuedMark[]> {
    return Promise.resolve([...this.entries.values()]);
  }

  put(entry: QueuedMark): Promise<void> {
    this.entries.set(entry.key, entry);
    return Promise.resolve();
  }

  remove(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }
}

/** Thrown by the sender when the request never reached the server: the mark stays queued. */
export class MarkNetworkError extends Error {
  override readonly name = 'MarkNetworkError';
}

/** Thrown by the sender when the server refuses the mark for good (e.g. the visit was marked by the other official). */
export class MarkRefused extends Error {
  override readonly name = 'MarkRefused';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type SendMark = (routeId: string, input: VisitMarkInput) => Promise<VisitMarkResult>;

export interface MarkReplayReport {
  readonly sent: readonly VisitMarkResult[];
  readonly refused: readonly { readonly input: VisitMarkInput; readonly code: string; readonly message: string }[];
  /** The server could not be reached: what is left stays queued. */
  readonly offline: boolean;
}

export class MarkOutbox {
  constructor(
    private readonly store: MarkStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async enqueue(userId: string, routeId: string, input: VisitMarkInput): Promise<void> {
    await this.store.put({ key: `${userId}/${input.clientId}`, userId, routeId, input, queuedAt: this.now().toISOString() });
  }

  /** The user's queued marks, oldest first (optionally of one route). */
  async pending(userId: string, routeId?: string): Promise<QueuedMark[]> {
    return (await this.store.all())
      .filter((m) => m.userId === userId && (!routeId || m.routeId === routeId))
      .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt) || a.key.localeCompare(b.key));
  }

  /**
   * Sends the user's queued marks in order. A mark is removed once the server has it (a replay
   * answered `replayed: true` counts as had) or has refused it for good; at the first network
   * failure the rest stays queued.
   */
  async replay(userId: string, send: SendMark): Promise<MarkReplayReport> {
    const sent: VisitMarkResult[] = [];
    const refused: { input: VisitMarkInput; code: string; message: string }[] = [];
    for (const mark of await this.pending(userId)) {
      try {
        sent.push(await send(mark.routeId, mark.input));
      } catch (error) {
        if (error instanceof MarkRefused) {
          refused.push({ input: mark.input, code: error.code, message: error.message });
        } else if (error instanceof MarkNetworkError) {
          return { sent, refused, offline: true };
        } else {
          throw error;
        }
      }
      await this.store.remove(mark.key);
    }
    return { sent, refused, offline: false };
  }
}
