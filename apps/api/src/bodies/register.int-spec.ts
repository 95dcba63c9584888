import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/** The register of bodies against a real PostgreSQL: history, rules, leave, substitutes, grants. */
describe('register of bodies', () => {
  let t: TestApp;
  let cookie: string;
  let bodyId: string;
  const party: Record<string, string> = {};
  const person: Record<string, string> = {};

  const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, c = cookie) => {
    const res = await t.app.inject({ method, url, headers: { cookie: c }, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, body: res.headers['content-type']?.includes('json') ? res.json() : res.body, headers: res.headers };
  };
  const addPerson = async (givenName: string, gender: 'female' | 'male', p: string) => {
    const r = await api('POST', '/api/people', { givenName, familyName: 'Testesen', gender, partyId: party[p] });
    expect(r.status).toBe(201);
    person[givenName] = r.body.id;
  };
  const seat = (name: string, p: string, kind: 'member' | 'substitute', rank: number | null = null, from = '2023-10-01') =>
    api('POST', `/api/bodies/${bodyId}/memberships`, { personId: person[name], partyId: party[p], kind, rank, from });

  beforeAll(async () => {
    t = await createTestApp('register');
    cookie = await t.login('sekretariat');
    for (const p of (await api('GET', '/api/parties')).body.items) party[p.shortName] = p.id;
    const created = await api('POST', '/api/bodies', {
      name: 'Utvalg for helse og omsorg',
      nameNn: 'Utval for helse og omsorg',
      kind: 'utvalg',
      seats: 3,
      termFrom: '2023-10-01',
      termTo: '2027-09-30',
      delegation: 'Avgjør saker om helse og omsorg innenfor budsjettet.',
    });
    expect(created.status).toBe(201);
    bodyId = created.body.id;
    for (const [n, g, p] of [['Anne', 'female', 'Ap'], ['Bjørn', 'male', 'Ap'], ['Cecilie', 'female', 'H'], ['Dag', 'male', 'Ap'], ['Eva', 'female', 'Ap'], ['Finn', 'male', 'H']] as const) {
      await addPerson(n, g, p);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('seats members and ranked substitutes, and refuses gaps, overlaps and a full body', async () => {
    expect((await seat('Anne', 'Ap', 'member')).status).toBe(201);
    expect((await seat('Bjørn', 'Ap', 'member')).status).toBe(201);
    expect((await seat('Cecilie', 'H', 'member')).status).toBe(201);
    expect((await seat('Dag', 'Ap', 'substitute', 1)).status).toBe(201);

    const gap = await seat('Eva', 'Ap', 'substitute', 3);
    expect(gap.status).toBe(400);
    expect(gap.body).toMatchObject({ code: 'RANK_GAP', fields: [{ path: 'rank', message: 'Neste ledige nummer er 2.' }] });
    expect(gap.body.message).toBe('Varalista for Ap mangler nr. 2 (hopper til 3).');
    expect((await seat('Eva', 'Ap', 'substitute', 2)).status).toBe(201);

    const overlap = await seat('Anne', 'Ap', 'substitute', 3);
    expect(overlap.status).toBe(409);
    expect(overlap.body.code).toBe('MEMBERSHIP_OVERLAP');

    const full = await seat('Finn', 'H', 'member');
    expect(full.body.code).toBe('BODY_FULL');
    expect((await seat('Finn', 'H', 'substitute', 1)).status).toBe(201);

    const endBeforeStart = await api('POST', `/api/bodies/${bodyId}/memberships`, { personId: person['Finn'], kind: 'member', from: '2024-01-01', to: '2023-01-01' });
    expect(endBeforeStart.status).toBe(400);
    expect(endBeforeStart.body.fields).toEqual([{ path: 'to', message: 'Slutt kan ikke være før start.' }]);
  });

  it('never lets two concurrent requests seat one person twice', async () => {
    await addPerson('Gunn', 'female', 'H');
    const results = await Promise.all(Array.from({ length: 6 }, () => seat('Gunn', 'H', 'substitute', 2)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status !== 201).every((r) => ['MEMBERSHIP_OVERLAP', 'RANK_GAP', 'CONFLICT'].includes(r.body.code))).toBe(true);
  });

  it('proposes the next substitute of the absent member’s list, and explains', async () => {
    const p = await api('GET', `/api/bodies/${bodyId}/substitute-proposal?personId=${person['Bjørn']}`);
    expect(p.status).toBe(200);
    expect(p.body.substitute.name).toBe('Dag Testesen');
    const skipDag = await api('GET', `/api/bodies/${bodyId}/substitute-proposal?personId=${person['Bjørn']}&unavailable=${person['Dag']}`);
    expect(skipDag.body.substitute.name).toBe('Eva Testesen');
    expect(skipDag.body.explanation).toContain('1. Dag Testesen har meldt forfall');
  });

  it('moves the substitute up during leave, and keeps it in the history', async () => {
    const history = (await api('GET', `/api/bodies/${bodyId}/history`)).body.items;
    const bjorn = history.find((h: { name: string }) => h.name === 'Bjørn Testesen');
    const leave = await api('POST', `/api/memberships/${bjorn.membershipId}/leaves`, {
      kind: 'leave', from: '2025-01-01', to: '2025-06-30', reason: 'Foreldrepermisjon', decisionRef: 'PS 3/25',
    });
    expect(leave.status).toBe(201);
    const during = (await api('GET', `/api/bodies/${bodyId}/overview?date=2025-03-01`)).body;
    expect(during.actingMembers).toEqual([expect.objectContaining({ name: 'Dag Testesen', forName: 'Bjørn Testesen' })]);
    const after = (await api('GET', `/api/bodies/${bodyId}/overview?date=2025-07-01`)).body;
    expect(after.actingMembers).toEqual([]);
    const overlapping = await api('POST', `/api/memberships/${bjorn.membershipId}/leaves`, { kind: 'leave', from: '2025-06-01', to: '2025-08-01', reason: 'x' });
    expect(overlapping.body.code).toBe('LEAVE_OVERLAP');
    const again = (await api('GET', `/api/bodies/${bodyId}/history`)).body.items.find((h: { name: string }) => h.name === 'Bjørn Testesen');
    expect(again.leaves).toEqual([expect.objectContaining({ kind: 'leave', reason: 'Foreldrepermisjon', decisionRef: 'PS 3/25' })]);
  });

  it('reports gender balance with the numbers, per list under proportional election, not for the kommunestyre', async () => {
    const o = (await api('GET', `/api/bodies/${bodyId}/overview`)).body;
    expect(o).toMatchObject({ electionMethod: 'forholdsvalg', genderBalance: { applies: 'required' } });
    const members = o.genderBalance.checks.filter((c: { kind: string; list: string | null }) => c.kind === 'member' && c.list !== null);
    expect(members.reduce((s: number, c: { total: number }) => s + c.total, 0)).toBe(3);
    expect(o.genderBalance.checks.map((c: { group: string }) => c.group)).not.toContain('member');
    expect(members[0]).toMatchObject({ code: expect.stringMatching(/^GENDER_BALANCE_(MET|SHORT)$/), female: expect.any(Number), male: expect.any(Number), required: expect.any(Number) });
    expect(members[0]).not.toHaveProperty('message');
    const bodies = (await api('GET', '/api/bodies')).body.items as { id: string; kind: string }[];
    const council = (await api('GET', `/api/bodies/${bodies.find((b) => b.kind === 'kommunestyre')!.id}/overview`)).body;
    expect(council.genderBalance).toEqual({ applies: 'not_applicable', ok: true, checks: [] });
  });

  it('ends a membership for good, prompts for the next substitute, and keeps it in the history', async () => {
    const history = (await api('GET', `/api/bodies/${bodyId}/history`)).body.items;
    const anne = history.find((h: { name: string }) => h.name === 'Anne Testesen');
    const ended = await api('POST', `/api/memberships/${anne.membershipId}/end`, { to: '2026-03-31', reason: 'moved', decisionRef: 'PS 14/26' });
    expect(ended.status).toBe(200);
    expect(ended.body.prompt).toMatch(/Anne Testesen går ut av Utvalg for helse og omsorg\. Dag Testesen er nr\. 1/);
    expect(ended.body.prompt).toMatch(/supplering/);
    const before = await api('POST', `/api/memberships/${anne.membershipId}/end`, { to: '2020-01-01', reason: 'other' });
    expect(before.body.code).toBe('END_BEFORE_START');
    const still = (await api('GET', `/api/bodies/${bodyId}/history`)).body.items.find((h: { name: string }) => h.name === 'Anne Testesen');
    expect(still).toMatchObject({ to: '2026-03-31', endReason: 'moved' });
    const current = (await api('GET', `/api/bodies/${bodyId}`)).body;
    expect(current.members.map((m: { name: string }) => m.name)).not.toContain('Anne Testesen');
  });

  it("lists an official's roles, with the personal number masked, and refuses a wrong checksum", async () => {
    const bad = await api('PUT', `/api/people/${person['Cecilie']}`, { givenName: 'Cecilie', familyName: 'Testesen', gender: 'female', partyId: party['H'], personalNumber: '31129956716' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_PERSONAL_NUMBER');
    const ok = await api('PUT', `/api/people/${person['Cecilie']}`, { givenName: 'Cecilie', familyName: 'Testesen', gender: 'female', partyId: party['H'], personalNumber: '16822548834' });
    expect(ok.status).toBe(200);
    expect(ok.body.personalNumberMasked).toBe('168225*****');
    expect(JSON.stringify(ok.body)).not.toContain('16822548834');
    expect(ok.body.roles).toEqual([expect.objectContaining({ bodyName: 'Utvalg for helse og omsorg', role: 'member', current: true })]);
    const audit = await t.orm.em.fork().getConnection().execute<{ after: unknown }[]>(`select after from audit_log where action = 'person.update'`);
    expect(JSON.stringify(audit)).not.toContain('16822548834');
  });

  it('exports the member list as CSV: contact data for staff, not for the public', async () => {
    const ks = (await api('GET', '/api/bodies')).body.items.find((b: { kind: string }) => b.kind === 'kommunestyre');
    const staff = await api('GET', `/api/bodies/${ks.id}/members.csv`);
    expect(staff.headers['content-type']).toContain('text/csv');
    expect(staff.headers['content-disposition']).toBe('attachment; filename="medlemsliste-kommunestyret.csv"');
    expect(staff.body).toContain('Navn;Parti;Rolle');
    expect(staff.body).toContain('@');
    const pub = await t.app.inject({ url: `/api/public/demo/bodies/${ks.id}/members.csv` });
    expect(pub.statusCode).toBe(200);
    expect(pub.body).not.toContain('@');
    expect(pub.body.split('\r\n').length).toBeGreaterThan(27);
  });

  it('calculates party group grants per seat in the kommunestyre, and remuneration per role', async () => {
    const rates = await api('PUT', '/api/grants/rates', { year: 2026, groupBase: 12000, perSeat: 4000, leaderFee: 50000, deputyLeaderFee: 20000, memberFee: 6000 });
    expect(rates.status).toBe(200);
    const g = (await api('GET', '/api/grants?year=2026')).body;
    const ap = g.groups.find((r: { party: string }) => r.party === 'Ap');
    expect(ap).toMatchObject({ seats: 7, base: 12000, perSeat: 28000, total: 40000 });
    expect(g.groupsTotal).toBe(8 * 12000 + 27 * 4000);
    expect(g.remuneration[0].total).toBeGreaterThanOrEqual(50000);
    const csv = await api('GET', '/api/grants.csv?year=2026');
    expect(csv.body).toContain('Gruppestøtte;Arbeiderpartiet;Ap;7 seter;12000;28000;40000');
  });

  it('publishes open data in the Popolo vocabulary, without contact data', async () => {
    const orgs = (await t.app.inject({ url: '/api/public/demo/popolo/organizations' })).json();
    expect(orgs.items.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(['Kommunestyret', 'Arbeiderpartiet']));
    const memberships = (await t.app.inject({ url: '/api/public/demo/popolo/memberships' })).json();
    expect(memberships.items[0]).toEqual(expect.objectContaining({ person_id: expect.stringMatching(/^person\//), organization_id: expect.stringMatching(/^body\//) }));
    const persons = (await t.app.inject({ url: '/api/public/demo/popolo/persons' })).json();
    expect(JSON.stringify(persons)).not.toMatch(/@|gender/);
    expect((await t.app.inject({ url: '/api/public/demo/popolo/posts' })).statusCode).toBe(200);
  });

  it('writes every change to the audit log', async () => {
    const rows = await t.orm.em.fork().getConnection().execute<{ action: string }[]>('select distinct action from audit_log order by action');
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['body.create', 'person.create', 'membership.create', 'membership.leave', 'membership.end', 'grants.rates']),
    );
  });
});
