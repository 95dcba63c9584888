import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { PgBoss, type Job } from 'pg-boss';
import { DATABASE_URL } from '../database/database.module.js';

/** A handler's return value is kept as the job's output. */
export type JobHandler<T extends object> = (data: T, job: Job<T>) => Promise<unknown>;

interface QueueOptions {
  retryLimit?: number;
  /** Seconds before the first retry. */
  retryDelay?: number;
  retryBackoff?: boolean;
}

interface Registration extends QueueOptions {
  name: string;
  handler: JobHandler<object>;
  cron?: string;
}

/**
 * Background work on pg-boss in the same PostgreSQL. Feature modules register handlers at
 * start-up; the API process works them unless JOBS_IN_PROCESS=false, in which case
 * `npm run worker` does. Any number of API and worker processes can share the queues.
 */
@Injectable()
export class JobsService implements OnApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private readonly registrations = new Map<string, Registration>();
  private boss?: PgBoss;
  private working = false;

  constructor(@Inject(DATABASE_URL) private readonly url: string) {}

  /** Declares a job type; `cron` schedules it (pg-boss makes sure one process runs each tick). */
  register<T extends object>(name: string, handler: JobHandler<T>, options: { cron?: string } & QueueOptions = {}): void {
    this.registrations.set(name, { ...options, name, handler: handler as JobHandler<object> });
  }

  private starting?: Promise<PgBoss>;

  private ensureStarted(): Promise<PgBoss> {
    this.starting ??= this.start();
    return this.starting;
  }

  private async start(): Promise<PgBoss> {
    const boss = new PgBoss({ connectionString: this.url, schema: 'pgboss', max: 4 });
    boss.on('error', (error) => this.logger.error(error, 'pg-boss error'));
    await boss.start();
    for (const r of this.registrations.values()) await boss.createQueue(r.name, queueOptions(r));
    this.boss = boss;
    return boss;
  }

  /** Starts working every registered queue in this process. */
  async startWorking(): Promise<void> {
    const boss = await this.ensureStarted();
    if (this.working) return;
    this.working = true;
    for (const r of this.registrations.values()) {
      await boss.work<object>(r.name, { batchSize: 1 }, async ([job]) => {
        if (!job) return undefined;
        this.logger.log(`Running ${r.name} ${job.id}`);
        return r.handler(job.data, job);
      });
      if (r.cron) await boss.schedule(r.name, r.cron);
    }
    this.logger.log(`Working queues: ${[...this.registrations.keys()].join(', ') || '(none)'}`);
  }

  async send<T extends object>(name: string, data: T): Promise<string> {
    const registration = this.registrations.get(name);
    if (!registration) throw new Error(`Unknown job type ${name}`);
    const boss = await this.ensureStarted();
    if (!(await boss.getQueue(name))) await boss.createQueue(name, queueOptions(registration));
    const id = await boss.send(name, data);
    if (!id) throw new Error(`pg-boss did not accept job ${name}`);
    return id;
  }

  /** A job with its state and output, for callers that poll. */
  async job(name: string, id: string): Promise<{ state: string; output: unknown } | null> {
    const boss = await this.ensureStarted();
    const job = await boss.getJobById(name, id);
    return job ? { state: job.state, output: job.output } : null;
  }

  /** Waits for a job to finish (for tests and for callers that poll). */
  async state(name: string, id: string): Promise<string | undefined> {
    return (await this.job(name, id))?.state;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 10_000 });
  }
}

function queueOptions(r: QueueOptions): QueueOptions {
  return Object.fromEntries(Object.entries({ retryLimit: r.retryLimit, retryDelay: r.retryDelay, retryBackoff: r.retryBackoff }).filter(([, v]) => v !== undefined));
}
