import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { PdfModule } from '../pdf/pdf.module.js';
import { BodiesController } from './bodies.controller.js';
import { BodiesService } from './bodies.service.js';
import { MembersPdfService } from './members-pdf.service.js';
import { PublicBodiesController } from './public-bodies.controller.js';

@Module({
  imports: [PdfModule, MunicipalitiesModule],
  controllers: [BodiesController, PublicBodiesController],
  providers: [BodiesService, MembersPdfService],
})
export class BodiesModule {}
