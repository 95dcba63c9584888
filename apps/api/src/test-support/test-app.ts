import type { NestFastifyApplication } from '@nestjs/platform-fastify';
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
  const { app, orm } = await createApp(config, db.url, { bufferLogs: false });
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
