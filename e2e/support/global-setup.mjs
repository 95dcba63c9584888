import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { startMailbox } from './mailbox.mjs';
import { REPO_ROOT, startSystem } from './system.mjs';

/**
 * One system (API + web + database + mailbox) per Jest worker: the suites change the demo
 * municipality (its settings, its meetings), so two suites running at once must not share one.
 * Each worker runs its share of the suites in order against its own system, as a run in band
 * does (support/worker-env.mjs points it there). E2E_WORKERS sets how many (default 1).
 */
export default async function globalSetup(globalConfig) {
  // E2E_PORT lets two runs share a machine (each with its own ports and databases).
  const port = Number(process.env.E2E_PORT ?? 3987);
  const workers = Math.max(1, Math.min(Number(globalConfig?.maxWorkers ?? 1), Number(process.env.E2E_WORKERS ?? 1)));
  globalThis.__systems = [];
  globalThis.__mailboxes = [];
  globalThis.__dbNames = [];
  mkdirSync(path.join(REPO_ROOT, 'e2e/artifacts'), { recursive: true });
  const started = await Promise.all(Array.from({ length: workers }, (_, i) => startOne(port + 20 * i, i)));
  for (const [i, s] of started.entries()) {
    process.env[`E2E_BASE_URL_${i + 1}`] = s.system.url;
    process.env[`E2E_MAIL_DIR_${i + 1}`] = s.mailDir;
  }
  // A run in band (and the first worker) use the first system.
  process.env.E2E_BASE_URL = started[0].system.url;
  process.env.E2E_MAIL_DIR = started[0].mailDir;
  writeFileSync(path.join(REPO_ROOT, 'e2e/artifacts/system.json'), JSON.stringify({ url: started[0].system.url }));
}

async function startOne(port, index) {
  // The suites share one system and sign the same demo users in many times a minute; the limit
  // itself is tested in instances.e2e-spec.ts and auth/rate-limit.int-spec.ts.
  const env = { MIGRATE_ON_START: 'true', SEED_DEMO: 'true', PDF_POOL_SIZE: '2', LOGIN_RATE_LIMIT: '1000' };
  // With DATABASE_URL: a fresh database on that server. Without: the system's own embedded
  // PostgreSQL, with its data in a folder of its own.
  if (process.env.DATABASE_URL) {
    const dbName = `sek_e2e_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database "${dbName}"`);
    await admin.end();
    globalThis.__dbNames.push(dbName);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${dbName}`;
    env.DATABASE_URL = url.toString();
  } else {
    env.DATA_DIR = index === 0 ? '.data/e2e' : `.data/e2e-${index + 1}`;
    env.EMBEDDED_PG_PORT = String(port + 50362);
  }
  // Mail goes to a local SMTP server; the tests read what arrived (src/mailbox.ts).
  const mailDir = path.join(REPO_ROOT, `e2e/artifacts/mail-${port}`);
  const mailbox = await startMailbox({ dir: mailDir });
  globalThis.__mailboxes.push(mailbox);
  env.SMTP_URL = mailbox.url;
  env.MAIL_FROM = 'Fjordvik kommune <politikk@fjordvik.example>';
  const system = await startSystem({ port, env });
  globalThis.__systems.push(system);
  return { system, mailDir };
}
