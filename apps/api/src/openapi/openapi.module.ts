import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OpenApiController } from './openapi.controller.js';
import { RouteTable } from './route-table.js';

@Module({ imports: [DiscoveryModule], controllers: [OpenApiController], providers: [RouteTable], exports: [RouteTable] })
export class OpenApiModule {}
