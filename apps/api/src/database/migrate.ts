import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { Logger } from '@nestjs/common';
import { ormOptions } from './orm-options.js';

const logger = new Logger('Migrations');

/** Applies pending migrations; returns the names applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  for (const m of applied) logger.log(`Applied ${m.name}`);
  return applied.map((m) => m.name);
}

export async function pendingMigrations(orm: MikroORM): Promise<number> {
  return (await orm.migrator.getPending()).length;
}

/** `npm run migrate`: apply migrations to DATABASE_URL (or the embedded database). */
async function main(): Promise<void> {
  const { loadConfig } = await import('../config/load-config.js');
  const { resolveDatabase } = await import('./resolve-database.js');
  const config = loadConfig();
  const db = await resolveDatabase(config);
  const orm = await MikroORM.init(ormOptions(db.url));
  try {
    const applied = await migrate(orm);
    logger.log(applied.length ? `${applied.length} migration(s) applied` : 'Database is up to date');
  } finally {
    await orm.close();
    await db.stop();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((error: unknown) => {
    logger.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
