import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { PdfModule } from '../pdf/pdf.module.js';
import { BodiesController } from './bodies.controller.js';
import { BodiesService } from './bodies.service.js';
import { GrantsService } from './grants.service.js';
import { ImportService } from './import.service.js';
import { MembersPdfService } from './members-pdf.service.js';
import { MembershipsService } from './memberships.service.js';
import { PeopleService } from './people.service.js';
import { PopoloController } from './popolo.controller.js';
import { PopoloService } from './popolo.service.js';
import { PublicBodiesController } from './public-bodies.controller.js';
import { RegisterController } from './register.controller.js';

/** Councils and committees: bodies, people, parties, memberships, substitutes, grants, open data. */
@Module({
  imports: [PdfModule, MunicipalitiesModule],
  controllers: [BodiesController, PublicBodiesController, RegisterController, PopoloController],
  providers: [BodiesService, MembersPdfService, MembershipsService, PeopleService, ImportService, GrantsService, PopoloService],
  exports: [MembershipsService],
})
export class BodiesModule {}
