import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { JobsService } from '../jobs/jobs.service.js';
import { syntheticPersonalNumbers } from '../test-support/synthetic.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { CLOCK, type Clock } from './clock.js';
import { RollService } from './roll.service.js';

const HEADER = 'fodselsnummer;fornavn;etternavn;fodselsdato;adresse;kommunenummer;krets';

describe('advance voting against the electoral roll', () => {
  let t: TestApp;
  let organiser: string;
  let clerk: string;
  let board: string;
  let electionId: string;
  let placeId: string;
  let municipalityId: string;
  const people = syntheticPersonalNumbers(60);
  const own = people.slice(0, 30); // municipality 9901 (the test municipality)
  const other = people.slice(30, 50); // Oslo
  const notInRoll = people.slice(50);
  const setClock = (iso: string) => {
    t.app.get<Clock>(CLOCK, { strict: false }).now = () => new Date(iso);
  };
  const rollFile = (lines: string[]) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sek-roll-')), 'roll.csv');
    writeFileSync(file, [HEADER, ...lines].join('\n') + '\n');
    return file;
  };
  const line = (p: { personalNumber: string; birthDate: string }, i: number, kommune: string) =>
    `${p.personalNumber};Åse${i};Ødegård;${p.birthDate};Storgata ${i};${kommune};0001 Sentrum`;
  const register = (personalNumber: string, key = randomUUID(), cookie = clerk) =>
    t.app.inject({
      method: 'POST', url: `/api/elections/${electionId}/votes`, headers: { cookie },
      payload: { personalNumber, votingPlaceId: placeId, identityChecked: true, idempotencyKey: key, envelopeSerial: null },
    });
  const counted = async (pn: string) =>
    (await t.orm.em.fork().getConnection().execute<{ n: number }[]>(`select count(*)::int as n from advance_vote where personal_number = ? and status = 'counted'`, [pn]))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp('elections');
    organiser = await t.login('sekretariat');
    clerk = await t.login('valgmedarbeider');
    board = await t.login('valgstyre');
    municipalityId = (await t.orm.em.fork().getConnection().execute<{ id: string }[]>('select id from municipality'))[0]!.id;
    const e = await t.app.inject({ method: 'POST', url: '/api/elections', headers: { cookie: organiser }, payload: { name: 'Rådgivende folkeavstemning om kommunesammenslåing', type: 'folkeavstemning', electionDay: '2027-09-13' } });
    expect(e.statusCode).toBe(201);
    expect(e.json()).toMatchObject({ advanceFrom: '2027-08-10', advanceTo: '2027-09-10', legalRecord: true });
    electionId = e.json().id;
    const p = await t.app.inject({
      method: 'POST', url: `/api/elections/${electionId}/places`, headers: { cookie: organiser },
      payload: { name: 'Servicetorget', address: 'Rådhuset', openingHours: [{ date: '2027-09-01', from: '08:00', to: '20:00' }, { date: '2027-06-01', from: '08:00', to: '20:00' }], staff: ['valgmedarbeider'] },
    });
    expect(p.statusCode).toBe(201);
    placeId = p.json().id;
    setClock('2027-09-01T10:00:00+02:00');
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a roll with a bad line and writes nothing', async () => {
    const roll = t.app.get(RollService);
    const bad = rollFile([line(own[0]!, 0, '9901'), '31129956716;Feil;Sjekksum;1999-12-31;Gate 1;9901;0001', line(own[0]!, 1, '9901'), line(own[1]!, 2, '7777')]);
    const r = await roll.importFile({ electionId, municipalityId, file: bad, userId: randomUUID(), userName: 'test', allowRejected: false });
    expect(r.committed).toBe(false);
    expect(r.rejected).toEqual([
      { line: 3, message: 'Fødselsnummer 311299*****: Kontrollsifrene stemmer ikke.' },
      { line: 4, message: expect.stringMatching(/står flere ganger i fila/) },
      { line: 5, message: 'Ukjent kommunenummer «7777».' },
    ]);
    const n = await t.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from roll_voter');
    expect(n[0]!.n).toBe(0);
  });

  it('finds a line in another encoding', async () => {
    const file = rollFile([line(own[0]!, 0, '9901')]);
    writeFileSync(file, Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from(`${own[1]!.personalNumber};\xc5se;B\xf8;${own[1]!.birthDate};Gate;9901;0001\n`, 'latin1')]));
    const r = await t.app.get(RollService).importFile({ electionId, municipalityId, file, userId: randomUUID(), userName: 'test', allowRejected: false });
    expect(r.rejected).toEqual([{ line: 2, message: 'Linjen er ikke UTF-8. Lagre manntallet som UTF-8.' }]);
  });

  it('imports the roll through the API as a job, in one transaction', async () => {
    const csv = [HEADER, ...own.map((p, i) => line(p, i, '9901')), ...other.map((p, i) => line(p, i, '0301'))].join('\n');
    await t.app.get(JobsService).startWorking();
    const res = await t.app.inject({ method: 'POST', url: `/api/elections/${electionId}/roll`, headers: { cookie: organiser, 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json();
    let status = res.json();
    for (let i = 0; i < 200 && !['completed', 'failed'].includes(status.state); i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await t.app.inject({ url: `/api/elections/${electionId}/roll/jobs/${jobId}`, headers: { cookie: organiser } })).json();
    }
    expect(status).toMatchObject({ state: 'completed', imported: 50, rejectedCount: 0 });
    const list = (await t.app.inject({ url: '/api/elections', headers: { cookie: clerk } })).json();
    expect(list.items[0].rollSize).toBe(50);
  });

  it('looks voters up: own municipality, other municipality, not in roll', async () => {
    const look = async (q: string) => (await t.app.inject({ url: `/api/elections/${electionId}/lookup?${q}`, headers: { cookie: clerk } })).json();
    const a = await look(`personalNumber=${own[0]!.personalNumber}`);
    expect(a).toMatchObject({ status: 'found', matches: [{ belongs: 'own', envelope: false, kind: 'ordinary', existingVote: null }] });
    expect(a.matches[0].personalNumberMasked).toBe(`${own[0]!.personalNumber.slice(0, 6)}*****`);
    const b = await look(`personalNumber=${other[0]!.personalNumber}`);
    expect(b).toMatchObject({ status: 'found', matches: [{ belongs: 'other', envelope: true, municipalityNumber: '0301' }] });
    const c = await look(`personalNumber=${notInRoll[0]!.personalNumber}`);
    expect(c).toMatchObject({ status: 'not_in_roll', matches: [] });
    const byName = await look(`name=åse3%20ødegård&birthDate=${own[3]!.birthDate}`);
    expect(byName.matches.map((m: { name: string }) => m.name)).toContain('Åse3 Ødegård');
    const bad = await t.app.inject({ url: `/api/elections/${electionId}/lookup?personalNumber=31129956716`, headers: { cookie: clerk } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('INVALID_PERSONAL_NUMBER');
  });

  it('registers a vote once, replays a retried request, and answers "already voted"', async () => {
    const pn = own[0]!.personalNumber;
    const key = randomUUID();
    const first = await register(pn, key);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ replayed: false, vote: { status: 'counted', kind: 'ordinary', votingPlace: 'Servicetorget' } });
    const again = await register(pn, key);
    expect(again.json()).toMatchObject({ replayed: true, vote: { id: first.json().vote.id } });
    const second = await register(pn);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('ALREADY_VOTED');
    expect(second.json().message).toMatch(/har allerede forhåndsstemt 01\.09\.2027 kl\. 10:00 på Servicetorget/);
    const look = (await t.app.inject({ url: `/api/elections/${electionId}/lookup?personalNumber=${pn}`, headers: { cookie: clerk } })).json();
    expect(look.status).toBe('already_voted');
    expect(await counted(pn)).toBe(1);
  });

  it('puts the vote of another municipality’s voter in an envelope', async () => {
    const r = await register(other[0]!.personalNumber);
    expect(r.json().message).toMatch(/omslagskonvolutt/);
  });

  it('200 concurrent registrations of one voter count exactly one vote', async () => {
    const pn = own[5]!.personalNumber;
    const results = await Promise.all(Array.from({ length: 200 }, () => register(pn)));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'ALREADY_VOTED')).toBe(true);
    expect(await counted(pn)).toBe(1);
  });

  it('refuses: not in roll, a clerk not assigned, a closed place, outside the voting periods, a bad number', async () => {
    expect((await register(notInRoll[0]!.personalNumber)).json().code).toBe('VOTER_NOT_IN_ROLL');
    const admin = await t.login('admin');
    expect((await register(own[6]!.personalNumber, randomUUID(), admin)).json().code).toBe('CLERK_NOT_ASSIGNED');
    setClock('2027-09-01T21:00:00+02:00');
    expect((await register(own[6]!.personalNumber)).json().code).toBe('VOTING_PLACE_CLOSED');
    setClock('2027-06-01T10:00:00+02:00');
    expect((await register(own[6]!.personalNumber)).json().code).toBe('OUTSIDE_VOTING_PERIOD');
    setClock('2027-09-01T10:00:00+02:00');
    const bad = await register('3112995671');
    expect(bad.statusCode).toBe(400);
    expect(await counted(own[6]!.personalNumber)).toBe(0);
  });

  it('lets only the election board cancel, with a reason, and keeps the record', async () => {
    const pn = own[7]!.personalNumber;
    const vote = (await register(pn)).json().vote;
    const byClerk = await t.app.inject({ method: 'POST', url: `/api/votes/${vote.id}/cancel`, headers: { cookie: clerk }, payload: { reason: 'Feil velger' } });
    expect(byClerk.statusCode).toBe(403);
    const noReason = await t.app.inject({ method: 'POST', url: `/api/votes/${vote.id}/cancel`, headers: { cookie: board }, payload: { reason: '' } });
    expect(noReason.statusCode).toBe(400);
    const ok = await t.app.inject({ method: 'POST', url: `/api/votes/${vote.id}/cancel`, headers: { cookie: board }, payload: { reason: 'Registrert på feil velger' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('cancelled');
    expect(await counted(pn)).toBe(0);
    expect((await register(pn)).statusCode).toBe(201);
    const rows = await t.orm.em.fork().getConnection().execute<{ status: string }[]>('select status from advance_vote where personal_number = ? order by cast_at', [pn]);
    expect(rows.map((r) => r.status).sort()).toEqual(['cancelled', 'counted']);
    const audit = await t.orm.em.fork().getConnection().execute<{ action: string }[]>(`select distinct action from audit_log where action like 'vote.%' or action = 'roll.import'`);
    expect(audit.map((a) => a.action).sort()).toEqual(['roll.import', 'vote.cancel', 'vote.register']);
  });

  it('reports per day, place and kind, with envelopes per municipality, and exports the day as CSV', async () => {
    const report = (await t.app.inject({ url: `/api/elections/${electionId}/report`, headers: { cookie: organiser } })).json();
    expect(report.days).toEqual([expect.objectContaining({ date: '2027-09-01', votingPlace: 'Servicetorget', kind: 'ordinary', counted: 4, rejected: 1, envelopes: 1 })]);
    expect(report.envelopesByMunicipality).toEqual([{ municipalityNumber: '0301', count: 1 }]);
    expect(report.rejected).toEqual([{ reason: 'Registrert på feil velger', count: 1 }]);
    const csv = await t.app.inject({ url: `/api/elections/${electionId}/registrations.csv?date=2027-09-01`, headers: { cookie: organiser } });
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(6);
    expect(csv.body).toContain('registrering;fodselsnummer;kommunenummer');
    const pdf = await t.app.inject({ url: `/api/elections/${electionId}/report.pdf`, headers: { cookie: organiser } });
    expect(pdf.statusCode).toBe(200);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sek-report-')), 'r.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Forhåndsstemmer – Rådgivende folkeavstemning om kommunesammenslåing');
    expect(text).toContain('Registrert på feil velger');
  });
});

describe('periods of an election the municipality runs itself', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp('periods');
    cookie = await t.login('sekretariat');
  });
  afterAll(async () => {
    await t.close();
  });
  const create = (payload: object) => t.app.inject({ method: 'POST', url: '/api/elections', headers: { cookie }, payload });

  it('may set its own advance voting period', async () => {
    const r = await create({ name: 'Ungdomsrådsvalg', type: 'ungdomsraadsvalg', electionDay: '2027-02-10', advanceFrom: '2027-02-01', advanceTo: '2027-02-09' });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ advanceFrom: '2027-02-01', advanceTo: '2027-02-09', legalRecord: true });
  });

  it('national elections keep the periods of the law, on a Monday', async () => {
    const own = await create({ name: 'Stortingsvalget 2029', type: 'stortingsvalg', electionDay: '2029-09-10', advanceFrom: '2029-09-01', advanceTo: '2029-09-07' });
    expect(own.json().code).toBe('FIXED_PERIODS');
    const notMonday = await create({ name: 'Stortingsvalget 2029', type: 'stortingsvalg', electionDay: '2029-09-11' });
    expect(notMonday.json().code).toBe('ELECTION_DAY_NOT_MONDAY');
    const ok = await create({ name: 'Stortingsvalget 2029', type: 'stortingsvalg', electionDay: '2029-09-10' });
    expect(ok.json()).toMatchObject({ earlyFrom: '2029-07-01', advanceFrom: '2029-08-10', advanceTo: '2029-09-07', legalRecord: false });
  });
});
