import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service.js';
import { SessionCleanupJob } from './session-cleanup.job.js';

@Global()
@Module({ providers: [JobsService, SessionCleanupJob], exports: [JobsService] })
export class JobsModule {}
