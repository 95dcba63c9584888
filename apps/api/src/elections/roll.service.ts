import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { RollImportReport } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { fromRepoRoot } from '../common/paths.js';
import { CONFIG, type Config } from '../config/config.js';
import { DATABASE_URL } from '../database/database.module.js';
import { runInTenant, SYSTEM_ACTOR } from '../database/tenant.js';
import { JobsService } from '../jobs/jobs.service.js';
import { importRoll, type RollImportResult } from './roll-import.js';

export const ROLL_IMPORT_JOB = 'elections.import-roll';

interface RollJob {
  electionId: string;
  municipalityId: string;
  file: string;
  userId: string;
  userName: string;
  allowRejected: boolean;
}

/** Roll imports run as jobs, so a large roll never blocks requests; progress is kept per job. */
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
      } finally {
        await rm(data.file, { force: true });
      }
    }, { retryLimit: 0 });
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
    const dir = path.join(fromRepoRoot(this.config.DATA_DIR), 'uploads');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `roll-${randomUUID()}.csv`);
    await writeFile(file, bytes);
    const jobId = await this.jobs.send<RollJob>(ROLL_IMPORT_JOB, { ...data, file });
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
      const message = (job.output as { message?: string } | null)?.message;
      return { jobId, state: 'failed', imported: 0, rejected: [], rejectedCount: 0, message: `Importen feilet${message ? `: ${message}` : ''}.` };
    }
    const lines = this.progress.get(jobId) ?? 0;
    return { jobId, state: job.state === 'active' ? 'running' : 'queued', imported: lines, rejected: [], rejectedCount: 0, message: lines ? `${lines} linjer lest.` : 'Importen står i kø.' };
  }
}
