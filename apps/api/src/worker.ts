import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { useOneLogFormat } from './common/logging/logging.module.js';
import { loadConfig } from './config/load-config.js';
import { createApp } from './create-app.js';
import { embeddedDatabaseUrl } from './database/resolve-database.js';
import { JobsService } from './jobs/jobs.service.js';

const logger = new Logger('Worker');

/**
 * `npm run worker`: works the job queues without serving HTTP, beside API processes started
 * with JOBS_IN_PROCESS=false. Uses DATABASE_URL; without it, the embedded PostgreSQL that
 * `npm start` runs (it never starts a second one on the same data).
 */
async function worker(): Promise<void> {
  const config = loadConfig();
  useOneLogFormat(config);
  const url = config.DATABASE_URL ?? embeddedDatabaseUrl(config);
  const { app } = await createApp(config, url);
  await app.init();
  await app.get(JobsService).startWorking();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void app.close().finally(() => process.exit(0)));
  }
  logger.log('Worker started');
}

worker().catch((error: unknown) => {
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
