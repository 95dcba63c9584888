import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DocumentStore } from './document-store.js';

/** Documents as files under one folder, two levels of fan-out by key so no folder grows huge. */
export class DiskDocumentStore extends DocumentStore {
  constructor(private readonly root: string) {
    super();
  }

  private file(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error(`Invalid document key: ${key}`);
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(data: Buffer): Promise<string> {
    const key = randomUUID();
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename: a reader never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, file);
    return key;
  }

  read(key: string): Promise<Buffer> {
    return readFile(this.file(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}
