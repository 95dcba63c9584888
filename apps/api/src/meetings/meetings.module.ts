import { Module } from '@nestjs/common';
import { BodiesModule } from '../bodies/bodies.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { MailModule } from '../mail/mail.module.js';
import { PdfModule } from '../pdf/pdf.module.js';
import { AgendaService } from './agenda.service.js';
import { CalendarLinksService } from './calendar-links.service.js';
import { CalendarController } from './calendar.controller.js';
import { CasesService } from './cases.service.js';
import { MeetingCancelService } from './meeting-cancel.service.js';
import { MeetingNoticeService } from './meeting-notice.service.js';
import { MeetingPapersController } from './meeting-papers.controller.js';
import { MeetingPapersService } from './meeting-papers.service.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsService } from './meetings.service.js';
import { PublicMeetingsController } from './public-meetings.controller.js';
import { PublicMeetingsService } from './public-meetings.service.js';

/**
 * Meetings, cases and agendas (saksliste), the notice (PDF and e-mail to members), the full papers
 * PDF (with the case documents), and the public meeting calendar.
 */
@Module({
  imports: [BodiesModule, CasesModule, DocumentsModule, PdfModule, MailModule],
  controllers: [MeetingsController, MeetingPapersController, PublicMeetingsController, CalendarController],
  providers: [MeetingsService, MeetingCancelService, AgendaService, CasesService, MeetingNoticeService, MeetingPapersService, PublicMeetingsService, CalendarLinksService],
  exports: [CasesModule, MeetingsService, MeetingNoticeService, MeetingPapersService],
})
export class MeetingsModule {}
