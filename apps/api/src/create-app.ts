import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { MikroORM } from '@mikro-orm/postgresql';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { ApiExceptionFilter } from './common/http/exception.filter.js';
import { registerSecurityHeaders } from './common/http/security-headers.js';
import { guardStateChanges } from './common/http/state-changes.js';
import { refuseBadText } from './common/http/text-input.js';
import { requestIdFor } from './common/logging/logging.module.js';
import { fromRepoRoot } from './common/paths.js';
import type { Config } from './config/config.js';
import { ormOptions } from './database/orm-options.js';
import { ROLL_UPLOAD_MAX_BYTES } from './elections/roll-format.js';

export interface CreatedApp {
  app: NestFastifyApplication;
  orm: MikroORM;
}

/** Builds the HTTP application on a database URL: API under /api, the web app at /. */
export async function createApp(config: Config, databaseUrl: string, options: { bufferLogs?: boolean } = {}): Promise<CreatedApp> {
  const orm = await MikroORM.init(ormOptions(databaseUrl, { poolMax: config.DB_POOL_MAX }));
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    genReqId: requestIdFor,
    trustProxy: config.TRUST_PROXY,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, orm, databaseUrl), adapter, {
    bufferLogs: options.bufferLogs ?? true,
    abortOnError: false,
    logger: config.LOG_LEVEL === 'silent' ? false : undefined,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  const webDist = fromRepoRoot(config.WEB_DIST ?? 'apps/web/dist/web/browser');
  const indexPath = path.join(webDist, 'index.html');
  const indexHtml = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null;
  await app.register(fastifyCookie);
  // CSP (the web app's; a sandbox for everything under /api), frame protection and the other hardening headers.
  await registerSecurityHeaders(app, config, indexHtml);
  // Uploads (case documents) read their parts in the route, within DOCUMENT_MAX_BYTES.
  await app.register(fastifyMultipart, { limits: { fileSize: config.DOCUMENT_MAX_BYTES, files: 1, fields: 10, fieldSize: 10_000 } });

  if (indexHtml) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      // Angular's bundles have content hashes in their names; texts and icons do not.
      setHeaders: (res, file) => {
        const hashed = /-[A-Z0-9]{8}\.(js|css)$/.test(file);
        void res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.useGlobalFilters(new ApiExceptionFilter(indexHtml));
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  // CSV files for imports arrive as they are (the import decodes UTF-8 or Windows-1252 itself).
  fastify.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'buffer', bodyLimit: ROLL_UPLOAD_MAX_BYTES }, (_req, body, done) => {
    done(null, body);
  });
  // State changes only from the site's own pages, each route with its one content type (JSON unless it says otherwise).
  guardStateChanges(app, config);
  refuseBadText(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    // Routes that may be cached (published documents with an ETag) say so themselves.
    if (request.url.startsWith('/api') && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
  });
  return { app, orm };
}
