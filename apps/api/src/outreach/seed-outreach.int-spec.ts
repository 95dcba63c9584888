import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedDemoElection } from '../elections/seed-election.js';
import { runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { seedDemoOutreach } from './seed-outreach.js';

/** The demo's outreach data: what a newcomer signed in as valgmedarbeider finds. */
describe('outreach demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('outreach-seed');
  });
  afterAll(async () => {
    await t.close();
  });

  it('has institutions, a session, applications and today’s route with two officials, none overlapping', async () => {
    const m = (await t.orm.em.fork().getConnection().execute<{ id: string; number: string }[]>(`select id, number from municipality where slug = 'demo'`))[0]!;
    await runInTenant(t.orm, { municipalityId: m.id, actor: SYSTEM_ACTOR }, async (tx) => {
      await seedDemoElection(tx, m);
      await seedDemoOutreach(tx, m.id);
    });
    const [row] = await t.orm.em.fork().getConnection().execute<Record<string, number>[]>(
      `select (select count(*)::int from outreach_institution) as institutions, (select count(*)::int from outreach_session) as sessions,
              (select count(*)::int from outreach_application) as applications, (select count(*)::int from outreach_application where status = 'approved') as approved,
              (select count(*)::int from outreach_stop where claim = 'open') as stops, (select count(*)::int from outreach_assignment) as assignments,
              (select count(*)::int from app_user where username = 'valgmedarbeider2' and roles = '{election_staff}') as second`,
    );
    expect(row).toEqual({ institutions: 3, sessions: 1, applications: 5, approved: 3, stops: 2, assignments: 4, second: 1 });
    const cookie = await t.login('valgmedarbeider');
    const elections = (await t.app.inject({ url: '/api/elections', headers: { cookie } })).json<{ items: { id: string }[] }>().items;
    const routes = (await t.app.inject({ url: `/api/outreach/elections/${elections[0]!.id}/routes`, headers: { cookie } })).json<{ items: { stops: unknown[]; officials: unknown[] }[] }>().items;
    expect(routes.map((r) => [r.stops.length, r.officials.length])).toEqual([[2, 2]]);
    // Log in as the second official with the demo password.
    expect(await t.login('valgmedarbeider2')).toBeTruthy();
  });
});
