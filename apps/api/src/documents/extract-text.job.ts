import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { CONFIG, type Config } from '../config/config.js';
import { runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
import { JobsService } from '../jobs/jobs.service.js';
import { Municipality } from '../core/municipality.entity.js';
import { Document } from './document.entity.js';
import { DocumentStore } from './document-store.js';
import { DEFAULT_EXTRACTION_LIMITS, extractText, TEXT_LIMIT_CHARS, TEXT_TYPES, TextExtractionError, type ExtractionLimits } from './text-extraction.js';

export const EXTRACT_TEXT_JOB = 'document.extract-text';
export const EXTRACT_SWEEP_JOB = 'document.extract-sweep';
/** Documents queued per municipality and sweep. */
const SWEEP_BATCH = 500;

export interface ExtractTextData {
  documentId: string;
  municipalityId: string;
}

export type ExtractTextResult = { status: 'done'; chars: number } | { status: 'failed'; reason: string } | { skipped: string };

/**
 * Reads the text of an uploaded document for search, in a worker thread with a time and size
 * limit (text-extraction.ts), outside any transaction: the bytes are read in one, the text
 * written in another. An unreadable, too large or too slow file marks the document `failed` and
 * the job completes: retrying cannot mend a broken PDF.
 */
@Injectable()
export class ExtractTextJob implements OnModuleInit {
  private readonly logger = new Logger(ExtractTextJob.name);

  constructor(
    private readonly jobs: JobsService,
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly store: DocumentStore,
    @Inject(CONFIG) config: Config,
  ) {
    this.limits = {
      ...DEFAULT_EXTRACTION_LIMITS,
      timeoutMs: config.TEXT_EXTRACTION_TIMEOUT_MS,
      maxUnzippedBytes: config.TEXT_EXTRACTION_MAX_UNZIPPED_BYTES,
      maxInputBytes: config.DOCUMENT_MAX_BYTES,
      maxChars: TEXT_LIMIT_CHARS,
    };
  }

  private readonly limits: ExtractionLimits;

  onModuleInit(): void {
    this.jobs.register<ExtractTextData>(EXTRACT_TEXT_JOB, (data) => this.run(data), { retryLimit: 3, retryDelay: 2, retryBackoff: true });
    this.jobs.register(EXTRACT_SWEEP_JOB, () => this.sweep(), { cron: '*/10 * * * *' });
  }

  /**
   * Queues what never got its text: documents still `pending` after ten minutes (the queue was
   * unreachable at upload, or the job gave up), and documents of a type with text stored
   * without extraction (`none`, e.g. by the demo seed).
   */
  async sweep(now = new Date()): Promise<{ queued: number }> {
    const municipalities = await this.orm.em.fork().find(Municipality, {}, { fields: ['id'] });
    let queued = 0;
    for (const { id: municipalityId } of municipalities) {
      const ids = await runInTenant(this.orm, { municipalityId, actor: SYSTEM_ACTOR }, async (em) => {
        const stale = new Date(now.getTime() - 10 * 60_000);
        const documents = await em.find(
          Document,
          { $or: [{ textStatus: 'pending', createdAt: { $lt: stale } }, { textStatus: 'none', contentType: { $in: [...TEXT_TYPES] } }] },
          { fields: ['id', 'textStatus'], limit: SWEEP_BATCH, orderBy: { createdAt: 'asc' } },
        );
        for (const document of documents) document.textStatus = 'pending';
        await em.flush();
        return documents.map((d) => d.id);
      });
      for (const documentId of ids) await this.queue({ documentId, municipalityId });
      queued += ids.length;
    }
    if (queued) this.logger.log(`Queued text extraction for ${queued} document(s) that had none`);
    return { queued };
  }

  queue(data: ExtractTextData): Promise<string> {
    return this.jobs.send(EXTRACT_TEXT_JOB, data);
  }

  async run(data: ExtractTextData): Promise<ExtractTextResult> {
    const tenant = { municipalityId: data.municipalityId, actor: SYSTEM_ACTOR };
    const read = await runInTenant(this.orm, tenant, async (em): Promise<{ skipped: string } | { contentType: string; bytes: Buffer | Error }> => {
      // The job is queued in the upload's own transaction (JobsService.send), so it is seen only
      // once the document is: a document not found has been deleted since.
      const document = await em.findOne(Document, data.documentId);
      if (!document) return { skipped: 'document deleted before its text was read' };
      if (document.textStatus === 'done') return { skipped: 'already extracted' };
      return { contentType: document.contentType, bytes: await this.store.read(document.storageKey).catch((error: unknown) => error as Error) };
    });
    if ('skipped' in read) return read;

    let text: string | null = null;
    let result: ExtractTextResult;
    try {
      if (read.bytes instanceof Error) throw read.bytes;
      text = await extractText(read.bytes, read.contentType, this.limits);
      result = { status: 'done', chars: text?.length ?? 0 };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const kind = error instanceof TextExtractionError ? error.kind : 'unreadable';
      this.logger.warn(`Text extraction failed for document ${data.documentId} (${read.contentType}, ${kind}): ${reason}`);
      result = { status: 'failed', reason };
    }

    return runInTenant(this.orm, tenant, async (em) => {
      const document = await em.findOne(Document, data.documentId);
      if (!document) return { skipped: 'deleted while its text was read' };
      if ('chars' in result) {
        document.text = text;
        document.textStatus = text === null ? 'none' : 'done';
      } else {
        document.text = null;
        document.textStatus = 'failed';
      }
      await em.flush();
      return result;
    });
  }
}
