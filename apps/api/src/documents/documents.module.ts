import { Module } from '@nestjs/common';
import path from 'node:path';
import { CONFIG, type Config } from '../config/config.js';
import { fromRepoRoot } from '../common/paths.js';
import { DiskDocumentStore } from './disk-document-store.js';
import { DocumentStore } from './document-store.js';

/** Case documents: storage behind one interface, upload checks, text extraction and search. */
@Module({
  providers: [
    {
      provide: DocumentStore,
      inject: [CONFIG],
      useFactory: (config: Config): DocumentStore => new DiskDocumentStore(config.DOCUMENT_DIR ?? path.join(fromRepoRoot(config.DATA_DIR), 'documents')),
    },
  ],
  exports: [DocumentStore],
})
export class DocumentsModule {}
