import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { JobsService } from './jobs.service.js';
import { PURGE_SESSIONS } from './session-cleanup.job.js';

describe('jobs on pg-boss', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('jobs');
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs a queued job in the same PostgreSQL', async () => {
    await t.login('admin');
    await t.orm.em.fork().getConnection().execute(`update app_session set expires_at = now() - interval '1 hour'`);
    const jobs = t.app.get(JobsService);
    await jobs.startWorking();
    const id = await jobs.send(PURGE_SESSIONS, {});
    let state: string | undefined;
    for (let i = 0; i < 200 && state !== 'completed' && state !== 'failed'; i++) {
      state = await jobs.state(PURGE_SESSIONS, id);
      if (state !== 'completed') await new Promise((r) => setTimeout(r, 50));
    }
    expect(state).toBe('completed');
    const left = await t.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from app_session');
    expect(left[0]!.n).toBe(0);
  });
});
