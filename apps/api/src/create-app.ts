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
  await app.register(fastifyCookie);
  // Uploads (case documents) read their parts in the route, within DOCUMENT_MAX_BYTES.
  await app.register(fastifyMultipart, { limits: { fileSize: config.DOCUMENT_MAX_BYTES, files: 1, fields: 10, fieldSize: 10_000 } });

  const webDist = fromRepoRoot(config.WEB_DIST ?? 'apps/web/dist/web/browser');
  const indexPath = path.join(webDist, 'index.html');
  const indexHtml = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null;
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
  // The API takes JSON only (and multipart for uploads): no HTML form can post to it cross-site.
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api') || request.method === 'GET' || request.method === 'HEAD') return;
    const type = request.headers['content-type'];
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'];
    if (!hasBody || !type || /^application\/json\b|^multipart\/form-data\b|^(text|application)\/csv\b/i.test(type)) return;
    await reply.status(415).send({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Innholdstypen støttes ikke. Send JSON (application/json).',
      requestId: request.id,
    });
  });
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    if (request.url.startsWith('/api')) void reply.header('cache-control', 'no-store');
  });
  return { app, orm };
}
