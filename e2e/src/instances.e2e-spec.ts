import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';
// @ts-expect-error plain JavaScript helper shared with the global setup
import { REPO_ROOT, startSystem } from '../support/system.mjs';

interface System {
  url: string;
  output(): string;
  stop(): Promise<unknown>;
}

/**
 * The deployment of docs/deployment.md in small: two API processes that do not work jobs
 * (JOBS_IN_PROCESS=false) and one worker on one database, behind a round-robin proxy.
 */
describe('two API instances and a worker on one database', () => {
  // The server the suite's own system uses: DATABASE_URL's, or the system's embedded one.
  const server = process.env['DATABASE_URL'] ?? `postgres://postgres:postgres@127.0.0.1:${Number(process.env['E2E_PORT'] ?? 3987) + 50362}/postgres`;
  const database = `sek_instances_${randomBytes(4).toString('hex')}`;
  const url = Object.assign(new URL(server), { pathname: `/${database}` }).toString();
  const env = { DATABASE_URL: url, JOBS_IN_PROCESS: 'false', LOGIN_RATE_LIMIT: '3', LOG_LEVEL: 'info', PDF_POOL_SIZE: '1' };
  let a: System;
  let b: System;
  let worker: { child: ChildProcess; output: () => string };
  let proxy: http.Server;
  let proxyUrl = '';
  const served: string[] = [];

  const admin = async <T,>(sql: string, db = server): Promise<T[]> => {
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await admin(`create database "${database}"`);
    // The first instance applies the migrations and loads the demo (a deploy step would run `npm run migrate`).
    a = (await startSystem({ port: 3991, env: { ...env, MIGRATE_ON_START: 'true', SEED_DEMO: 'true' } })) as System;
    b = (await startSystem({ port: 3992, env: { ...env, MIGRATE_ON_START: 'false', SEED_DEMO: 'false' } })) as System;
    worker = await startWorker({ ...process.env, ...env, NODE_ENV: 'production' });
    const backends = [a.url, b.url];
    let next = 0;
    proxy = http.createServer((req, res) => {
      const target = new URL(req.url ?? '/', backends[next++ % backends.length]);
      served.push(target.origin);
      const upstream = http.request(target, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  }, 180_000);

  afterAll(async () => {
    await new Promise((resolve) => proxy?.close(resolve));
    await Promise.all([a?.stop(), b?.stop(), stopWorker(worker?.child)]);
    await admin(`drop database if exists "${database}" with (force)`);
  });

  it('signs in on one instance and is recognised on the other', async () => {
    const login = await fetch(`${proxyUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sekretariat', password: 'demo1234' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';', 1)[0]).join('; ');
    const before = served.length;
    for (let i = 0; i < 4; i++) {
      const me = await fetch(`${proxyUrl}/api/auth/me`, { headers: { cookie } });
      expect(((await me.json()) as { user: { username: string } | null }).user?.username).toBe('sekretariat');
    }
    expect(new Set(served.slice(before))).toEqual(new Set([a.url, b.url]));
  });

  it('runs each job once, in the worker only', async () => {
    // Loading the demo queued text extraction of its attachments; only the worker works queues.
    const done = async () => (await admin<{ open: number; all: number }>(`select count(*) filter (where state not in ('completed', 'failed'))::int as open, count(*)::int as "all" from pgboss.job where name = 'document.extract-text'`, url))[0]!;
    for (let i = 0; i < 600; i++) {
      const { open, all } = await done();
      if (all > 0 && open === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const jobs = await admin<{ id: string; state: string; retry_count: number }>(`select id, state, retry_count from pgboss.job where name = 'document.extract-text'`, url);
    expect(jobs.length).toBeGreaterThan(0);
    const ran = (output: string, id: string) => output.split('\n').filter((l) => l.includes(`Running document.extract-text ${id}`)).length;
    for (const job of jobs) {
      expect({ id: job.id, state: job.state, retries: job.retry_count }).toEqual({ id: job.id, state: 'completed', retries: 0 });
      expect({ id: job.id, worker: ran(worker.output(), job.id), a: ran(a.output(), job.id), b: ran(b.output(), job.id) }).toEqual({ id: job.id, worker: 1, a: 0, b: 0 });
    }
  });

  it('counts sign-in attempts on both instances together', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${proxyUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'sekretariat', password: 'feil' }),
      });
      statuses.push(res.status);
    }
    // The sign-in of the first test was the first of this client's 3 attempts. Counted per
    // process, the limit would have let 6 attempts through two instances.
    expect(statuses).toEqual([401, 401, 429, 429, 429]);
  });
});

/** `npm run worker`: resolves once it says it works the queues. */
async function startWorker(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(path.join(REPO_ROOT as string, 'node_modules/.bin/node'), [path.join(REPO_ROOT as string, 'apps/api/dist/worker.js')], { cwd: REPO_ROOT as string, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const started = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('Worker started')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`The worker exited (${code}):\n${output}`)));
  });
  await started;
  return { child, output: () => output };
}

async function stopWorker(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}
