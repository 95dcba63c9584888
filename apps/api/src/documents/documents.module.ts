import { Module } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import path from 'node:path';
import { CONFIG, type Config } from '../config/config.js';
import { fromRepoRoot } from '../common/paths.js';
import { CasesModule } from '../cases/cases.module.js';
import { DiskDocumentStore } from './disk-document-store.js';
import { DocumentStore } from './document-store.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { ExtractTextJob } from './extract-text.job.js';
import { PublicCaseService } from './public-case.service.js';
import { PublicDocumentsController } from './public-documents.controller.js';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';
import { PgLargeObjectDocumentStore } from './pg-large-object-document-store.js';

/** Case documents: storage behind one interface, upload checks, text extraction and search. */
@Module({
  imports: [CasesModule],
  controllers: [DocumentsController, SearchController, PublicDocumentsController],
  providers: [
    {
      provide: DocumentStore,
      inject: [CONFIG, EntityManager],
      useFactory: (config: Config, em: EntityManager): DocumentStore =>
        config.DOCUMENT_STORE === 'postgres'
          ? new PgLargeObjectDocumentStore(em)
          : new DiskDocumentStore(config.DOCUMENT_DIR ?? path.join(fromRepoRoot(config.DATA_DIR), 'documents')),
    },
    DocumentsService,
    SearchService,
    PublicCaseService,
    ExtractTextJob,
  ],
  exports: [DocumentStore],
})
export class DocumentsModule {}
