import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module.js';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { PdfModule } from '../pdf/pdf.module.js';
import { PublicWeddingsController } from './public-weddings.controller.js';
import { WeddingsController } from './weddings.controller.js';
import { WeddingsDocumentsService } from './weddings-documents.service.js';
import { WeddingsOfficiantController } from './weddings-officiant.controller.js';
import { WeddingsOfficiantService } from './weddings-officiant.service.js';
import { WeddingsBookingService } from './weddings-booking.service.js';
import { WeddingsRecordsController } from './weddings-records.controller.js';
import { WeddingsRecordsService } from './weddings-records.service.js';
import { WeddingsRetention } from './weddings-retention.js';
import { WeddingsMailJobs } from './weddings.jobs.js';
import { WeddingsSetupService } from './weddings-setup.service.js';
import { WeddingsSlotsService } from './weddings-slots.service.js';
import { WeddingsStaffService } from './weddings-staff.service.js';

/** Civil weddings (el. §§ 12, 12 a): configuration, public booking with holds, the staff's side, the couple's e-mails. */
@Module({
  imports: [MailModule, MunicipalitiesModule, PdfModule],
  controllers: [WeddingsController, WeddingsOfficiantController, PublicWeddingsController, WeddingsRecordsController],
  providers: [WeddingsSetupService, WeddingsSlotsService, WeddingsBookingService, WeddingsStaffService, WeddingsMailJobs, WeddingsRecordsService, WeddingsRetention, WeddingsDocumentsService, WeddingsOfficiantService],
})
export class WeddingsModule {}
