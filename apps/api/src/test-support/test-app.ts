import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { InjectOptions } from 'fastify';
import type { MikroORM } from '@mikro-orm/postgresql';
import { parseConfig, type Config } from '../config/config.js';
import { createApp } from '../create-app.js';
import { seedMunicipality } from '../database/seed/seed-municipality.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const TEST_PASSWORD = 'test-passord-1';

export interface TestApp {
  app: NestFastifyApplication;
  orm: MikroORM;
  db: TestDatabase;
  config: Config;
  close(): Promise<void>;
  /** Signs in and returns the cookie header to send. */
  login(username: string, password?: string): Promise<string>;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * `app.inject` as the web app calls the API: a POST, PUT, PATCH or DELETE that names no content
 * type is sent as application/json, also without a body (the API refuses it otherwise, see
 * common/http/state-changes.ts). For a request exactly as given, use the Fastify instance's own
 * `inject` (`app.getHttpAdapter().getInstance().inject`).
 */
function sendJsonTypeByDefault(app: NestFastifyApplication): NestFastifyApplication {
  const inject = app.inject.bind(app);
  const injectJson = ((options?: InjectOptions | string) => {
    if (options === undefined || typeof options === 'string') return inject(options as InjectOptions);
    const headers = options.headers ?? {};
    const named = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
    if (named || !STATE_CHANGING.has(String(options.method ?? 'GET').toUpperCase())) return inject(options);
    return inject({ ...options, headers: { ...headers, 'content-type': 'application/json' } });
  }) as NestFastifyApplication['inject'];
  // Nest's application object is a proxy that refuses new properties: wrap it in one more.
  return new Proxy(app, { get: (target, property, receiver) => (property === 'inject' ? injectJson : Reflect.get(target, property, receiver)) });
}

/**
 * The whole application on a database of its own, with municipalities seeded. `inject` sends
 * requests through Fastify without a network socket.
 */
export async function createTestApp(
  label: string,
  options: { env?: Record<string, string>; municipalities?: { slug: string; name: string; number: string; userPrefix?: string }[] } = {},
): Promise<TestApp> {
  const db = await createTestDatabase(label);
  const municipalities = options.municipalities ?? [{ slug: 'demo', name: 'Fjordvik kommune', number: '9901' }];
  let seed = 1;
  for (const m of municipalities) await seedMunicipality(db.orm, { ...m, password: TEST_PASSWORD, seed: seed++ });
  const config = parseConfig({ LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent', JOBS_IN_PROCESS: 'false', PDF_POOL_SIZE: '2', ...options.env });
  const created = await createApp(config, db.url, { bufferLogs: false });
  const { orm } = created;
  const app = sendJsonTypeByDefault(created.app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    orm,
    db,
    config,
    close: async () => {
      await app.close();
      await db.drop();
    },
    login: async (username, password = TEST_PASSWORD) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'sekretariat_sid');
      if (!cookie) throw new Error('no session cookie');
      return `sekretariat_sid=${cookie.value}`;
    },
  };
}
