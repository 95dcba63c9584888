import { Module } from '@nestjs/common';
import { AgendaService } from './agenda.service.js';
import { CasesService } from './cases.service.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsService } from './meetings.service.js';
import { PublicMeetingsController } from './public-meetings.controller.js';

/** Meetings, cases and agendas (saksliste), with the public meeting calendar. */
@Module({
  controllers: [MeetingsController, PublicMeetingsController],
  providers: [MeetingsService, AgendaService, CasesService],
})
export class MeetingsModule {}
