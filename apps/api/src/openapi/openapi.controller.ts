import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Allow } from '../common/access/allow.decorator.js';
import { buildOpenApi } from './openapi.js';
import { RouteTable } from './route-table.js';

/** Swagger UI's files, served by the API itself (no CDN); read once. */
const SWAGGER_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const asset = (name: string) => readFileSync(path.join(SWAGGER_DIR, name));

/** The page: its scripts are files of the site (the API reference keeps the site's CSP, script-src 'self'). */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sekretariat API</title><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><main id="swagger-ui"></main>
<script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>
`;
const INIT = "window.ui = SwaggerUIBundle({ url: '/api/docs/openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n";

/** The API reference: an interactive page (Swagger UI) at /api/docs, the OpenAPI document at /api/docs/openapi.json. */
@Controller('docs')
@Allow('public')
export class OpenApiController {
  private document?: Record<string, unknown>;
  private files?: { css: Buffer; js: Buffer };

  constructor(private readonly routes: RouteTable) {}

  @Get()
  page(@Res({ passthrough: true }) reply: FastifyReply): string {
    void reply.type('text/html; charset=utf-8');
    return PAGE;
  }

  @Get('openapi.json')
  openapi(): Record<string, unknown> {
    this.document ??= buildOpenApi(this.routes.routes(), { title: 'Sekretariat', version: '0.1.0' });
    return this.document;
  }

  @Get('init.js')
  init(@Res({ passthrough: true }) reply: FastifyReply): string {
    void reply.type('text/javascript; charset=utf-8');
    return INIT;
  }

  @Get('swagger-ui.css')
  css(@Res({ passthrough: true }) reply: FastifyReply): Buffer {
    void reply.type('text/css; charset=utf-8');
    return this.assets().css;
  }

  @Get('swagger-ui-bundle.js')
  js(@Res({ passthrough: true }) reply: FastifyReply): Buffer {
    void reply.type('text/javascript; charset=utf-8');
    return this.assets().js;
  }

  private assets(): { css: Buffer; js: Buffer } {
    this.files ??= { css: asset('swagger-ui.css'), js: asset('swagger-ui-bundle.js') };
    return this.files;
  }
}
