import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../create-app.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/** Two API processes on one database (as behind a load balancer) share the sign-in limit. */
describe('the sign-in rate limit across API instances', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  beforeAll(async () => {
    t = await createTestApp('rate_limit', { env: { LOGIN_RATE_LIMIT: '3' } });
    second = (await createApp(t.config, t.db.url, { bufferLogs: false })).app;
    await second.init();
    await second.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const attempt = (app: NestFastifyApplication, remoteAddress: string, username = 'admin') =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'feil' }, remoteAddress }).then((r) => r.statusCode);

  it('counts attempts on either instance together', async () => {
    const statuses = [];
    for (const app of [t.app, second, t.app, second, t.app]) statuses.push(await attempt(app, '10.1.1.1'));
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Another client is counted on its own.
    expect(await attempt(second, '10.1.1.2')).toBe(401);
    // So is another user behind the same address (colleagues behind the town hall's NAT), and
    // the name is counted without regard to case or spaces.
    expect(await attempt(t.app, '10.1.1.1', 'sekretariat')).toBe(401);
    expect(await attempt(t.app, '10.1.1.1', ' ADMIN ')).toBe(429);
  });

  it('never lets more than the limit through when attempts race on both instances', async () => {
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(i % 2 ? t.app : second, '10.1.1.3')));
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(17);
  });

  it('starts a new window when the old one has ended', async () => {
    await t.orm.em.fork().getConnection().execute(`update rate_limit set window_ends_at = now() - interval '1 second', blocked_until = now() - interval '1 second'`);
    expect(await attempt(t.app, '10.1.1.1')).toBe(401);
  });
});
