import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error plain JavaScript helper shared with the global setup
import { MAIN, REPO_ROOT, startSystem } from '../support/system.mjs';

describe('starting and stopping the system', () => {
  it('stops with a message naming a bad configuration variable', () => {
    const result = spawnSync(path.join(REPO_ROOT as string, 'node_modules/.bin/node'), [MAIN as string], {
      env: { ...process.env, PORT: 'tre tusen', DATABASE_URL: 'mysql://x' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/PORT/);
    expect(result.stderr).toMatch(/DATABASE_URL/);
  });

  it('runs on an embedded PostgreSQL without DATABASE_URL, and Ctrl-C stops PostgreSQL too', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sek-embedded-'));
    chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user and must reach its data folder
    const baseEnv = { ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: '54359' } as Record<string, string | undefined>;
    delete baseEnv['DATABASE_URL'];
    const system = await startSystem({ port: 3988, baseEnv });
    const res = await fetch(`${system.url}/api/public/demo/bodies`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: unknown[] }).items.length).toBe(4);
    expect(existsSync(path.join(dataDir, 'postgres/postmaster.pid'))).toBe(true);
    const exit = await system.stop();
    expect(exit).toEqual({ code: 0, signal: null });
    // PostgreSQL removes its pid file when it has shut down.
    expect(existsSync(path.join(dataDir, 'postgres/postmaster.pid'))).toBe(false);
  });
});
