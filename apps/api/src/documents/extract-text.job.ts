import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { runInTenant, SYSTEM_ACTOR } from '../database/tenant.js';
import { JobsService } from '../jobs/jobs.service.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { Document } from './document.entity.js';
import { DocumentStore } from './document-store.js';
import { extractText, TEXT_TYPES } from './text-extraction.js';

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
 * Reads the text of an uploaded document for search. An unreadable file marks the document
 * `failed` and the job completes: retrying cannot mend a broken PDF. Only a document not yet
 * visible (the upload's transaction not committed) is retried.
 */
@Injectable()
export class ExtractTextJob implements OnModuleInit {
  private readonly logger = new Logger(ExtractTextJob.name);

  constructor(
    private readonly jobs: JobsService,
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly store: DocumentStore,
  ) {}

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

  run(data: ExtractTextData): Promise<ExtractTextResult> {
    return runInTenant(this.orm, { municipalityId: data.municipalityId, actor: SYSTEM_ACTOR }, async (em) => {
      // Queued just before the upload commits: wait a moment for it, then leave it to pg-boss's retries.
      let document = await em.findOne(Document, data.documentId);
      for (let attempt = 0; !document && attempt < 10; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        document = await em.findOne(Document, data.documentId);
      }
      if (!document) throw new Error(`Document ${data.documentId} not found (yet)`);
      if (document.textStatus === 'done') return { skipped: 'already extracted' };
      let result: ExtractTextResult;
      try {
        const text = await extractText(await this.store.read(document.storageKey), document.contentType);
        document.text = text;
        document.textStatus = text === null ? 'none' : 'done';
        result = { status: 'done', chars: text?.length ?? 0 };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.logger.warn(`Text extraction failed for document ${document.id} (${document.contentType}): ${reason}`);
        document.text = null;
        document.textStatus = 'failed';
        result = { status: 'failed', reason };
      }
      await em.flush();
      return result;
    });
  }
}
