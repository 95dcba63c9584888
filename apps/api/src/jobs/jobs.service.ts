import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery, type Transaction } from 'kysely';
import { PgBoss, type Job, type SendOptions } from 'pg-boss';
import { DATABASE_URL } from '../config/config.js';
import { APP_ROLE } from '../core/tenant.js';

/**
 * How long a stopping process may take in all (docs/operations.md): jobs in progress get most of
 * it, the rest is for closing connections and stopping the embedded PostgreSQL.
 */
export const SHUTDOWN_GRACE_MS = 10_000;
const JOBS_GRACE_MS = SHUTDOWN_GRACE_MS - 2_000;

/** A handler's return value is kept as the job's output. */
export type JobHandler<T extends object> = (data: T, job: Job<T>) => Promise<unknown>;

interface QueueOptions {
  retryLimit?: number;
  /** Seconds before the first retry. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /**
   * The worker refreshes a running job this often (pg-boss does it itself); a job whose process
   * died is failed once it has missed it, by the next maintenance pass or the next start.
   */
  heartbeatSeconds?: number;
}

interface Registration extends QueueOptions {
  name: string;
  handler: JobHandler<object>;
  cron?: string;
  /** Also run once whenever a process starts working the queues (clean-ups after a crash). */
  runAtStart?: boolean;
}

/** How often pg-boss's maintenance looks for jobs that missed their heartbeat or time limit. */
const SUPERVISE_SECONDS = 15;
const PENDING_STATES: ReadonlySet<string> = new Set(['created', 'retry', 'active']);

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
  private stopping = false;

  constructor(
    @Inject(DATABASE_URL) private readonly url: string,
    private readonly em: EntityManager,
  ) {}

  /** Declares a job type; `cron` schedules it (pg-boss makes sure one process runs each tick). */
  register<T extends object>(name: string, handler: JobHandler<T>, options: { cron?: string; runAtStart?: boolean } & QueueOptions = {}): void {
    this.registrations.set(name, { ...options, name, handler: handler as JobHandler<object> });
  }

  private starting?: Promise<PgBoss>;

  private ensureStarted(): Promise<PgBoss> {
    this.starting ??= this.start();
    return this.starting;
  }

  private async start(): Promise<PgBoss> {
    const boss = new PgBoss({ connectionString: this.url, schema: 'pgboss', max: 4, superviseIntervalSeconds: SUPERVISE_SECONDS });
    // The message only: pg-boss's errors carry the database client with all its internals.
    boss.on('error', (error) => {
      if (!this.stopping) this.logger.error(`pg-boss: ${error.message}`);
    });
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
    // Jobs of a process that died (killed, out of memory, the machine gone) are still `active`:
    // those that missed their heartbeat are failed now rather than at the next maintenance pass.
    await boss.supervise();
    for (const r of this.registrations.values()) if (r.runAtStart) await this.send(r.name, {});
    this.logger.log(`Working queues: ${[...this.registrations.keys()].join(', ') || '(none)'}`);
  }

  /** The data of the jobs of a type not yet ended (queued, waiting for a retry, or running). */
  async pending<T extends object>(name: string): Promise<{ id: string; state: string; data: T }[]> {
    const boss = await this.ensureStarted();
    const jobs = await boss.findJobs<T>(name, { limit: 100_000 });
    return jobs.filter((job) => PENDING_STATES.has(job.state)).map((job) => ({ id: job.id, state: job.state, data: job.data }));
  }

  /**
   * Queues a job. Inside a transaction (a request's, or a job's own `runInTenant`) the job is
   * inserted in that transaction: it exists only if the change that caused it commits, and a
   * worker cannot pick it up before the change is visible.
   */
  async send<T extends object>(name: string, data: T): Promise<string> {
    const registration = this.registrations.get(name);
    if (!registration) throw new Error(`Unknown job type ${name}`);
    const boss = await this.ensureStarted();
    if (!(await boss.getQueue(name))) await boss.createQueue(name, queueOptions(registration));
    const tx = this.em.getTransactionContext<Transaction<object>>();
    // The heartbeat goes with each job: a queue made before it was set keeps its old options.
    const heartbeat = registration.heartbeatSeconds ? { heartbeatSeconds: registration.heartbeatSeconds } : {};
    const id = await boss.send(name, data, { ...heartbeat, ...(tx ? { db: inTransaction(tx) } : {}) });
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
    this.stopping = true;
    await this.boss?.stop({ graceful: true, timeout: JOBS_GRACE_MS });
  }
}

/**
 * pg-boss's statements on the caller's transaction. Requests run as the application role, which
 * has no rights on the queue's schema; the statement runs as the connecting (owner) role and the
 * transaction goes back to the application role after it.
 */
function inTransaction(tx: Transaction<object>): NonNullable<SendOptions['db']> {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const { rows: [role] } = await tx.executeQuery<{ role: string }>(CompiledQuery.raw(`select current_setting('role') as role`));
      await tx.executeQuery(CompiledQuery.raw('set local role none'));
      try {
        return { rows: (await tx.executeQuery(CompiledQuery.raw(text, values))).rows };
      } finally {
        if (role?.role === APP_ROLE) await tx.executeQuery(CompiledQuery.raw(`set local role ${APP_ROLE}`));
      }
    },
  };
}

function queueOptions(r: QueueOptions): QueueOptions {
  return Object.fromEntries(
    Object.entries({ retryLimit: r.retryLimit, retryDelay: r.retryDelay, retryBackoff: r.retryBackoff, heartbeatSeconds: r.heartbeatSeconds }).filter(([, v]) => v !== undefined),
  );
}
