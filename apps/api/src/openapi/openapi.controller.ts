import { Controller, Get } from '@nestjs/common';
import { Allow } from '../common/access/allow.decorator.js';
import { buildOpenApi } from './openapi.js';
import { RouteTable } from './route-table.js';

@Controller('docs')
export class OpenApiController {
  private document?: Record<string, unknown>;

  constructor(private readonly routes: RouteTable) {}

  @Get()
  @Allow('public')
  openapi(): Record<string, unknown> {
    this.document ??= buildOpenApi(this.routes.routes(), { title: 'Sekretariat', version: '0.1.0' });
    return this.document;
  }
}
