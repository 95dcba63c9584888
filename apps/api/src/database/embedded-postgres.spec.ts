import { describe, expect, it } from '@jest/globals';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { canEnter, layoutFor } from './embedded-postgres.js';

/** A folder like a clone in root's home (mode 0700) holding a stand-in for PostgreSQL's programs. */
function closedCloneWithPrograms(): { clone: string; binDir: string } {
  const clone = mkdtempSync(path.join(tmpdir(), 'sek-closed-'));
  chmodSync(clone, 0o700);
  const binDir = path.join(clone, 'node_modules/native/bin');
  mkdirSync(binDir, { recursive: true });
  mkdirSync(path.join(clone, 'node_modules/native/lib'));
  writeFileSync(path.join(clone, 'node_modules/native/lib/libpq.so'), 'library');
  writeFileSync(path.join(binDir, 'postgres'), '#!/bin/sh\necho "postgres (PostgreSQL) 99.1"\n', { mode: 0o755 });
  return { clone, binDir };
}

describe('where the embedded PostgreSQL lives', () => {
  const root = process.getuid?.() === 0;

  it('leaves programs and data where they are for a user who is not root', async () => {
    const { clone, binDir } = closedCloneWithPrograms();
    try {
      const layout = await layoutFor(path.join(clone, '.data'), path.join(clone, 'fallback'), { uid: 1000, binDir });
      expect(layout).toEqual({ binDir, clusterDir: path.join(clone, '.data/postgres') });
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it(root ? 'as root, moves programs and data out of a folder the user postgres cannot enter' : 'as root only: (this run is not root) keeps an open folder as it is', async () => {
    const { clone, binDir } = closedCloneWithPrograms();
    const fallback = mkdtempSync(path.join(tmpdir(), 'sek-fallback-'));
    try {
      const layout = await layoutFor(path.join(clone, '.data'), fallback, { binDir });
      if (!root) {
        expect(layout.runAs).toBeUndefined();
        return;
      }
      expect(layout.runAs?.name).toBe('postgres');
      expect(canEnter(layout.runAs!, binDir)).toBe(false);
      expect(layout.binDir).toBe(path.join(fallback, 'postgresql-99.1/bin'));
      expect(existsSync(path.join(fallback, 'postgresql-99.1/lib/libpq.so'))).toBe(true);
      expect(canEnter(layout.runAs!, layout.binDir)).toBe(true);
      expect(layout.clusterDir.startsWith(fallback)).toBe(true);
      expect(canEnter(layout.runAs!, path.dirname(layout.clusterDir))).toBe(true);
      // The same DATA_DIR finds the same cluster at the next start.
      expect((await layoutFor(path.join(clone, '.data'), fallback, { binDir })).clusterDir).toBe(layout.clusterDir);
      // An open folder stays where it is.
      chmodSync(clone, 0o755);
      expect(await layoutFor(path.join(clone, '.data'), fallback, { binDir })).toEqual({ binDir, clusterDir: path.join(clone, '.data/postgres'), runAs: layout.runAs });
    } finally {
      rmSync(clone, { recursive: true, force: true });
      rmSync(fallback, { recursive: true, force: true });
    }
  });
});
