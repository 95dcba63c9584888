// Integration tests need a PostgreSQL server: DATABASE_URL when set, otherwise the same embedded
// PostgreSQL that `npm start` runs (src/database/embedded-postgres.ts, loaded as TypeScript by
// Node's type stripping), on a port and in a folder of its own (.data/test). Each test file
// makes its own database. Plain JavaScript: Jest loads global setup outside its ESM transform.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PORT = 54339;

export default async function globalSetup() {
  // Each test file copies this run's migrated template (test-database.ts) instead of migrating.
  process.env.SEK_TEST_TEMPLATE = `sek_template_${randomBytes(4).toString('hex')}`;
  if (process.env.DATABASE_URL) return;
  const { Logger } = await import('@nestjs/common');
  Logger.overrideLogger(['warn', 'error']);
  const { startEmbeddedPostgres } = await import('../database/embedded-postgres.ts');
  const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../.data/test');
  const pg = await startEmbeddedPostgres({
    dataDir,
    port: PORT,
    database: 'postgres',
    fallbackDir: process.env.EMBEDDED_PG_FALLBACK_DIR ?? '/var/lib/sekretariat',
  });
  process.env.DATABASE_URL = pg.url;
  globalThis.__embeddedPg = pg;
}
