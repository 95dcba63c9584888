import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { startMailbox } from './mailbox.mjs';
import { REPO_ROOT, startSystem } from './system.mjs';

// With DATABASE_URL: a fresh database on that server. Without: the system's own embedded
// PostgreSQL, with its data in a folder of its own.
export default async function globalSetup() {
  // E2E_PORT lets two runs share a machine (each with its own database).
  const port = Number(process.env.E2E_PORT ?? 3987);
  // The suites share one system and sign the same demo users in many times a minute; the limit
  // itself is tested in instances.e2e-spec.ts and auth/rate-limit.int-spec.ts.
  const env = { MIGRATE_ON_START: 'true', SEED_DEMO: 'true', PDF_POOL_SIZE: '2', LOGIN_RATE_LIMIT: '1000' };
  let dbName;
  if (process.env.DATABASE_URL) {
    dbName = `sek_e2e_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database "${dbName}"`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${dbName}`;
    env.DATABASE_URL = url.toString();
  } else {
    env.DATA_DIR = '.data/e2e';
    env.EMBEDDED_PG_PORT = String(port + 50362);
  }
  // Mail goes to a local SMTP server; the tests read what arrived (src/mailbox.ts).
  const mailDir = path.join(REPO_ROOT, `e2e/artifacts/mail-${port}`);
  const mailbox = await startMailbox({ dir: mailDir });
  globalThis.__mailbox = mailbox;
  process.env.E2E_MAIL_DIR = mailDir;
  env.SMTP_URL = mailbox.url;
  env.MAIL_FROM = 'Fjordvik kommune <politikk@fjordvik.example>';
  const system = await startSystem({ port, env });
  globalThis.__system = system;
  globalThis.__dbName = dbName;
  mkdirSync(path.join(REPO_ROOT, 'e2e/artifacts'), { recursive: true });
  writeFileSync(path.join(REPO_ROOT, 'e2e/artifacts/system.json'), JSON.stringify({ url: system.url }));
  process.env.E2E_BASE_URL = system.url;
}
