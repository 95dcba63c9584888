import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { AnnotationsService } from './annotations.service.js';
import { ReadMarksService } from './read-marks.service.js';
import { ReaderAccessService } from './reader-access.service.js';
import { ReaderController } from './reader.controller.js';
import { ReaderService } from './reader.service.js';

/** The elected officials' reader: meetings and papers for reading, read marks, personal notes with offline sync. */
@Module({
  imports: [MeetingsModule],
  controllers: [ReaderController],
  providers: [ReaderAccessService, ReaderService, ReadMarksService, AnnotationsService],
})
export class ReaderModule {}
