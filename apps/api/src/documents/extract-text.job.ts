import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { runInTenant, SYSTEM_ACTOR } from '../database/tenant.js';
import { JobsService } from '../jobs/jobs.service.js';
import { Document } from './document.entity.js';
import { DocumentStore } from './document-store.js';
import { extractText } from './text-extraction.js';

export const EXTRACT_TEXT_JOB = 'document.extract-text';

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
