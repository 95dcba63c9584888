import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { syntheticPersonalNumbers } from '../test-support/synthetic.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { AdvanceVoteService } from './advance-votes.service.js';
import { BoardRecordService } from './board-record.service.js';
import { CLOCK, type Clock } from './clock.js';
import { ElectionsModule } from './elections.module.js';
import { ElectionsService } from './elections.service.js';
import { EnvelopesService } from './envelopes.service.js';
import { ElectionRetentionJob } from './retention.job.js';
import { RollService } from './roll.service.js';

const HEADER = 'fodselsnummer;fornavn;etternavn;fodselsdato;adresse;kommunenummer;krets';

describe('retention: the roll and personal numbers are deleted a set time after the election; the aggregated record stays', () => {
  let t: TestApp;
  let organiser: string;
  let clerk: string;
  let municipalityId: string;
  const people = syntheticPersonalNumbers(24);
  const sql = <T extends object>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T>(query, params);
  const setClock = (iso: string) => {
    const holders = [AdvanceVoteService, EnvelopesService, BoardRecordService, ElectionRetentionJob, ElectionsService].map((s) => t.app.get<object>(s, { strict: false }) as { clock: Clock });
    for (const clock of new Set([t.app.select(ElectionsModule).get<Clock>(CLOCK), ...holders.map((h) => h.clock)])) clock.now = () => new Date(iso);
  };
  const post = (url: string, payload: object, cookie = organiser) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });

  /** An election with a roll, votes on a day at one place, and a received envelope. */
  async function election(name: string, electionDay: string, voteDay: string, voters: { personalNumber: string; birthDate: string }[], periods: object = {}): Promise<string> {
    const id = (await post('/api/elections', { name, type: 'folkeavstemning', electionDay, ...periods })).json().id as string;
    const placeId = (await post(`/api/elections/${id}/places`, { name: `Rådhuset ${name}`, openingHours: [{ date: voteDay, from: '08:00', to: '20:00' }], staff: ['valgmedarbeider'] })).json().id as string;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sek-roll-')), 'roll.csv');
    writeFileSync(file, [HEADER, ...voters.map((p, i) => `${p.personalNumber};Åse${i};Ødegård;${p.birthDate};Storgata ${i};${i % 3 === 0 ? '0301' : '9901'};0001 Sentrum`)].join('\n') + '\n');
    expect((await t.app.get(RollService).importFile({ electionId: id, municipalityId, file, userId: randomUUID(), userName: 'test', allowRejected: false })).committed).toBe(true);
    setClock(`${voteDay}T12:00:00Z`);
    for (const [i, p] of voters.entries()) {
      const r = await post(`/api/elections/${id}/votes`, { personalNumber: p.personalNumber, votingPlaceId: placeId, identityChecked: true, identityDoubt: i === 1, idempotencyKey: randomUUID() }, clerk);
      expect(r.statusCode).toBe(201);
    }
    expect((await post(`/api/elections/${id}/envelopes/received`, { fromMunicipalityNumber: '4601', fromMunicipalityName: 'Bergen', serial: 'R-1', personalNumber: voters[2]!.personalNumber })).statusCode).toBe(201);
    return id;
  }

  let oldId: string;
  let recentId: string;

  beforeAll(async () => {
    t = await createTestApp('retention');
    organiser = await t.login('sekretariat');
    clerk = await t.login('valgmedarbeider');
    municipalityId = (await sql<{ id: string }[]>('select id from municipality'))[0]!.id;
    oldId = await election('Folkeavstemning 2027', '2027-02-10', '2027-02-05', people.slice(0, 12), { advanceFrom: '2027-02-01', advanceTo: '2027-02-09' });
    recentId = await election('Folkeavstemning høsten 2027', '2027-09-13', '2027-09-01', people.slice(12));
  });
  afterAll(async () => {
    await t.close();
  });

  const personal = async (id: string) =>
    (await sql<{ roll: number; votes: number; envelopes: number }[]>(
      `select (select count(*)::int from roll_voter where election_id = ?) as roll,
              (select count(*)::int from advance_vote where election_id = ? and personal_number is not null) as votes,
              (select count(*)::int from received_envelope where election_id = ? and personal_number is not null) as envelopes`,
      [id, id, id],
    ))[0]!;

  it('deletes an old election’s roll and personal numbers, leaves a recent one, and the aggregated record gives the same numbers', async () => {
    const report = async (id: string) => (await t.app.inject({ url: `/api/elections/${id}/report`, headers: { cookie: organiser } })).json();
    const beforeReport = await report(oldId);
    const recentReport = await report(recentId);
    expect(await personal(oldId)).toEqual({ roll: 12, votes: 12, envelopes: 1 });
    // The record is read inside a request's tenant scope; through the route as well.
    const pdfBefore = (await t.app.inject({ url: `/api/elections/${oldId}/board-record.pdf`, headers: { cookie: await t.login('valgstyre') } })).statusCode;
    expect(pdfBefore).toBe(200);

    // 6 months after 10 February 2027 is 10 August: the day before, nothing happens.
    setClock('2027-08-09T12:00:00+02:00');
    expect(await t.app.get(ElectionRetentionJob).run()).toEqual({ elections: 0, rollRows: 0, votes: 0, envelopes: 0 });
    setClock('2027-08-10T03:40:00+02:00');
    expect(await t.app.get(ElectionRetentionJob).run()).toEqual({ elections: 1, rollRows: 12, votes: 12, envelopes: 1 });
    expect(await personal(oldId)).toEqual({ roll: 0, votes: 0, envelopes: 0 });
    expect(await personal(recentId)).toEqual({ roll: 12, votes: 12, envelopes: 1 });
    expect((await sql<{ n: number }[]>(`select count(*)::int as n from advance_vote where election_id = ?`, [oldId]))[0]!.n).toBe(12);
    expect(await report(oldId)).toEqual(beforeReport);
    expect(await report(recentId)).toEqual(recentReport);
    const settings = (await t.app.inject({ url: `/api/elections/${oldId}/settings`, headers: { cookie: organiser } })).json();
    expect(settings).toMatchObject({ retentionMonths: null, defaultRetentionMonths: 6, purgeFrom: '2027-08-10', purgedAt: expect.any(String) });
    const audit = await sql<{ after: { rollRows: number } }[]>(`select after from audit_log where action = 'election.purge' and entity_id = ?`, [oldId]);
    expect(audit.map((a) => a.after.rollRows)).toEqual([12]);

    // Idempotent: again, nothing more.
    expect(await t.app.get(ElectionRetentionJob).run()).toEqual({ elections: 0, rollRows: 0, votes: 0, envelopes: 0 });
    expect(await report(oldId)).toEqual(beforeReport);
  });

  it('keeps the board’s record of a purged election: the same counts as before', async () => {
    // The recent election, purged early by its own setting: the record before and after agree.
    const board = await t.login('valgstyre');
    const recordText = async () => {
      const m = await t.app.inject({ url: `/api/elections/${recentId}/board-record.pdf`, headers: { cookie: board } });
      expect(m.statusCode).toBe(200);
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'sek-record-')), 'r.pdf');
      writeFileSync(file, m.rawPayload);
      // Without the lines that carry the time of printing.
      return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\n').filter((l) => !/Utskrift/.test(l)).join('\n');
    };
    const textBefore = await recordText();
    const countsBefore = await sql(`select status, kind, envelope_reason, voting_place_id, count(*)::int as n from advance_vote where election_id = ? group by 1, 2, 3, 4 order by 1, 2, 3, 4`, [recentId]);
    expect((await t.app.inject({ method: 'PUT', url: `/api/elections/${recentId}/settings`, headers: { cookie: board }, payload: { recordLanguage: null, retentionMonths: 0 } })).statusCode).toBe(200);
    setClock('2027-09-13T12:00:00+02:00');
    expect(await t.app.get(ElectionRetentionJob).run()).toMatchObject({ elections: 1, rollRows: 12 });
    expect(await sql(`select status, kind, envelope_reason, voting_place_id, count(*)::int as n from advance_vote where election_id = ? group by 1, 2, 3, 4 order by 1, 2, 3, 4`, [recentId])).toEqual(countsBefore);
    expect((await sql<{ n: number }[]>(`select count(*)::int as n from received_envelope where election_id = ? and serial = 'R-1'`, [recentId]))[0]!.n).toBe(1);
    expect(await recordText()).toEqual(textBefore);
    expect(textBefore).toMatch(/Mottatt i alt\s+12\s/);
  });
});
