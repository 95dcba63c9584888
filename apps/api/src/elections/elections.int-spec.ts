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
  const sql = <T extends object>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T>(query, params);
  const approved = async (pn: string) => (await sql<{ n: number }[]>(`select count(*)::int as n from advance_vote where personal_number = ? and status = 'approved'`, [pn]))[0]!.n;

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

  it('approves a plain vote at once, replays a retried request, and takes a second vote in an envelope instead of refusing', async () => {
    const pn = own[0]!.personalNumber;
    const key = randomUUID();
    const first = await register(pn, key);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ replayed: false, vote: { status: 'approved', kind: 'ordinary', votingPlace: 'Servicetorget', envelopeReason: null } });
    const again = await register(pn, key);
    expect(again.json()).toMatchObject({ replayed: true, vote: { id: first.json().vote.id } });
    const look = (await t.app.inject({ url: `/api/elections/${electionId}/lookup?personalNumber=${pn}`, headers: { cookie: clerk } })).json();
    expect(look).toMatchObject({ status: 'already_voted', nextStep: { action: 'envelope', envelopeReason: 'already_voted', writeOnEnvelope: 'Har stemt tidligere' } });
    expect(look.message).toMatch(/har allerede forhåndsstemt 01\.09\.2027 kl\. 10:00 på Servicetorget/i);
    const second = await register(pn);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ vote: { status: 'received', envelopeReason: 'already_voted' } });
    expect(second.json().message).toMatch(/omslagskonvolutt.*Har stemt tidligere/);
    expect(await approved(pn)).toBe(1);
  });

  it('takes the vote of another municipality’s voter, of a voter not in the roll, and one in doubt in an envelope', async () => {
    const r = await register(other[0]!.personalNumber);
    expect(r.json()).toMatchObject({ vote: { status: 'received', envelopeReason: 'other_municipality' } });
    expect(r.json().message).toMatch(/omslagskonvolutt/);
    const lookup = (await t.app.inject({ url: `/api/elections/${electionId}/lookup?personalNumber=${notInRoll[0]!.personalNumber}`, headers: { cookie: clerk } })).json();
    expect(lookup).toMatchObject({ status: 'not_in_roll', nextStep: { action: 'envelope', envelopeReason: 'not_in_roll' } });
    const missing = await register(notInRoll[0]!.personalNumber);
    expect(missing.statusCode).toBe(201);
    expect(missing.json()).toMatchObject({ vote: { status: 'received', envelopeReason: 'not_in_roll' } });
    const doubt = await t.app.inject({
      method: 'POST', url: `/api/elections/${electionId}/votes`, headers: { cookie: clerk },
      payload: { personalNumber: own[1]!.personalNumber, votingPlaceId: placeId, identityChecked: true, identityDoubt: true, idempotencyKey: randomUUID() },
    });
    expect(doubt.json()).toMatchObject({ vote: { status: 'received', envelopeReason: 'identity_doubt' } });
    expect(await approved(own[1]!.personalNumber)).toBe(0);
  });

  it('200 concurrent registrations of one voter, plain and in doubt, approve at most one vote and turn no one away', async () => {
    const pn = own[5]!.personalNumber;
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        t.app.inject({
          method: 'POST', url: `/api/elections/${electionId}/votes`, headers: { cookie: clerk },
          payload: { personalNumber: pn, votingPlaceId: placeId, identityChecked: true, identityDoubt: i % 2 === 1, idempotencyKey: randomUUID() },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).filter((s) => s !== 201)).toEqual([]);
    expect(results.filter((r) => r.json().vote.status === 'approved')).toHaveLength(1);
    expect(await approved(pn)).toBe(1);
    const rows = await sql<{ status: string; envelope_reason: string | null; n: number }[]>(`select status, envelope_reason, count(*)::int as n from advance_vote where personal_number = ? group by 1, 2 order by 1, 2`, [pn]);
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(200);
    expect(rows.filter((r) => r.status === 'received').every((r) => r.envelope_reason === 'already_voted' || r.envelope_reason === 'identity_doubt')).toBe(true);
  });

  it('refuses: a clerk not assigned, a closed place, outside the voting periods, a bad number; nothing written', async () => {
    const before = (await sql<{ n: number }[]>('select count(*)::int as n from advance_vote'))[0]!.n;
    const admin = await t.login('admin');
    expect((await register(own[6]!.personalNumber, randomUUID(), admin)).json().code).toBe('CLERK_NOT_ASSIGNED');
    setClock('2027-09-01T21:00:00+02:00');
    expect((await register(own[6]!.personalNumber)).json().code).toBe('VOTING_PLACE_CLOSED');
    setClock('2027-06-01T10:00:00+02:00');
    expect((await register(own[6]!.personalNumber)).json().code).toBe('OUTSIDE_VOTING_PERIOD');
    setClock('2027-09-01T10:00:00+02:00');
    const bad = await register('3112995671');
    expect(bad.statusCode).toBe(400);
    expect((await sql<{ n: number }[]>('select count(*)::int as n from advance_vote'))[0]!.n).toBe(before);
  });

  it('the board decides received votes: approves, rejects with a ground, in bulk, all or nothing', async () => {
    const queue = (await t.app.inject({ url: `/api/elections/${electionId}/review`, headers: { cookie: board } })).json<{ items: { id: string; envelopeReason: string; voterName: string | null; otherVotes: unknown[]; clerkName: string }[] }>().items;
    const other0 = queue.find((v) => v.envelopeReason === 'other_municipality')!;
    const second = queue.find((v) => v.envelopeReason === 'already_voted' && v.otherVotes.length === 1)!;
    expect(second).toMatchObject({ voterName: 'Åse0 Ødegård', clerkName: expect.any(String) });
    expect((await t.app.inject({ url: `/api/elections/${electionId}/review`, headers: { cookie: clerk } })).statusCode).toBe(403);
    const filtered = (await t.app.inject({ url: `/api/elections/${electionId}/review?reason=not_in_roll`, headers: { cookie: board } })).json<{ items: { envelopeReason: string }[] }>().items;
    expect(filtered.map((v) => v.envelopeReason)).toEqual(['not_in_roll']);
    const decide = (payload: object) => t.app.inject({ method: 'POST', url: `/api/elections/${electionId}/review/decisions`, headers: { cookie: board }, payload });
    // A rejection needs a ground; approving a voter who already has an approved vote is refused; nothing written.
    expect((await decide({ voteIds: [second.id], decision: 'reject' })).json().code).toBe('VALIDATION_FAILED');
    const both = await decide({ voteIds: [other0.id, second.id], decision: 'approve' });
    expect({ status: both.statusCode, code: both.json().code }).toEqual({ status: 409, code: 'VOTER_ALREADY_APPROVED' });
    expect((await sql<{ status: string }[]>('select status from advance_vote where id = ?', [other0.id]))[0]!.status).toBe('received');
    expect((await decide({ voteIds: [other0.id], decision: 'approve' })).json().items).toMatchObject([{ status: 'approved' }]);
    const rejected = await decide({ voteIds: [second.id], decision: 'reject', ground: 'already_approved' });
    expect(rejected.json().items).toMatchObject([{ status: 'rejected', rejectGround: 'already_approved' }]);
    const again = await decide({ voteIds: [second.id], decision: 'approve' });
    expect({ status: again.statusCode, code: again.json().code }).toEqual({ status: 409, code: 'VOTE_ALREADY_DECIDED' });
  });

  it('lets a clerk undo their own registration within minutes, and only the board cancel later, with a reason; keeps the record', async () => {
    const pn = own[7]!.personalNumber;
    const vote = (await register(pn)).json().vote;
    const undo = await t.app.inject({ method: 'POST', url: `/api/votes/${vote.id}/undo`, headers: { cookie: clerk }, payload: { reason: 'Feil velger' } });
    expect(undo.json()).toMatchObject({ status: 'cancelled' });
    const next = (await register(pn)).json().vote;
    expect(next.status).toBe('approved');
    setClock('2027-09-01T10:06:00+02:00');
    const late = await t.app.inject({ method: 'POST', url: `/api/votes/${next.id}/undo`, headers: { cookie: clerk }, payload: { reason: 'Feil velger' } });
    expect(late.json().code).toBe('UNDO_TOO_LATE');
    setClock('2027-09-01T10:00:00+02:00');
    const byClerk = await t.app.inject({ method: 'POST', url: `/api/votes/${next.id}/cancel`, headers: { cookie: clerk }, payload: { reason: 'Feil velger' } });
    expect(byClerk.statusCode).toBe(403);
    const noReason = await t.app.inject({ method: 'POST', url: `/api/votes/${next.id}/cancel`, headers: { cookie: board }, payload: { reason: '' } });
    expect(noReason.statusCode).toBe(400);
    // The board finds the voter by name, sees whose vote it is, and cancels it.
    const found = (await t.app.inject({ url: `/api/elections/${electionId}/votes/search?q=${encodeURIComponent('åse7 ødegård')}`, headers: { cookie: board } })).json<{ items: { id: string; status: string; voterName: string }[] }>().items;
    expect(found.map((v) => v.status).sort()).toEqual(['approved', 'cancelled']);
    expect(found[0]!.voterName).toBe('Åse7 Ødegård');
    const ok = await t.app.inject({ method: 'POST', url: `/api/votes/${next.id}/cancel`, headers: { cookie: board }, payload: { reason: 'Registrert på feil velger' } });
    expect(ok.json().status).toBe('cancelled');
    expect(await approved(pn)).toBe(0);
    const audit = await sql<{ action: string }[]>(`select distinct action from audit_log where action like 'vote.%' or action = 'roll.import'`);
    expect(audit.map((a) => a.action).sort()).toEqual(['roll.import', 'vote.approve', 'vote.cancel', 'vote.register', 'vote.reject', 'vote.undo']);
  });

  it('reports received, approved, rejected and cancelled exactly as the database holds them, and exports the day as CSV', async () => {
    const report = (await t.app.inject({ url: `/api/elections/${electionId}/report`, headers: { cookie: organiser } })).json();
    const [sums] = await sql<{ received: number; approved: number; rejected: number; cancelled: number; total: number }[]>(
      `select count(*) filter (where status = 'received')::int as received, count(*) filter (where status = 'approved')::int as approved,
              count(*) filter (where status = 'rejected')::int as rejected, count(*) filter (where status = 'cancelled')::int as cancelled, count(*)::int as total
         from advance_vote where election_id = ?`,
      [electionId],
    );
    const day = report.days.find((d: { date: string }) => d.date === '2027-09-01');
    expect(day).toMatchObject({ votingPlace: 'Servicetorget', kind: 'ordinary', received: sums!.received, approved: sums!.approved, rejected: sums!.rejected, cancelled: sums!.cancelled });
    expect(report.envelopesByMunicipality).toEqual([{ municipalityNumber: '0301', count: 1 }]);
    expect(report.rejected).toEqual(expect.arrayContaining([{ reason: 'Velgeren har allerede en godkjent stemmegivning', count: 1 }, { reason: 'Registrert på feil velger', count: 1 }]));
    expect(report.awaiting.find((a: { reason: string }) => a.reason === 'not_in_roll')).toEqual({ reason: 'not_in_roll', count: 1 });
    const csv = await t.app.inject({ url: `/api/elections/${electionId}/registrations.csv?date=2027-09-01`, headers: { cookie: organiser } });
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(sums!.total + 1);
    expect(csv.body).toContain('registrering;fodselsnummer;kommunenummer');
    const pdf = await t.app.inject({ url: `/api/elections/${electionId}/report.pdf`, headers: { cookie: organiser } });
    expect(pdf.statusCode).toBe(200);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sek-report-')), 'r.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Forhåndsstemmer – Rådgivende folkeavstemning om kommunesammenslåing');
    expect(text).toContain('Registrert på feil velger');
    expect(text).toMatch(new RegExp(`Godkjent\\s+${sums!.approved}\\b`));
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
