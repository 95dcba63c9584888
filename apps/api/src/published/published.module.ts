import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { PdfModule } from '../pdf/pdf.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { PublishedDocumentsController } from './published-documents.controller.js';
import { PublishedDocumentsService } from './published-documents.service.js';

/** Published documents rendered once per version, kept in the document store (docs/published-documents.md). */
@Module({
  imports: [MeetingsModule, DocumentsModule, PdfModule, MunicipalitiesModule],
  controllers: [PublishedDocumentsController],
  // The papers' renderer is the meetings module's; provided here too until that module exports it.
  providers: [PublishedDocumentsService],
})
export class PublishedModule {}
