import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { syntheticPersonalNumbers } from '../test-support/synthetic.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { CLOCK, type Clock } from './clock.js';
import { ElectionsModule } from './elections.module.js';
import { RollService } from './roll.service.js';
import { AdvanceVoteService } from './advance-votes.service.js';
import { BoardRecordService } from './board-record.service.js';
import { ElectionsService } from './elections.service.js';
import { EnvelopesService } from './envelopes.service.js';
import { ElectionRetentionJob } from './retention.job.js';

const HEADER = 'fodselsnummer;fornavn;etternavn;fodselsdato;adresse;kommunenummer;krets';

/** Reads a PDF's text back as other PDF tests do. */
function pdfText(bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sek-board-')), 'r.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** The numbers on the line of the PDF's text that starts with the label and holds only numbers after it. */
function numbersAfter(text: string, label: string): number[] | null {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`^\\s*${escaped}((?:\\s+\\d+)+)\\s*$`, 'm').exec(text);
  return m ? m[1]!.trim().split(/\s+/).map(Number) : null;
}

describe('envelopes to and from other municipalities, the board’s record, the counter’s figures', () => {
  let t: TestApp;
  let organiser: string;
  let clerk: string;
  let board: string;
  let electionId: string;
  let placeId: string;
  let place2Id: string;
  const people = syntheticPersonalNumbers(40);
  const own = people.slice(0, 20);
  const oslo = people.slice(20, 30);
  const bergen = people.slice(30, 40);
  const setClock = (iso: string) => {
    // Every clock the elections services hold (another module provides its own CLOCK too).
    const holders = [AdvanceVoteService, EnvelopesService, BoardRecordService, ElectionRetentionJob, ElectionsService].map((s) => t.app.get<object>(s, { strict: false }) as { clock: Clock });
    for (const clock of new Set([t.app.select(ElectionsModule).get<Clock>(CLOCK), ...holders.map((h) => h.clock)])) clock.now = () => new Date(iso);
  };
  const sql = <T extends object>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T>(query, params);
  const register = async (personalNumber: string, place = placeId, extra: object = {}) => {
    const r = await t.app.inject({
      method: 'POST', url: `/api/elections/${electionId}/votes`, headers: { cookie: clerk },
      payload: { personalNumber, votingPlaceId: place, identityChecked: true, idempotencyKey: randomUUID(), envelopeSerial: null, ...extra },
    });
    expect({ status: r.statusCode, body: r.statusCode === 201 ? null : r.body }).toEqual({ status: 201, body: null });
    return r.json().vote as { id: string; status: string };
  };
  const post = (url: string, payload: object, cookie = organiser) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  const sent: string[] = [];

  beforeAll(async () => {
    t = await createTestApp('envelopes');
    organiser = await t.login('sekretariat');
    clerk = await t.login('valgmedarbeider');
    board = await t.login('valgstyre');
    const municipalityId = (await sql<{ id: string }[]>('select id from municipality'))[0]!.id;
    const e = await post('/api/elections', { name: 'Rådgivende folkeavstemning om skolestruktur', type: 'folkeavstemning', electionDay: '2027-09-13' });
    electionId = e.json().id;
    const hours = [{ date: '2027-09-01', from: '08:00', to: '20:00' }, { date: '2027-09-02', from: '08:00', to: '20:00' }];
    placeId = (await post(`/api/elections/${electionId}/places`, { name: 'Servicetorget', address: 'Rådhuset', openingHours: hours, staff: ['valgmedarbeider'] })).json().id;
    place2Id = (await post(`/api/elections/${electionId}/places`, { name: 'Biblioteket', address: 'Torget 1', openingHours: hours, staff: ['valgmedarbeider'] })).json().id;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sek-roll-')), 'roll.csv');
    const line = (p: { personalNumber: string; birthDate: string }, i: number, k: string) => `${p.personalNumber};Åse${i};Ødegård;${p.birthDate};Storgata ${i};${k};0001 Sentrum`;
    writeFileSync(file, [HEADER, ...own.map((p, i) => line(p, i, '9901')), ...oslo.map((p, i) => line(p, i, '0301')), ...bergen.map((p, i) => line(p, i, '4601'))].join('\n') + '\n');
    const r = await t.app.get(RollService).importFile({ electionId, municipalityId, file, userId: randomUUID(), userName: 'test', allowRejected: false });
    expect(r.committed).toBe(true);

    // Day 1 at Servicetorget, 09:xx and 10:xx; day 2 at Biblioteket.
    setClock('2027-09-01T09:15:00+02:00');
    for (const p of own.slice(0, 3)) await register(p.personalNumber);
    for (const p of oslo.slice(0, 3)) sent.push((await register(p.personalNumber)).id);
    setClock('2027-09-01T10:30:00+02:00');
    await register(own[3]!.personalNumber);
    await register(own[0]!.personalNumber); // already voted: an envelope for the board
    sent.push((await register(bergen[0]!.personalNumber)).id);
    const undone = await register(own[4]!.personalNumber);
    expect((await post(`/api/votes/${undone.id}/undo`, { reason: 'Feil velger' }, clerk)).statusCode).toBe(200);
    setClock('2027-09-02T11:00:00+02:00');
    await register(own[5]!.personalNumber, place2Id);
    await register(own[6]!.personalNumber, place2Id, { identityDoubt: true });
    await register(own[4]!.personalNumber, place2Id);
    const queue = (await t.app.inject({ url: `/api/elections/${electionId}/review`, headers: { cookie: board } })).json<{ items: { id: string; envelopeReason: string }[] }>().items;
    const already = queue.find((v) => v.envelopeReason === 'already_voted')!;
    expect((await post(`/api/elections/${electionId}/review/decisions`, { voteIds: [already.id], decision: 'reject', ground: 'already_approved' }, board)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers an envelope sent to a municipality with its votes; one serial per municipality; a vote sent once; nothing written on a refusal', async () => {
    const url = `/api/elections/${electionId}/envelopes/sent`;
    const ok = await post(url, { toMunicipalityNumber: '0301', toMunicipalityName: 'Oslo', serial: 'S-1', sentOn: '2027-09-01', voteIds: sent.slice(0, 2) });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ toMunicipalityNumber: '0301', serial: 'S-1', sentBy: 'sekretariat', voteIds: [...sent.slice(0, 2)].sort() });
    const count = async () => (await sql<{ n: number }[]>('select (select count(*) from sent_envelope) + (select count(*) from sent_envelope_vote) as n'))[0]!.n;
    const before = await count();
    const taken = await post(url, { toMunicipalityNumber: '0301', toMunicipalityName: 'Oslo', serial: 'S-1', sentOn: '2027-09-02', voteIds: [sent[2]] });
    expect({ status: taken.statusCode, code: taken.json().code }).toEqual({ status: 409, code: 'ENVELOPE_SERIAL_TAKEN' });
    const twice = await post(url, { toMunicipalityNumber: '0301', toMunicipalityName: 'Oslo', serial: 'S-2', sentOn: '2027-09-02', voteIds: [sent[0], sent[2]] });
    expect({ status: twice.statusCode, code: twice.json().code }).toEqual({ status: 409, code: 'VOTE_ALREADY_SENT' });
    const wrong = await post(url, { toMunicipalityNumber: '0301', toMunicipalityName: 'Oslo', serial: 'S-3', sentOn: '2027-09-02', voteIds: [sent[3]] });
    expect({ status: wrong.statusCode, code: wrong.json().code }).toEqual({ status: 409, code: 'VOTE_NOT_FOR_MUNICIPALITY' });
    const bad = await post(url, { toMunicipalityNumber: '301', toMunicipalityName: '', serial: '', sentOn: '2027-09-02' });
    expect({ status: bad.statusCode, code: bad.json().code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await count()).toBe(before);
    // The same serial to another municipality is another envelope.
    expect((await post(url, { toMunicipalityNumber: '4601', toMunicipalityName: 'Bergen', serial: 'S-1', sentOn: '2027-09-02', voteIds: [sent[3]] })).statusCode).toBe(201);
    const clerkTry = await post(url, { toMunicipalityNumber: '4601', toMunicipalityName: 'Bergen', serial: 'S-9', sentOn: '2027-09-02' }, clerk);
    expect(clerkTry.statusCode).toBe(403);
  });

  it('registers envelopes received: in time up to 17:00 the day after election day, late after it, which can only be rejected as late', async () => {
    const url = `/api/elections/${electionId}/envelopes/received`;
    setClock('2027-09-14T16:59:00+02:00');
    const inTime = await post(url, { fromMunicipalityNumber: '0301', fromMunicipalityName: 'Oslo', serial: 'R-1', personalNumber: own[10]!.personalNumber });
    expect(inTime.json()).toMatchObject({ late: false, status: 'received', receivedBy: 'sekretariat', voterMasked: `${own[10]!.personalNumber.slice(0, 6)}*****` });
    setClock('2027-09-14T17:01:00+02:00');
    const late = await post(url, { fromMunicipalityNumber: '0301', fromMunicipalityName: 'Oslo', serial: 'R-2', personalNumber: own[11]!.personalNumber });
    expect(late.statusCode).toBe(201);
    expect(late.json()).toMatchObject({ late: true, status: 'received' });
    // Registered afterwards with the time it came in: before the deadline, in time.
    const afterwards = await post(url, { fromMunicipalityNumber: '4601', fromMunicipalityName: 'Bergen', serial: 'R-1', arrivedAt: '2027-09-14T10:00:00+02:00' });
    expect(afterwards.json()).toMatchObject({ late: false, fromMunicipalityNumber: '4601' });
    const future = await post(url, { fromMunicipalityNumber: '4601', fromMunicipalityName: 'Bergen', serial: 'R-9', arrivedAt: '2027-09-15T10:00:00+02:00' });
    expect(future.json().code).toBe('ARRIVAL_IN_FUTURE');

    // 20 registrations of one envelope at once: one is written, the others are told it exists.
    const race = await Promise.all(Array.from({ length: 20 }, () => post(url, { fromMunicipalityNumber: '4601', fromMunicipalityName: 'Bergen', serial: 'R-2' })));
    expect(race.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(race.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual(Array(19).fill('ENVELOPE_SERIAL_TAKEN'));
    expect((await sql<{ n: number }[]>(`select count(*)::int as n from received_envelope where serial = 'R-2'`))[0]!.n).toBe(2);

    const decide = (id: string, payload: object, cookie = board) => post(`/api/elections/${electionId}/envelopes/received/${id}/decision`, payload, cookie);
    expect((await decide(late.json().id, { decision: 'approve' }, organiser)).statusCode).toBe(403);
    const refused = await decide(late.json().id, { decision: 'approve' });
    expect({ status: refused.statusCode, code: refused.json().code }).toEqual({ status: 409, code: 'ENVELOPE_LATE' });
    expect((await decide(late.json().id, { decision: 'reject', ground: 'envelope_opened' })).json().code).toBe('ENVELOPE_LATE');
    expect((await decide(late.json().id, { decision: 'reject', ground: 'late' })).json()).toMatchObject({ status: 'rejected', rejectGround: 'late' });
    expect((await decide(inTime.json().id, { decision: 'approve' })).json()).toMatchObject({ status: 'approved' });
    expect((await decide(inTime.json().id, { decision: 'approve' })).json().code).toBe('VOTE_ALREADY_DECIDED');
    // The database refuses an approved late envelope whatever the application does.
    await expect(sql(`update received_envelope set status = 'approved', reject_ground = null where id = ?`, [late.json().id])).rejects.toThrow(/received_envelope_late_not_approved/);

    const register = (await t.app.inject({ url: `/api/elections/${electionId}/envelopes`, headers: { cookie: organiser } })).json();
    expect(register.deadline).toBe('2027-09-14T15:00:00.000Z');
    expect(register.sent).toHaveLength(2);
    expect(register.received.map((r: { serial: string; late: boolean }) => `${r.serial}:${r.late}`)).toEqual(['R-1:false', 'R-1:false', 'R-2:true', 'R-2:true']);
    expect(register.unsent.map((u: { id: string }) => u.id)).toEqual([sent[2]]);
    const audit = await sql<{ action: string }[]>(`select distinct action from audit_log where action like 'envelope.%' order by 1`);
    expect(audit.map((a) => a.action)).toEqual(['envelope.approve', 'envelope.receive', 'envelope.reject', 'envelope.send']);
  });

  it('puts the envelopes in the reconciliation export', async () => {
    const csv = (await t.app.inject({ url: `/api/elections/${electionId}/registrations.csv?date=2027-09-01`, headers: { cookie: organiser } })).body;
    expect(csv.split('\r\n')[0]).toContain('sendt_til_kommune;sendt_forsendelse');
    const lines = csv.split('\r\n').filter((l) => l.includes(sent[0]!));
    expect(lines[0]).toMatch(/;0301;S-1$/);
    const day = (await t.app.inject({ url: `/api/elections/${electionId}/registrations.csv?date=2027-09-14`, headers: { cookie: organiser } })).body;
    expect(day.split('\r\n').filter((l) => l.includes('mottatt_konvolutt'))).toHaveLength(4);
  });

  it("the board's record: every number in the PDF equals the database's count", async () => {
    setClock('2027-09-20T10:00:00+02:00');
    const res = await t.app.inject({ url: `/api/elections/${electionId}/board-record.pdf`, headers: { cookie: board } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.toString('latin1')).toMatch(/\/StructTreeRoot/);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Valgstyrets protokoll for forhåndsstemmer – Rådgivende folkeavstemning om skolestruktur');
    expect(text).toMatch(/Frist for å komme inn\s+14\.09\.2027 kl\. 17:00/);
    const COUNTS = `count(*)::int as n1, count(*) filter (where status = 'approved')::int as n2, count(*) filter (where status = 'rejected')::int as n3, count(*) filter (where status = 'cancelled')::int as n4, count(*) filter (where status = 'received')::int as n5`;
    const rows = async (query: string) => (await sql<Record<string, number | string>[]>(query, [electionId])).map((r) => Object.values(r));
    const check = async (query: string, label: (key: string) => string) => {
      const expected = await rows(query);
      expect(expected.length).toBeGreaterThan(0);
      for (const [key, ...numbers] of expected) expect({ key, numbers: numbersAfter(text, label(String(key))) }).toEqual({ key, numbers });
    };
    const total = await rows(`select 'Mottatt i alt' as key, ${COUNTS} from advance_vote where election_id = ?`);
    expect(numbersAfter(text, 'Mottatt i alt')).toEqual(total[0]!.slice(1));
    expect(total[0]![1]).toBe(13);
    await check(`select p.name as key, ${COUNTS} from advance_vote v join voting_place p on p.id = v.voting_place_id where v.election_id = ? group by 1`, (k) => k);
    await check(`select to_char((cast_at at time zone 'Europe/Oslo')::date, 'DD.MM.YYYY') as key, ${COUNTS} from advance_vote where election_id = ? group by 1`, (k) => k);
    const kinds: Record<string, string> = { ordinary: 'Forhåndsstemme', early: 'Tidligstemme' };
    await check(`select kind as key, ${COUNTS} from advance_vote where election_id = ? group by 1`, (k) => kinds[k]!);
    const grounds: Record<string, string> = { already_approved: 'Velgeren har allerede en godkjent stemmegivning' };
    await check(`select reject_ground, count(*)::int from advance_vote where election_id = ? and status = 'rejected' group by 1`, (k) => grounds[k]!);
    const reasons: Record<string, string> = { other_municipality: 'Velger i annen kommune', already_voted: 'Har stemt tidligere', identity_doubt: 'Tvil om identitet' };
    await check(`select envelope_reason, count(*)::int from advance_vote where election_id = ? and envelope_reason is not null and status <> 'cancelled' group by 1`, (k) => reasons[k]!);
    // Envelopes sent: serial, municipality, date, the number of votes in it.
    for (const s of await sql<{ serial: string; number: string; name: string; n: number }[]>(
      `select s.serial, s.to_municipality_number as number, s.to_municipality_name as name, (select count(*)::int from sent_envelope_vote v where v.envelope_id = s.id) as n from sent_envelope s where s.election_id = ?`, [electionId])) {
      expect(text).toMatch(new RegExp(`^\\s*${s.serial}\\s+${s.number} ${s.name}\\s+\\d\\d\\.09\\.2027\\s+${s.n}\\s*$`, 'm'));
    }
    // Envelopes received, the late ones marked, with their status.
    const received = await sql<{ serial: string; number: string; late: boolean; status: string }[]>(`select serial, from_municipality_number as number, late, status from received_envelope where election_id = ?`, [electionId]);
    const status: Record<string, string> = { received: 'Mottatt', approved: 'Godkjent', rejected: 'Forkastet' };
    for (const r of received) expect(text).toMatch(new RegExp(`^\\s*${r.serial}\\s+${r.number} .*kl\\. \\d\\d:\\d\\d\\s+${r.late ? 'For sent' : 'I tide'}\\s+${status[r.status]}\\s*$`, 'm'));
    expect(text.match(/For sent\s+\S+\s*$/gm)).toHaveLength(received.filter((r) => r.late).length);
    // Cancellations, with their reason.
    const cancelled = await sql<{ n: number }[]>(`select count(*)::int as n from advance_vote where election_id = ? and status = 'cancelled'`, [electionId]);
    expect(text.match(/Angret av stemmemottaker: Feil velger/g)).toHaveLength(cancelled[0]!.n);

    const nn = pdfText((await t.app.inject({ url: `/api/elections/${electionId}/board-record.pdf?language=nn`, headers: { cookie: clerk } })).rawPayload);
    expect(nn).toContain('Valstyret sin protokoll for førehandsrøyster');
    expect(numbersAfter(nn, 'Motteke i alt')).toEqual(total[0]!.slice(1));
    expect((await t.app.inject({ url: `/api/elections/${electionId}/board-record.pdf`, headers: { cookie: organiser } })).statusCode).toBe(403);
  });

  it("the written standard of the board's record is set per election", async () => {
    const put = (payload: object, cookie = board) => t.app.inject({ method: 'PUT', url: `/api/elections/${electionId}/settings`, headers: { cookie }, payload });
    expect((await put({ recordLanguage: 'nn', retentionMonths: 3 }, clerk)).statusCode).toBe(403);
    expect((await put({ recordLanguage: 'se', retentionMonths: 3 })).json().code).toBe('VALIDATION_FAILED');
    // Until set, the municipality's written standard (bokmål by default).
    expect((await t.app.inject({ url: `/api/elections/${electionId}/settings`, headers: { cookie: organiser } })).json()).toMatchObject({ recordLanguage: null, recordLanguageInEffect: 'nb', retentionMonths: null });
    expect((await put({ recordLanguage: 'nn', retentionMonths: 3 })).json()).toMatchObject({ recordLanguage: 'nn', recordLanguageInEffect: 'nn', retentionMonths: 3, defaultRetentionMonths: 6, purgeFrom: '2027-12-13', purgedAt: null });
    const text = pdfText((await t.app.inject({ url: `/api/elections/${electionId}/board-record.pdf`, headers: { cookie: board } })).rawPayload);
    expect(text).toContain('Valstyret sin protokoll');
  });

  it("the counter's figures: a place's count on a day, in all and per hour", async () => {
    const counts = async (place: string, date?: string) => (await t.app.inject({ url: `/api/elections/${electionId}/places/${place}/counts${date ? `?date=${date}` : ''}`, headers: { cookie: clerk } })).json();
    const c = await counts(placeId, '2027-09-01');
    const hours = await sql<{ hour: number; count: number }[]>(
      `select extract(hour from cast_at at time zone 'Europe/Oslo')::int as hour, count(*)::int as count from advance_vote where voting_place_id = ? and status <> 'cancelled' group by 1 order by 1`, [placeId]);
    expect(c).toMatchObject({ date: '2027-09-01', votingPlace: 'Servicetorget', total: 9, hours });
    expect(hours).toEqual([{ hour: 9, count: 6 }, { hour: 10, count: 3 }]);
    expect((await counts(place2Id, '2027-09-01')).total).toBe(0);
    expect((await counts(place2Id, '2027-09-02'))).toMatchObject({ total: 3, approved: 2, received: 1, hours: [{ hour: 11, count: 3 }] });
    expect((await t.app.inject({ url: `/api/elections/${electionId}/places/${randomUUID()}/counts`, headers: { cookie: clerk } })).statusCode).toBe(404);
  });
});
