import { Controller, Get, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CurrentMunicipalityResponse, type MunicipalityRef } from '@sekretariat/contracts';
import { Allow } from '../common/access/allow.decorator.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { MunicipalitiesService } from './municipalities.service.js';

@Controller('municipalities')
export class MunicipalitiesController {
  constructor(private readonly municipalities: MunicipalitiesService) {}

  @Get('current')
  @Allow('public')
  @ApiRoute({ summary: 'The municipality this host name serves', response: CurrentMunicipalityResponse })
  current(@Req() request: FastifyRequest): Promise<MunicipalityRef> {
    return this.municipalities.forHost(request.hostname);
  }
}
