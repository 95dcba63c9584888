import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
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

  it('queues a job in the transaction of the change that causes it: gone if it rolls back, there once it commits', async () => {
    const jobs = t.app.get(JobsService);
    const [municipality] = await t.orm.em.fork().getConnection().execute<{ id: string }[]>('select id from municipality limit 1');
    const municipalityId = municipality!.id;
    const count = async (id: string) => (await t.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from pgboss.job where id = ?', [id]))[0]!.n;
    const scope = { municipalityId, actor: SYSTEM_ACTOR };
    let rolledBack = '';
    await expect(
      runInTenant(t.orm, scope, async () => {
        rolledBack = await jobs.send(PURGE_SESSIONS, {});
        // Not visible to anyone else before the commit; the transaction is still the application role.
        expect(await count(rolledBack)).toBe(0);
        const [role] = await t.orm.em.execute<{ role: string }[]>(`select current_setting('role') as role`);
        expect(role!.role).toBe('sekretariat_app');
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(rolledBack).not.toBe('');
    expect(await count(rolledBack)).toBe(0);

    const committed = await runInTenant(t.orm, scope, () => jobs.send(PURGE_SESSIONS, {}));
    expect(await count(committed)).toBe(1);
  });
});
