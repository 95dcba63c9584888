import { Module } from '@nestjs/common';
import { ElectionsModule } from '../elections/elections.module.js';
import { systemClock } from '../elections/clock.js';
import { OUTREACH_CLOCK } from './outreach-clock.js';
import { MailModule } from '../mail/mail.module.js';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { PdfModule } from '../pdf/pdf.module.js';
import { OutreachApplicationsService } from './outreach-applications.service.js';
import { OutreachController } from './outreach.controller.js';
import { OutreachInstitutionsService } from './outreach-institutions.service.js';
import { OutreachRetentionJob } from './outreach-retention.job.js';
import { OutreachRoutesService } from './outreach-routes.service.js';
import { PublicOutreachController } from './public-outreach.controller.js';

/** Outreach voting: institutions and sessions, home-voting applications, routes and the phone's visit marks, and their retention (docs/outreach.md). */
@Module({
  imports: [ElectionsModule, MailModule, MunicipalitiesModule, PdfModule],
  controllers: [OutreachController, PublicOutreachController],
  providers: [OutreachApplicationsService, OutreachInstitutionsService, OutreachRoutesService, OutreachRetentionJob, { provide: OUTREACH_CLOCK, useFactory: () => ({ ...systemClock }) }],
})
export class OutreachModule {}
