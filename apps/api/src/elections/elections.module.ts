import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { PdfModule } from '../pdf/pdf.module.js';
import { CLOCK, systemClock } from './clock.js';
import { AdvanceVoteService } from './advance-votes.service.js';
import { BoardRecordService } from './board-record.service.js';
import { EnvelopesService } from './envelopes.service.js';
import { ElectionRetentionJob } from './retention.job.js';
import { ElectionsController } from './elections.controller.js';
import { ElectionsService } from './elections.service.js';
import { VoteReportsService } from './reports.service.js';
import { RollService } from './roll.service.js';

/** Elections: the roll, voting places, the counter (advance votes), reports, the envelope register, the board's record, retention. */
@Module({
  imports: [MunicipalitiesModule, PdfModule],
  controllers: [ElectionsController],
  providers: [ElectionsService, AdvanceVoteService, VoteReportsService, RollService, EnvelopesService, BoardRecordService, ElectionRetentionJob, { provide: CLOCK, useFactory: () => ({ ...systemClock }) }],
  exports: [AdvanceVoteService, ElectionsService],
})
export class ElectionsModule {}
