import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { PdfModule } from '../pdf/pdf.module.js';
import { MinutesAccess } from './minutes-access.js';
import { MinutesController } from './minutes.controller.js';
import { MinutesService } from './minutes.service.js';
import { ProtocolService } from './protocol.service.js';
import { PublicMinutesController } from './public-minutes.controller.js';

/** Minutes (møtebok): recording the meeting, the protocol PDF in two editions, approval, versions and open data. */
@Module({
  imports: [MeetingsModule, AttendanceModule, PdfModule],
  controllers: [MinutesController, PublicMinutesController],
  providers: [MinutesService, ProtocolService, MinutesAccess],
  exports: [ProtocolService],
})
export class MinutesModule {}
