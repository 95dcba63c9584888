import type { MarkStore, QueuedMark } from './mark-outbox';

const DB_NAME = 'sekretariat-outreach';
const STORE = 'marks';

/** The visit marks' outbox in IndexedDB, keyed by `<userId>/<clientId>` (as the reader's IdbOutboxStore). */
export class IdbMarkStore implements MarkStore {
  private db: Promise<IDBDatabase> | null = null;

  constructor(private readonly factory: IDBFactory = indexedDB) {}

  async all(): Promise<QueuedMark[]> {
    const store = await this.objectStore('readonly');
    return request(store.getAll() as IDBRequest<QueuedMark[]>);
  }

  async put(entry: QueuedMark): Promise<void> {
    const store = await this.objectStore('readwrite');
    await request(store.put(entry));
  }

  async remove(key: string): Promise<void> {
    const store = await this.objectStore('readwrite');
    await request(store.delete(key));
  }

  private async objectStore(mode: IDBTransactionMode): Promise<IDBObjectStore> {
    const db = await this.open();
    return db.transaction(STORE, mode).objectStore(STORE);
  }

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const opening = this.factory.open(DB_NAME, 1);
      opening.onupgradeneeded = () => {
        opening.result.createObjectStore(STORE, { keyPath: 'key' });
      };
      opening.onsuccess = () => {
        resolve(opening.result);
      };
      opening.onerror = () => {
        this.db = null;
        reject(opening.error ?? new Error('IndexedDB could not be opened.'));
      };
    });
    return this.db;
  }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error('IndexedDB request failed.'));
    };
  });
}
