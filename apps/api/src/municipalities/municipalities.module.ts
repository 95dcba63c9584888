import { Global, Module } from '@nestjs/common';
import { MunicipalitiesController } from './municipalities.controller.js';
import { MunicipalitiesService } from './municipalities.service.js';

@Global()
@Module({ controllers: [MunicipalitiesController], providers: [MunicipalitiesService], exports: [MunicipalitiesService] })
export class MunicipalitiesModule {}
