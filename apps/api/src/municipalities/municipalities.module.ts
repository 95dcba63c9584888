import { Global, Module } from '@nestjs/common';
import { MunicipalitiesController } from './municipalities.controller.js';
import { MunicipalitiesService } from './municipalities.service.js';
import { MunicipalitySettingsController } from './municipality-settings.controller.js';
import { MunicipalitySettingsService } from './municipality-settings.service.js';

@Global()
@Module({
  controllers: [MunicipalitiesController, MunicipalitySettingsController],
  providers: [MunicipalitiesService, MunicipalitySettingsService],
  exports: [MunicipalitiesService, MunicipalitySettingsService],
})
export class MunicipalitiesModule {}
