import { Module } from '@nestjs/common';
import { BodiesModule } from '../bodies/bodies.module.js';
import { MailModule } from '../mail/mail.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { PdfModule } from '../pdf/pdf.module.js';
import { AttendanceController } from './attendance.controller.js';
import { SummonsMailJob, SummonsWithdrawnMailJob } from './attendance.jobs.js';
import { AttendanceService } from './attendance.service.js';
import { PublicAttendanceController } from './public-attendance.controller.js';
import { NoticeMailJob } from './notice-mail.job.js';
import { SummonsExpiryJob } from './summons-expiry.job.js';

/**
 * Absence (forfall, inhabilitet) and substitutes called in (koml. § 7-10). Exports AttendanceService
 * for `calledInPersonIds(meetingId)`: substitutes with an accepted summons count as members of that meeting.
 */
@Module({
  // The notice PDF goes with each summons (MeetingNoticeService); closed items by PaperAccess.
  imports: [BodiesModule, PdfModule, MailModule, MeetingsModule],
  controllers: [AttendanceController, PublicAttendanceController],
  providers: [AttendanceService, SummonsMailJob, SummonsWithdrawnMailJob, SummonsExpiryJob, NoticeMailJob],
  exports: [AttendanceService],
})
export class AttendanceModule {}
