import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLOCK, type Clock } from '../elections/clock.js';
import { RollService } from '../elections/roll.service.js';
import { syntheticPersonalNumbers } from '../test-support/synthetic.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { OUTREACH_CLOCK } from './outreach-clock.js';

const HEADER = 'fodselsnummer;fornavn;etternavn;fodselsdato;adresse;kommunenummer;krets';

/**
 * Outreach voting on PostgreSQL: applications against the deadline and the roll, the reason kept
 * from the board, the officials' no-overlap rule in the database, routes claiming voters, visit
 * marks registering votes through the counter's service, replays, and the route list PDF.
 */
describe('outreach voting', () => {
  let t: TestApp;
  let staff: string;
  let board: string;
  let organiser: string;
  let electionId: string;
  let municipalityId: string;
  let vera: string;
  let second: string;
  const people = syntheticPersonalNumbers(12);
  const own = people.slice(0, 8);
  const notInRoll = people[11]!;
  const setClock = (iso: string) => {
    const at = () => new Date(iso);
    t.app.get<Clock>(CLOCK, { strict: false }).now = at;
    t.app.get<Clock>(OUTREACH_CLOCK, { strict: false }).now = at;
  };
  const sql = <T extends object>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T>(query, params);
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string | undefined, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...(cookie ? { cookie } : {}), ...headers }, ...(payload ? { payload } : {}) });
  const application = (i: number, extra: object = {}) => ({
    personalNumber: own[i]!.personalNumber,
    name: `Åse${i} Ødegård`,
    address: `Storgata ${10 - i}`,
    postcode: i % 2 ? '9991' : '9990',
    phone: '912 34 567',
    reason: 'Sitter i rullestol etter hoftebrudd',
    appliedBy: null,
    ...extra,
  });
  const apply = (i: number) => call('POST', `/api/outreach/elections/${electionId}/applications`, staff, application(i));
  const approve = (id: string) => call('POST', `/api/outreach/applications/${id}/status`, staff, { status: 'approved' });

  beforeAll(async () => {
    t = await createTestApp('outreach');
    staff = await t.login('valgmedarbeider');
    board = await t.login('valgstyre');
    organiser = await t.login('sekretariat');
    municipalityId = (await sql<{ id: string }[]>(`select id from municipality where slug = 'demo'`))[0]!.id;
    vera = (await sql<{ id: string }[]>(`select id from app_user where username = 'valgmedarbeider'`))[0]!.id;
    second = (await sql<{ id: string }[]>(
      `insert into app_user (id, municipality_id, username, display_name, roles, active, created_at) values (gen_random_uuid(), ?, 'valgmedarbeider-b', 'Vegard Valgmedarbeider', '{election_staff}', true, now()) returning id`,
      [municipalityId],
    ))[0]!.id;
    const e = await call('POST', '/api/elections', organiser, { name: 'Rådgivende folkeavstemning om skolestruktur', type: 'folkeavstemning', electionDay: '2027-09-13' });
    expect(e.statusCode).toBe(201);
    electionId = e.json().id;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sek-roll-')), 'roll.csv');
    writeFileSync(file, [HEADER, ...own.map((p, i) => `${p.personalNumber};Åse${i};Ødegård;${p.birthDate};Storgata ${i};9901;0001 Sentrum`)].join('\n') + '\n');
    const r = await t.app.get(RollService).importFile({ electionId, municipalityId, file, userId: randomUUID(), userName: 'test', allowRejected: false });
    expect(r.committed).toBe(true);
    setClock('2027-09-01T10:00:00+02:00');
  });
  afterAll(async () => {
    await t.close();
  });

  it('has the law’s default deadline and refuses one outside Tuesday–Friday of the last week', async () => {
    const s = await call('GET', `/api/outreach/elections/${electionId}/settings`, board);
    expect(s.json()).toMatchObject({ applicationDeadline: '2027-09-07T23:59:59+02:00', earliest: '2027-09-07', latest: '2027-09-10' });
    const bad = await call('PUT', `/api/outreach/elections/${electionId}/settings`, staff, { deadlineDate: '2027-09-12' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'OUTREACH_DEADLINE_OUTSIDE_LAW' });
    const board409 = await call('PUT', `/api/outreach/elections/${electionId}/settings`, board, { deadlineDate: '2027-09-08' });
    expect(board409.statusCode).toBe(403);
  });

  it('takes an application from staff and keeps the reason from the board', async () => {
    const res = await apply(0);
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ status: 'received', channel: 'phone', reason: 'Sitter i rullestol etter hoftebrudd', personalNumberMasked: `${own[0]!.personalNumber.slice(0, 6)}*****` });
    const asBoard = await call('GET', `/api/outreach/elections/${electionId}/applications`, board);
    expect(asBoard.statusCode).toBe(200);
    expect(asBoard.json().items).toHaveLength(1);
    expect(asBoard.json().items[0].reason).toBeNull();
    expect(asBoard.body).not.toContain('hoftebrudd');
    expect((await call('GET', `/api/outreach/applications/${a.id}`, board)).json().reason).toBeNull();
    expect((await call('GET', `/api/outreach/applications/${a.id}`, staff)).json().reason).toBe('Sitter i rullestol etter hoftebrudd');
    const audit = await sql<{ after: object }[]>(`select after from audit_log where entity_id = ?`, [a.id]);
    expect(JSON.stringify(audit)).not.toContain('hoftebrudd');
    expect(JSON.stringify(audit)).not.toContain(own[0]!.personalNumber);
  });

  it('refuses a voter not in the roll and stores nothing', async () => {
    const before = (await sql<{ n: number }[]>('select count(*)::int as n from outreach_application'))[0]!.n;
    const res = await call('POST', `/api/outreach/elections/${electionId}/applications`, staff, { ...application(0), personalNumber: notInRoll.personalNumber });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'OUTREACH_VOTER_NOT_IN_ROLL', fields: [{ path: 'personalNumber' }] });
    expect((await sql<{ n: number }[]>('select count(*)::int as n from outreach_application'))[0]!.n).toBe(before);
  });

  it('takes the public form in the voter’s language, same origin only', async () => {
    const info = await call('GET', '/api/public/demo/outreach/info', undefined);
    expect(info.json().elections).toEqual([expect.objectContaining({ id: electionId, open: true, applicationDeadline: '2027-09-07T23:59:59+02:00' })]);
    const body = { electionId, ...application(1), consent: true };
    const cross = await call('POST', '/api/public/demo/outreach/applications', undefined, body, { 'sec-fetch-site': 'cross-site' });
    expect(cross.json()).toMatchObject({ code: 'CROSS_ORIGIN_REFUSED' });
    const notIn = await call('POST', '/api/public/demo/outreach/applications', undefined, { ...body, personalNumber: notInRoll.personalNumber }, { 'sec-fetch-site': 'same-origin', 'accept-language': 'nn' });
    expect(notIn.json()).toMatchObject({ code: 'OUTREACH_VOTER_NOT_IN_ROLL', message: expect.stringContaining('manntalet') });
    const ok = await call('POST', '/api/public/demo/outreach/applications', undefined, body, { 'sec-fetch-site': 'same-origin', 'accept-language': 'en' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().message).toContain('has been received');
    expect(ok.body).not.toContain(own[1]!.personalNumber);
    const stored = await sql<{ channel: string }[]>('select channel from outreach_application where reference = ?', [ok.json().reference]);
    expect(stored).toEqual([{ channel: 'web' }]);
  });

  it('refuses an application after the deadline with the explanation, and stores nothing', async () => {
    setClock('2027-09-08T09:00:00+02:00');
    const before = (await sql<{ n: number }[]>('select count(*)::int as n from outreach_application'))[0]!.n;
    const res = await apply(2);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'OUTREACH_APPLICATION_DEADLINE_PASSED', message: expect.stringContaining('07.09.2027') });
    const en = await call('POST', '/api/public/demo/outreach/applications', undefined, { electionId, ...application(2), consent: true }, { 'sec-fetch-site': 'same-origin', 'accept-language': 'en' });
    expect(en.json()).toMatchObject({ code: 'OUTREACH_APPLICATION_DEADLINE_PASSED', message: expect.stringContaining('The deadline for applying') });
    expect((await sql<{ n: number }[]>('select count(*)::int as n from outreach_application'))[0]!.n).toBe(before);
    // A later deadline, within the law, lets it through.
    expect((await call('PUT', `/api/outreach/elections/${electionId}/settings`, staff, { deadlineDate: '2027-09-09' })).statusCode).toBe(200);
    expect((await apply(2)).statusCode).toBe(201);
    setClock('2027-09-01T10:00:00+02:00');
  });

  it('moves an application by the status rules; an illegal step is 409', async () => {
    const a = (await apply(3)).json();
    const skip = await call('POST', `/api/outreach/applications/${a.id}/status`, staff, { status: 'voted' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json()).toMatchObject({ code: 'OUTREACH_ILLEGAL_TRANSITION' });
    expect((await approve(a.id)).json().status).toBe('approved');
    expect((await call('POST', `/api/outreach/applications/${a.id}/status`, staff, { status: 'withdrawn' })).json().status).toBe('withdrawn');
    expect((await approve(a.id)).json()).toMatchObject({ code: 'OUTREACH_ILLEGAL_TRANSITION' });
  });

  it('refuses an official in two places at once, in the database itself', async () => {
    const inst = await call('POST', '/api/outreach/institutions', staff, { kind: 'care_home', name: 'Fjordvik sykehjem', address: 'Sjøgata 4', postcode: '9990', contactName: 'Kari Kontakt', contactEmail: 'kari@sykehjem.example', contactPhone: '77 00 00 00', locale: 'nn' });
    expect(inst.statusCode).toBe(201);
    const session = await call('POST', `/api/outreach/elections/${electionId}/sessions`, staff, { institutionId: inst.json().id, date: '2027-09-02', from: '10:00', to: '12:00', officials: [vera, second] });
    expect(session.statusCode).toBe(201);
    expect(session.json().officials.map((o: { id: string }) => o.id).sort()).toEqual([vera, second].sort());
    const overlapping = await call('POST', `/api/outreach/elections/${electionId}/sessions`, staff, { institutionId: inst.json().id, date: '2027-09-02', from: '11:30', to: '13:00', officials: [second, vera] });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json()).toMatchObject({ code: 'OUTREACH_OFFICIAL_BUSY' });
    expect((await sql<{ n: number }[]>(`select count(*)::int as n from outreach_session`))[0]!.n).toBe(1);
    // Straight SQL, past the service: the exclusion constraint refuses it.
    await expect(
      sql(`insert into outreach_assignment (id, municipality_id, user_id, session_id, during) values (gen_random_uuid(), ?, ?, ?, tstzrange('2027-09-02T09:30:00+02', '2027-09-02T10:30:00+02'))`, [municipalityId, vera, session.json().id]),
    ).rejects.toMatchObject({ code: '23P01', constraint: 'outreach_assignment_no_overlap' });
    const outside = await call('POST', `/api/outreach/elections/${electionId}/sessions`, staff, { institutionId: inst.json().id, date: '2027-09-20', from: '10:00', to: '12:00', officials: [vera, second] });
    expect(outside.json()).toMatchObject({ code: 'OUTREACH_OUTSIDE_VOTING_PERIOD' });
    const notStaff = await call('POST', `/api/outreach/elections/${electionId}/sessions`, staff, { institutionId: inst.json().id, date: '2027-09-03', from: '10:00', to: '12:00', officials: [vera, (await sql<{ id: string }[]>(`select id from app_user where username = 'valgstyre'`))[0]!.id] });
    expect(notStaff.json()).toMatchObject({ code: 'OUTREACH_OFFICIAL_INVALID' });
  });

  let routeId: string;
  let stops: { id: string; applicationId: string; name: string }[];
  it('plans approved applications into a route by area; a voter is on one open route only', async () => {
    const ids = [];
    for (const i of [4, 5, 6]) {
      const a = (await apply(i)).json();
      await approve(a.id);
      ids.push(a.id);
    }
    const plan = (await call('GET', `/api/outreach/elections/${electionId}/plan?date=2027-09-03`, staff)).json();
    expect(plan.groups).toHaveLength(1);
    expect(plan.groups[0].area).toBe('9990–9991');
    expect(plan.groups[0].applications.map((a: { id: string }) => a.id)).toEqual([ids[2], ids[0], ids[1]]);
    const res = await call('POST', `/api/outreach/elections/${electionId}/routes`, staff, { date: '2027-09-03', start: '10:00', minutesPerVisit: 30, officials: [vera, second], applicationIds: plan.groups[0].applications.map((a: { id: string }) => a.id) });
    expect(res.statusCode).toBe(201);
    routeId = res.json().id;
    expect(res.json().stops.map((s: { windowFrom: string; windowTo: string }) => `${s.windowFrom}-${s.windowTo}`)).toEqual(['10:00-10:30', '10:30-11:00', '11:00-11:30']);
    const twice = await call('POST', `/api/outreach/elections/${electionId}/routes`, staff, { date: '2027-09-06', start: '10:00', officials: [vera, second], applicationIds: [ids[0]] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'OUTREACH_VOTER_ALREADY_ON_ROUTE' });
    expect((await sql<{ n: number }[]>(`select count(*)::int as n from outreach_route`))[0]!.n).toBe(1);
    const busy = await call('POST', `/api/outreach/elections/${electionId}/routes`, staff, { date: '2027-09-02', start: '11:00', officials: [vera, second], applicationIds: [(await apply(7)).json().id] });
    expect(busy.json()).toMatchObject({ code: 'OUTREACH_APPLICATION_NOT_APPROVED' });
    const reordered = await call('PUT', `/api/outreach/routes/${routeId}/order`, staff, { stopIds: [...res.json().stops].reverse().map((s: { id: string }) => s.id) });
    expect(reordered.json().stops.map((s: { applicationId: string; windowFrom: string }) => [s.applicationId, s.windowFrom])).toEqual([[ids[1], '10:00'], [ids[0], '10:30'], [ids[2], '11:00']]);
    stops = reordered.json().stops;
    expect((await call('PUT', `/api/outreach/routes/${routeId}/order`, staff, { stopIds: [stops[0]!.id] })).json()).toMatchObject({ code: 'OUTREACH_ORDER_MISMATCH' });
  });

  it('prints the route list with the stops in order, addresses, phones and officials', async () => {
    const pdf = await call('GET', `/api/outreach/routes/${routeId}/pdf`, board);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sek-route-')), 'r.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Rute for ambulerende stemmegivning 03.09.2027');
    expect(text).toContain('Vegard Valgmedarbeider');
    expect(text).toContain('Vera Valgmedarbeider');
    expect(text).toContain('912 34 567');
    const order = stops.map((s) => text.indexOf(s.name));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain('hoftebrudd');
  });

  it('a visit marked voted registers one approved home vote; the same mark replayed gives the same answer and no second vote', async () => {
    setClock('2027-09-03T10:10:00+02:00');
    const stop = stops[0]!;
    const pn = (await sql<{ personal_number: string }[]>('select personal_number from outreach_application where id = ?', [stop.applicationId]))[0]!.personal_number;
    const mark = { clientId: randomUUID(), stopId: stop.id, outcome: 'voted', markedAt: '2027-09-03T10:05:00+02:00' };
    const first = await call('POST', `/api/outreach/routes/${routeId}/marks`, staff, mark);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ outcome: 'voted', voteStatus: 'approved', replayed: false });
    const [again, concurrent] = await Promise.all([call('POST', `/api/outreach/routes/${routeId}/marks`, staff, mark), call('POST', `/api/outreach/routes/${routeId}/marks`, staff, mark)]);
    for (const r of [again, concurrent]) expect(r.json()).toEqual({ ...first.json<object>(), replayed: true });
    const votes = await sql<{ kind: string; status: string; voting_place: string }[]>(`select v.kind, v.status, p.name as voting_place from advance_vote v join voting_place p on p.id = v.voting_place_id where v.personal_number = ?`, [pn]);
    expect(votes).toEqual([{ kind: 'home', status: 'approved', voting_place: 'Ambulerende stemmegivning (hjemme og institusjoner)' }]);
    expect((await sql<{ n: number }[]>('select count(*)::int as n from outreach_mark where client_id = ?', [mark.clientId]))[0]!.n).toBe(1);
    expect((await sql<{ status: string }[]>('select status from outreach_application where id = ?', [stop.applicationId]))[0]!.status).toBe('voted');
    const other = await call('POST', `/api/outreach/routes/${routeId}/marks`, staff, { ...mark, clientId: randomUUID() });
    expect(other.json()).toMatchObject({ code: 'OUTREACH_STOP_ALREADY_MARKED' });
    const reused = await call('POST', `/api/outreach/routes/${routeId}/marks`, staff, { ...mark, stopId: stops[1]!.id });
    expect(reused.json()).toMatchObject({ code: 'OUTREACH_MARK_ID_REUSED' });
  });

  it('another voted mark registers that voter’s vote; at most one approved per voter', async () => {
    const stop = stops[1]!;
    const pn = (await sql<{ personal_number: string }[]>('select personal_number from outreach_application where id = ?', [stop.applicationId]))[0]!.personal_number;
    const r = await call('POST', `/api/outreach/routes/${routeId}/marks`, staff, { clientId: randomUUID(), stopId: stop.id, outcome: 'voted', markedAt: '2027-09-03T10:40:00+02:00' });
    expect(r.json()).toMatchObject({ voteStatus: 'approved' });
    const votes = await sql<{ n: number }[]>(`select count(*)::int as n from advance_vote where personal_number = ? and status = 'approved'`, [pn]);
    expect(votes[0]!.n).toBe(1);
  });

  it('not at home frees the voter for another route; only the route’s officials mark', async () => {
    const stop = stops[2]!;
    const board403 = await call('POST', `/api/outreach/routes/${routeId}/marks`, board, { clientId: randomUUID(), stopId: stop.id, outcome: 'not_at_home', markedAt: '2027-09-03T11:05:00+02:00' });
    expect(board403.statusCode).toBe(403);
    const r = await call('POST', `/api/outreach/routes/${routeId}/marks`, staff, { clientId: randomUUID(), stopId: stop.id, outcome: 'not_at_home', markedAt: '2027-09-03T11:05:00+02:00' });
    expect(r.json()).toMatchObject({ outcome: 'not_at_home', voteId: null });
    expect((await approve(stop.applicationId)).json()).toMatchObject({ status: 'approved', routeId: null });
    const again = await call('POST', `/api/outreach/elections/${electionId}/routes`, staff, { date: '2027-09-06', start: '12:00', officials: [vera, second], applicationIds: [stop.applicationId] });
    expect(again.statusCode).toBe(201);
  });

  it('registers a vote at an institution session by its officials, kind institution', async () => {
    setClock('2027-09-02T10:30:00+02:00');
    const session = (await call('GET', `/api/outreach/elections/${electionId}/sessions`, board)).json().items[0];
    const res = await call('POST', `/api/outreach/sessions/${session.id}/votes`, staff, { clientId: randomUUID(), personalNumber: own[7]!.personalNumber });
    expect(res.statusCode).toBe(201);
    expect(res.json().vote).toMatchObject({ kind: 'institution', status: 'approved' });
    const twice = await call('POST', `/api/outreach/sessions/${session.id}/votes`, staff, { clientId: randomUUID(), personalNumber: own[7]!.personalNumber });
    expect(twice.json().vote).toMatchObject({ kind: 'institution', status: 'received', envelopeReason: 'already_voted' });
  });
});
