// Integration tests need a PostgreSQL server: DATABASE_URL when set, otherwise the same embedded
// PostgreSQL that `npm start` runs (src/database/embedded-postgres.ts, loaded as TypeScript by
// Node's type stripping), on a port and in a folder of its own (.data/test). Each test file
// makes its own database. Plain JavaScript: Jest loads global setup outside its ESM transform.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PORT = 54339;

export default async function globalSetup() {
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
