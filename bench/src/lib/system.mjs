// Starting the built system for a benchmark, the way it runs in production: its own database on
// the server in DATABASE_URL, migrations and demo data at start, then HTTP.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// BENCH_API_DIST runs another build of the API (e.g. a copy of an older dist, to compare before and after).
const MAIN = path.join(ROOT, process.env.BENCH_API_DIST ?? 'apps/api/dist', 'main.js');
const NODE = path.join(ROOT, 'node_modules/.bin/node');

/** Drops and creates database `name` on the server in DATABASE_URL; returns its URL. */
export async function freshDatabase(name) {
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Starts apps/api/dist/main.js on `port` with the demo loaded and waits for /api/ready.
 * Returns its base URL, pid, and stop(), which waits for the process to exit.
 */
export async function startSystem({ databaseUrl, port, env = {} }) {
  const child = spawn(NODE, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), MIGRATE_ON_START: 'true', SEED_DEMO: 'true', LOG_LEVEL: 'error', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill('SIGINT');
    await exited;
  };
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/ready`)).ok) break;
    } catch {
      /* starting */
    }
    if (i >= 600 || child.exitCode !== null) {
      await stop();
      throw new Error(`The system on port ${port} did not become ready`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, pid: child.pid, stop };
}

/** Signs a demo user in (password demo1234); returns the cookie header. */
export async function login(base, username) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo1234' }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return res.headers.get('set-cookie').split(';')[0];
}
