import type { Config } from '../config/config.js';
import { fromRepoRoot } from '../common/paths.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise an embedded PostgreSQL with its data under DATA_DIR. */
export async function resolveDatabase(config: Config): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: false, stop: async () => {} };
  const db = await startEmbeddedPostgres({ dataDir: fromRepoRoot(config.DATA_DIR), port: config.EMBEDDED_PG_PORT, fallbackDir: config.EMBEDDED_PG_FALLBACK_DIR });
  return { url: db.url, embedded: true, stop: () => db.stop() };
}

/** The URL of the embedded database that `npm start` runs, for a worker process beside it. */
export function embeddedDatabaseUrl(config: Config): string {
  return `postgres://postgres:postgres@127.0.0.1:${config.EMBEDDED_PG_PORT}/sekretariat`;
}
