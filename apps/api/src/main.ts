import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { useOneLogFormat } from './common/logging/logging.module.js';
import type { Config } from './config/config.js';
import { loadConfig } from './config/load-config.js';
import { createApp } from './create-app.js';
import { migrate } from './database/migrate.js';
import { ormOptions } from './database/orm-options.js';
import { resolveDatabase, type ResolvedDatabase } from './database/resolve-database.js';
import { seedDemo } from './database/seed/seed-municipality.js';
import { DocumentStore } from './documents/document-store.js';
import { ExtractTextJob } from './documents/extract-text.job.js';
import { JobsService, SHUTDOWN_GRACE_MS } from './jobs/jobs.service.js';

const logger = new Logger('Bootstrap');

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  useOneLogFormat(config);
  const db = await resolveDatabase(config);
  try {
    await serve(config, db);
  } catch (error) {
    await db.stop();
    throw error;
  }
}

async function serve(config: Config, db: ResolvedDatabase): Promise<void> {
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

  // Stop in order: HTTP and jobs first (jobs in progress get the grace period), then the
  // embedded PostgreSQL, which runs in a process group of its own so a Ctrl-C does not reach
  // it before the connections are closed. Never later than SHUTDOWN_GRACE_MS in all.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: shutting down`);
    const force = setTimeout(() => {
      logger.warn(`Not stopped after ${SHUTDOWN_GRACE_MS / 1000} s; stopping at once`);
      void db.stop().finally(() => process.exit(1));
    }, SHUTDOWN_GRACE_MS);
    try {
      await app.close();
    } catch (error) {
      logger.error(`While shutting down: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await db.stop();
      clearTimeout(force);
      logger.log('Stopped');
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
