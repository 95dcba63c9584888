import { Module } from '@nestjs/common';
import { BodiesModule } from '../bodies/bodies.module.js';
import { MailModule } from '../mail/mail.module.js';
import { MeetingNoticeService } from '../meetings/meeting-notice.service.js';
import { PdfModule } from '../pdf/pdf.module.js';
import { AttendanceController } from './attendance.controller.js';
import { SummonsMailJob, SummonsWithdrawnMailJob } from './attendance.jobs.js';
import { AttendanceService } from './attendance.service.js';
import { PublicAttendanceController } from './public-attendance.controller.js';
import { SummonsExpiryJob } from './summons-expiry.job.js';

/**
 * Absence (forfall, inhabilitet) and substitutes called in (koml. § 7-10). Exports AttendanceService
 * for `calledInPersonIds(meetingId)`: substitutes with an accepted summons count as members of that meeting.
 */
@Module({
  // The notice PDF goes with each summons: its service is provided here too (it is stateless).
  imports: [BodiesModule, PdfModule, MailModule],
  controllers: [AttendanceController, PublicAttendanceController],
  providers: [AttendanceService, SummonsMailJob, SummonsWithdrawnMailJob, SummonsExpiryJob, MeetingNoticeService],
  exports: [AttendanceService],
})
export class AttendanceModule {}
