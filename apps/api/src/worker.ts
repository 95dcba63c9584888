import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from './config/load-config.js';
import { createApp } from './create-app.js';
import { resolveDatabase } from './database/resolve-database.js';
import { JobsService } from './jobs/jobs.service.js';

/**
 * `npm run worker`: works the job queues without serving HTTP. Run it beside API processes
 * started with JOBS_IN_PROCESS=false.
 */
async function worker(): Promise<void> {
  const config = loadConfig();
  const db = await resolveDatabase(config);
  const { app } = await createApp(config, db.url);
  await app.init();
  await app.get(JobsService).startWorking();
  const stop = async () => {
    await app.close();
    await db.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  new Logger('Worker').log('Worker started');
}

worker().catch((error: unknown) => {
  new Logger('Worker').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
