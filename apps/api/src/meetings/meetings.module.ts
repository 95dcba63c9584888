import { Module } from '@nestjs/common';
import { BodiesModule } from '../bodies/bodies.module.js';
import { MailModule } from '../mail/mail.module.js';
import { PdfModule } from '../pdf/pdf.module.js';
import { AgendaService } from './agenda.service.js';
import { CalendarLinksService } from './calendar-links.service.js';
import { CalendarController } from './calendar.controller.js';
import { CasesService } from './cases.service.js';
import { MeetingNoticeService } from './meeting-notice.service.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsService } from './meetings.service.js';
import { PaperAccess } from './paper-access.js';
import { PublicMeetingsController } from './public-meetings.controller.js';
import { PublicMeetingsService } from './public-meetings.service.js';

/** Meetings, cases and agendas (saksliste), the notice (PDF and e-mail to members), and the public meeting calendar. */
@Module({
  imports: [BodiesModule, PdfModule, MailModule],
  controllers: [MeetingsController, PublicMeetingsController, CalendarController],
  providers: [MeetingsService, AgendaService, CasesService, MeetingNoticeService, PaperAccess, PublicMeetingsService, CalendarLinksService],
  exports: [PaperAccess, MeetingsService, MeetingNoticeService],
})
export class MeetingsModule {}
