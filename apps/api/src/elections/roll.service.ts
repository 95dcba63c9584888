import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { RollImportReport } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { fromRepoRoot } from '../common/paths.js';
import { CONFIG, type Config } from '../config/config.js';
import { DATABASE_URL } from '../config/config.js';
import { runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
import { JobsService } from '../jobs/jobs.service.js';
import { importRoll, type RollImportResult } from './roll-import.js';

export const ROLL_IMPORT_JOB = 'elections.import-roll';
export const UPLOAD_SWEEP_JOB = 'elections.sweep-uploads';

/** A staged file no job refers to yet may be one whose job is being queued: left this long. */
const UNCLAIMED_GRACE_MS = 5 * 60_000;
/** A running import missing this many seconds of heartbeat is taken to have died with its process. */
const ROLL_IMPORT_HEARTBEAT_SECONDS = 30;

interface RollJob {
  electionId: string;
  municipalityId: string;
  file: string;
  userId: string;
  userName: string;
  allowRejected: boolean;
}

/**
 * Roll imports run as jobs, so a large roll never blocks requests; progress is kept per job.
 * The upload (hundreds of thousands of personal numbers) is staged in DATA_DIR/uploads only while
 * its job has not ended: the job deletes it in every outcome, and a sweep (at every start and
 * every ten minutes) deletes what a job that died with its process left behind. Such a job is
 * failed by its missed heartbeat (JobsService), so it is never shown as running for long.
 */
@Injectable()
export class RollService implements OnModuleInit {
  private readonly logger = new Logger(RollService.name);
  private readonly progress = new Map<string, number>();

  constructor(
    private readonly jobs: JobsService,
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(DATABASE_URL) private readonly url: string,
    @Inject(CONFIG) private readonly config: Config,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<RollJob>(ROLL_IMPORT_JOB, async (data, job) => {
      try {
        return await this.importFile(data, (lines) => this.progress.set(job.id, lines));
      } catch (error) {
        this.logger.error(`Roll import job ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`);
        throw error;
      } finally {
        await rm(data.file, { force: true });
      }
    }, { retryLimit: 0, heartbeatSeconds: ROLL_IMPORT_HEARTBEAT_SECONDS });
    this.jobs.register(UPLOAD_SWEEP_JOB, () => this.sweepUploads(), { cron: '*/10 * * * *', runAtStart: true });
  }

  private uploadDir(): string {
    return path.join(fromRepoRoot(this.config.DATA_DIR), 'uploads');
  }

  /**
   * Deletes staged roll files that no queued or running import refers to (older than a few
   * minutes, so a file whose job is being queued stays), and any older than UPLOAD_MAX_AGE_HOURS.
   */
  async sweepUploads(now = new Date()): Promise<{ deleted: number }> {
    const dir = this.uploadDir();
    const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    if (names.length === 0) return { deleted: 0 };
    const claimed = new Set((await this.jobs.pending<RollJob>(ROLL_IMPORT_JOB)).map((job) => path.resolve(job.data.file)));
    const maxAgeMs = this.config.UPLOAD_MAX_AGE_HOURS * 3_600_000;
    let deleted = 0;
    for (const name of names) {
      const file = path.join(dir, name);
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) continue;
      const age = now.getTime() - info.mtimeMs;
      if (age > maxAgeMs || (!claimed.has(path.resolve(file)) && age > UNCLAIMED_GRACE_MS)) {
        await rm(file, { force: true });
        deleted++;
      }
    }
    if (deleted) this.logger.log(`Deleted ${deleted} staged roll upload(s) no import needs`);
    return { deleted };
  }

  /** Imports a roll file directly (CLI, tests) and records it in the audit log. */
  async importFile(data: Omit<RollJob, 'file'> & { file: string }, onProgress?: (lines: number) => void): Promise<RollImportResult> {
    const started = Date.now();
    const result = await importRoll({
      databaseUrl: this.url,
      electionId: data.electionId,
      municipalityId: data.municipalityId,
      source: createReadStream(data.file, { highWaterMark: 1 << 20 }),
      allowRejected: data.allowRejected,
      onProgress,
    });
    this.logger.log(`Roll import for ${data.electionId}: ${result.message} (${Date.now() - started} ms)`);
    if (result.committed) {
      await runInTenant(this.orm, { municipalityId: data.municipalityId, actor: { ...SYSTEM_ACTOR, userId: data.userId, name: data.userName } }, async () => {
        this.audit.record({ action: 'roll.import', entityType: 'election', entityId: data.electionId, after: { imported: result.imported, rejected: result.rejectedCount } });
      });
    }
    return result;
  }

  /** Saves the upload and queues the import; the caller polls `status`. */
  async queue(bytes: Buffer, data: Omit<RollJob, 'file'>): Promise<RollImportReport> {
    const dir = this.uploadDir();
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, `roll-${randomUUID()}.csv`);
    await writeFile(file, bytes, { mode: 0o600 });
    let jobId: string;
    try {
      jobId = await this.jobs.send<RollJob>(ROLL_IMPORT_JOB, { ...data, file });
    } catch (error) {
      await rm(file, { force: true });
      throw error;
    }
    return { jobId, state: 'queued', imported: 0, rejected: [], rejectedCount: 0, message: 'Importen står i kø.' };
  }

  async status(jobId: string): Promise<RollImportReport> {
    const job = await this.jobs.job(ROLL_IMPORT_JOB, jobId);
    if (!job) return { jobId, state: 'failed', imported: 0, rejected: [], rejectedCount: 0, message: 'Ukjent import.' };
    if (job.state === 'completed') {
      const r = job.output as RollImportResult;
      return { jobId, state: r.committed ? 'completed' : 'failed', imported: r.imported, rejected: r.rejected, rejectedCount: r.rejectedCount, message: r.message };
    }
    if (job.state === 'failed') {
      // The error itself (a database's or a program's text) is in the log, not shown to people.
      return { jobId, state: 'failed', imported: 0, rejected: [], rejectedCount: 0, message: `Importen feilet, og ingenting er lagret. Prøv igjen; skjer det igjen, oppgi jobb ${jobId} til drift.` };
    }
    const lines = this.progress.get(jobId) ?? 0;
    return { jobId, state: job.state === 'active' ? 'running' : 'queued', imported: lines, rejected: [], rejectedCount: 0, message: lines ? `${lines} linjer lest.` : 'Importen står i kø.' };
  }
}
