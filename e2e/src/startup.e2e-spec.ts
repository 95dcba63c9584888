import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

  it('runs on an embedded PostgreSQL in a folder other users cannot enter, logs one format, and Ctrl-C stops it and PostgreSQL within the grace period', async () => {
    // mkdtemp makes the folder 0700, as root's home on a fresh server: as root, PostgreSQL (which
    // runs as the user postgres) cannot enter it, and the system must still start.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sek-embedded-'));
    const fallbackDir = mkdtempSync(path.join(tmpdir(), 'sek-fallback-'));
    const baseEnv = { ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: '54359', EMBEDDED_PG_FALLBACK_DIR: fallbackDir } as Record<string, string | undefined>;
    delete baseEnv['DATABASE_URL'];
    try {
      const system = await startSystem({ port: 3988, baseEnv, env: { LOG_LEVEL: 'info' } });
      const res = await fetch(`${system.url}/api/public/demo/bodies`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { items: unknown[] }).items.length).toBe(4);
      const pidFile = [path.join(dataDir, 'postgres/postmaster.pid'), ...clustersIn(fallbackDir)].find((f) => existsSync(f));
      expect(pidFile).toBeDefined();
      const postmaster = Number(readFileSync(pidFile!, 'utf8').split('\n')[0]);
      expect(alive(postmaster)).toBe(true);

      const started = Date.now();
      const exit = await system.stop();
      const took = Date.now() - started;
      expect(exit).toEqual({ code: 0, signal: null });
      // docs/operations.md: a stopping system takes at most 10 s (jobs in progress get most of it).
      expect(took).toBeLessThan(SHUTDOWN_GRACE_MS);
      expect(alive(postmaster)).toBe(false);
      expect(existsSync(pidFile!)).toBe(false);

      // One format from the first line: JSON when not at a terminal, and no error for a normal stop.
      const lines = (system.output() as string).split('\n').filter((l) => l.trim() !== '');
      expect(lines.length).toBeGreaterThan(5);
      const parsed = lines.map((line) => {
        try {
          return JSON.parse(line) as { level: number; msg: string };
        } catch {
          return { level: -1, msg: line };
        }
      });
      expect(parsed.filter((l) => l.level === -1).map((l) => l.msg)).toEqual([]);
      expect(parsed.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
      expect(parsed[parsed.length - 1]?.msg).toBe('Stopped');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(fallbackDir, { recursive: true, force: true });
    }
  });
});

/** The grace period docs/operations.md promises (apps/api/src/jobs/jobs.service.ts). */
const SHUTDOWN_GRACE_MS = 10_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** postmaster.pid of clusters under a fallback folder (<hash>/postgres). */
function clustersIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).map((d) => path.join(dir, d, 'postgres/postmaster.pid')) : [];
}
