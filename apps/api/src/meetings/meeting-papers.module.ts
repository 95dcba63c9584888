import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { PdfModule } from '../pdf/pdf.module.js';
import { MeetingPapersController } from './meeting-papers.controller.js';
import { MeetingPapersService } from './meeting-papers.service.js';
import { MeetingsModule } from './meetings.module.js';

/**
 * The full meeting papers PDF. A module of its own because it needs the document store, and the
 * documents module itself builds on the meetings module.
 */
@Module({
  imports: [MeetingsModule, DocumentsModule, PdfModule],
  controllers: [MeetingPapersController],
  providers: [MeetingPapersService],
})
export class MeetingPapersModule {}
