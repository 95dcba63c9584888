import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { APP_ROLE } from '../core/tenant.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/** Two municipalities in one installation: nothing crosses between them. */
describe('several municipalities', () => {
  let t: TestApp;
  let cookieA: string;
  let cookieB: string;
  let bodiesA: { id: string; name: string }[];
  let bodiesB: { id: string; name: string }[];

  beforeAll(async () => {
    t = await createTestApp('tenancy', {
      municipalities: [
        { slug: 'nordvik', name: 'Nordvik kommune', number: '9902', userPrefix: 'a.' },
        { slug: 'sorvik', name: 'Sørvik kommune', number: '9903', userPrefix: 'b.' },
      ],
    });
    cookieA = await t.login('a.sekretariat');
    cookieB = await t.login('b.sekretariat');
    bodiesA = (await t.app.inject({ url: '/api/bodies', headers: { cookie: cookieA } })).json().items;
    bodiesB = (await t.app.inject({ url: '/api/bodies', headers: { cookie: cookieB } })).json().items;
  });
  afterAll(async () => {
    await t.close();
  });

  it('each user sees only their own municipality', async () => {
    expect(bodiesA).toHaveLength(4);
    expect(bodiesB).toHaveLength(4);
    const idsA = new Set(bodiesA.map((b) => b.id));
    expect(bodiesB.some((b) => idsA.has(b.id))).toBe(false);
    const me = (await t.app.inject({ url: '/api/auth/me', headers: { cookie: cookieB } })).json();
    expect(me.user.municipality.name).toBe('Sørvik kommune');
  });

  it("refuses reading another municipality's body, its members and its PDF by id", async () => {
    const foreign = bodiesB[0]!.id;
    for (const url of [`/api/bodies/${foreign}`, `/api/bodies/${foreign}/members.pdf`]) {
      const res = await t.app.inject({ url, headers: { cookie: cookieA } });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    // Through the public pages of municipality A, B's body does not exist either.
    expect((await t.app.inject({ url: `/api/public/nordvik/bodies/${foreign}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/public/nordvik/bodies/${foreign}/members.pdf` })).statusCode).toBe(404);
  });

  it('public pages are per municipality', async () => {
    const a = (await t.app.inject({ url: '/api/public/nordvik/bodies' })).json().items;
    const b = (await t.app.inject({ url: '/api/public/sorvik/bodies' })).json().items;
    expect(a.map((x: { id: string }) => x.id).sort()).toEqual(bodiesA.map((x) => x.id).sort());
    expect(b.map((x: { id: string }) => x.id).sort()).toEqual(bodiesB.map((x) => x.id).sort());
    expect((await t.app.inject({ url: '/api/public/ukjent/bodies' })).statusCode).toBe(404);
  });

  it("a member PDF contains only its own municipality's people", async () => {
    const ks = bodiesA.find((b) => b.name === 'Kommunestyret')!;
    const detailB = (await t.app.inject({ url: `/api/bodies/${bodiesB.find((b) => b.name === 'Kommunestyret')!.id}`, headers: { cookie: cookieB } })).json();
    const pdf = await t.app.inject({ url: `/api/bodies/${ks.id}/members.pdf`, headers: { cookie: cookieA } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(path.join(tmpdir(), 'sek-pdf-'));
    const file = path.join(dir, 'a.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Nordvik kommune');
    expect(text).not.toContain('Sørvik');
    const namesOnlyInB = detailB.members.map((m: { name: string }) => m.name).filter((n: string) => !text.includes(n));
    expect(namesOnlyInB.length).toBeGreaterThan(0); // B's names that A's PDF does not have
  });

  it('row-level security holds beneath the application, for reads and writes', async () => {
    const [a, b] = await Promise.all(['nordvik', 'sorvik'].map((slug) => t.orm.em.fork().getConnection().execute<{ id: string }[]>('select id from municipality where slug = ?', [slug])));
    const conn = t.orm.em.fork().getConnection();
    const asTenant = async (municipalityId: string, sql: string, params: unknown[] = []) =>
      t.orm.em.fork().transactional(async (em) => {
        await em.execute(`select set_config('role', '${APP_ROLE}', true), set_config('app.municipality_id', ?, true)`, [municipalityId]);
        return em.execute<Record<string, unknown>[]>(sql, params);
      });
    const all = await conn.execute<{ n: number }[]>('select count(*)::int as n from body');
    expect(all[0]!.n).toBe(8);
    const seen = await asTenant(a![0]!.id, 'select count(*)::int as n, count(distinct municipality_id)::int as m from body');
    expect(seen[0]).toEqual({ n: 4, m: 1 });
    // Without a municipality the application role sees nothing.
    const none = await t.orm.em.fork().transactional(async (em) => {
      await em.execute(`select set_config('role', '${APP_ROLE}', true)`);
      return em.execute<{ n: number }[]>('select count(*)::int as n from person');
    });
    expect(none[0]!.n).toBe(0);
    // Writing a row for another municipality is refused by the policy's WITH CHECK.
    await expect(
      asTenant(a![0]!.id, `insert into party (id, municipality_id, name, short_name) values (gen_random_uuid(), ?, 'X', 'X')`, [b![0]!.id]),
    ).rejects.toThrow(/row-level security/);
    // Updating another municipality's rows changes nothing.
    const upd = await asTenant(a![0]!.id, `update body set name = 'Kapret' where municipality_id = ? returning id`, [b![0]!.id]);
    expect(upd).toHaveLength(0);
  });

  it('the audit log is per municipality', async () => {
    const auditA = await t.orm.em.fork().getConnection().execute<{ n: number }[]>(
      `select count(distinct municipality_id)::int as n from audit_log where actor_name like 'a.%'`,
    );
    expect(auditA[0]!.n).toBe(1);
  });
});
