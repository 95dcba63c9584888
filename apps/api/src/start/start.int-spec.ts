import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SecretariatStart } from '@sekretariat/contracts';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * The secretariat's start page (GET /api/start/secretariat): a meeting to notice, a noticed one
 * with a substitute asked and not answered, a held one whose protocol is due, a case on no agenda.
 */
describe('start page for the secretariat', () => {
  let t: TestApp;
  let cookie: string;
  const ids: Record<string, string> = {};
  const sql = (query: string, params: unknown[] = []) => t.orm.em.fork().execute(query, params);
  const ok = async <T>(method: 'GET' | 'POST', url: string, payload?: object): Promise<T> => {
    const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  };
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

  beforeAll(async () => {
    t = await createTestApp('start');
    cookie = await t.login('sekretariat');
    const bodies = await ok<{ items: { id: string; kind: string }[] }>('GET', '/api/bodies');
    const bodyId = bodies.items.find((b) => b.kind === 'formannskap')!.id;
    const newCase = (n: number) => ok<{ id: string }>('POST', '/api/cases', { archiveReference: `26/90${n}`, title: `Startsak ${n}` });
    ids['waiting'] = (await newCase(1)).id;
    const onAgenda = await newCase(2);
    ids['planned'] = (await ok<{ id: string }>('POST', `/api/bodies/${bodyId}/meetings`, { startsAt: inDays(10), place: 'Rådhuset' })).id;
    await ok('POST', `/api/meetings/${ids['planned']}/items`, { caseId: onAgenda.id });
    ids['noticed'] = (await ok<{ id: string }>('POST', `/api/bodies/${bodyId}/meetings`, { startsAt: inDays(5), place: 'Rådhuset' })).id;
    await ok('POST', `/api/meetings/${ids['noticed']}/publish`);
    const [member] = (await sql(`select person_id from membership where body_id = ? and kind = 'member' order by person_id limit 1`, [bodyId])) as { person_id: string }[];
    await ok('POST', `/api/meetings/${ids['noticed']}/absences`, { personId: member!.person_id, reason: 'Jobbreise' });
    ids['held'] = (await ok<{ id: string }>('POST', `/api/bodies/${bodyId}/meetings`, { startsAt: inDays(3), place: 'Rådhuset' })).id;
    await ok('POST', `/api/meetings/${ids['held']}/publish`);
    await sql(`update meeting set starts_at = now() - interval '2 days', ends_at = null where id = ?`, [ids['held']]);
    await ok('POST', `/api/meetings/${ids['held']}/status`, { status: 'held' });
    // Over and far ahead: not on the page.
    ids['far'] = (await ok<{ id: string }>('POST', `/api/bodies/${bodyId}/meetings`, { startsAt: inDays(200), place: 'Rådhuset' })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the meetings by what is due, in time order, the cases on no agenda and the substitutes not answered', async () => {
    const start = await ok<SecretariatStart>('GET', '/api/start/secretariat');
    const mine = start.meetings.filter((m) => Object.values(ids).includes(m.id));
    expect(mine.map((m) => [m.id, m.task])).toEqual([
      [ids['held'], 'minutes_due'],
      [ids['noticed'], 'notice_sent'],
      [ids['planned'], 'notice_due'],
    ]);
    expect(mine.find((m) => m.id === ids['planned'])).toMatchObject({ bodyName: 'Formannskapet', itemCount: 1, status: 'planned' });
    expect(start.casesWaiting.map((c) => c.title)).toContain('Startsak 1');
    expect(start.casesWaiting.map((c) => c.title)).not.toContain('Startsak 2');
    const pending = start.pendingSubstitutes.filter((s) => s.meetingId === ids['noticed']);
    expect(pending).toHaveLength(1);
    expect(pending[0]!.name).toMatch(/\S+ \S+/);
    expect(pending[0]!.bodyName).toBe('Formannskapet');
  });

  it('is for the secretariat and the admin only', async () => {
    for (const username of ['politiker', 'valgmedarbeider', 'vigsel']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/start/secretariat', headers: { cookie: await t.login(username) } });
      expect({ username, status: res.statusCode }).toEqual({ username, status: 403 });
    }
    const admin = await t.app.inject({ method: 'GET', url: '/api/start/secretariat', headers: { cookie: await t.login('admin') } });
    expect(admin.statusCode).toBe(200);
  });
});
