import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedDemoElection } from '../elections/seed-election.js';
import { runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { OutreachRetentionJob } from './outreach-retention.job.js';
import { seedDemoOutreach } from './seed-outreach.js';

/**
 * Retention of outreach voting on PostgreSQL: nothing goes while the election's roll is kept; once
 * the elections' retention has purged the election, its applications, routes and stops go, the
 * institutions, sessions and votes stay, one audit row keeps the counts, and a second run changes
 * nothing.
 */
describe('outreach retention follows the election’s purge', () => {
  let t: TestApp;
  let electionId: string;
  const sql = <T extends object>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T>(query, params);
  const counts = async () =>
    (
      await sql<Record<string, number>[]>(
        `select (select count(*)::int from outreach_application) as applications, (select count(*)::int from outreach_route) as routes,
                (select count(*)::int from outreach_stop) as stops, (select count(*)::int from outreach_institution) as institutions,
                (select count(*)::int from outreach_session) as sessions,
                (select count(*)::int from outreach_assignment where session_id is not null) as sessionOfficials,
                (select count(*)::int from advance_vote) as votes`,
      )
    )[0]!;

  beforeAll(async () => {
    t = await createTestApp('outreach-retention');
    const m = (await sql<{ id: string; number: string }[]>(`select id, number from municipality where slug = 'demo'`))[0]!;
    await runInTenant(t.orm, { municipalityId: m.id, actor: SYSTEM_ACTOR }, async (tx) => {
      await seedDemoElection(tx, m);
      await seedDemoOutreach(tx, m.id);
    });
    electionId = (await sql<{ election_id: string }[]>(`select distinct election_id from outreach_application`))[0]!.election_id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps everything while the election is not purged', async () => {
    const before = await counts();
    expect(before.applications).toBeGreaterThan(0);
    expect(before.stops).toBeGreaterThan(0);
    expect(await t.app.get(OutreachRetentionJob).run()).toEqual({ elections: 0, applications: 0, routes: 0, stops: 0, marks: 0 });
    expect(await counts()).toEqual(before);
  });

  it('deletes the voters’ data of a purged election and keeps institutions, sessions and votes; again changes nothing', async () => {
    const before = await counts();
    const byStatus = await sql<{ status: string; n: number }[]>(
      `select status, count(*)::int as n from outreach_application group by status order by status`,
    );
    await sql(`update election set purged_at = now() where id = ?`, [electionId]);

    const result = await t.app.get(OutreachRetentionJob).run();
    expect(result).toMatchObject({ elections: 1, applications: before.applications, routes: before.routes, stops: before.stops });
    expect(await counts()).toEqual({
      ...before,
      applications: 0,
      routes: 0,
      stops: 0,
    });
    const audit = await sql<{ after: { applications: number; applicationsByStatus: Record<string, number> } }[]>(
      `select after from audit_log where action = 'outreach.purge' and entity_id = ?`,
      [electionId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after.applications).toBe(before.applications);
    expect(audit[0]!.after.applicationsByStatus).toEqual(Object.fromEntries(byStatus.map((s) => [s.status, s.n])));

    expect(await t.app.get(OutreachRetentionJob).run()).toEqual({ elections: 0, applications: 0, routes: 0, stops: 0, marks: 0 });
    expect(await sql(`select 1 from audit_log where action = 'outreach.purge'`)).toHaveLength(1);
  });
});
