import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
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
import { EnvelopesService } from './envelopes.service.js';

const HEADER = 'fodselsnummer;fornavn;etternavn;fodselsdato;adresse;kommunenummer;krets';

/**
 * "At most one approved vote per voter and election" is a database rule across the advance votes
 * and the envelopes received from other municipalities (trigger vote_one_approved_check).
 */
describe('one approved vote per voter, across advance votes and received envelopes', () => {
  let t: TestApp;
  let organiser: string;
  let clerk: string;
  let board: string;
  let electionId: string;
  let placeId: string;
  const people = syntheticPersonalNumbers(4);
  const setClock = (iso: string) => {
    const holders = [AdvanceVoteService, EnvelopesService].map((s) => t.app.get<object>(s, { strict: false }) as { clock: Clock });
    for (const clock of new Set([t.app.select(ElectionsModule).get<Clock>(CLOCK), ...holders.map((h) => h.clock)])) clock.now = () => new Date(iso);
  };
  const sql = <T extends object>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T>(query, params);
  const post = (url: string, payload: object, cookie = organiser) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  const approvedOf = async (pn: string) =>
    (await sql<{ n: number }[]>(
      `select ((select count(*) from advance_vote where personal_number = ? and status = 'approved') + (select count(*) from received_envelope where personal_number = ? and status = 'approved'))::int as n`,
      [pn, pn],
    ))[0]!.n;
  /** A vote received at the desk in an envelope (identity in doubt), waiting for the board. */
  const receivedVote = async (pn: string) => {
    const r = await post(`/api/elections/${electionId}/votes`, { personalNumber: pn, votingPlaceId: placeId, identityChecked: true, identityDoubt: true, idempotencyKey: randomUUID() }, clerk);
    expect(r.json()).toMatchObject({ vote: { status: 'received' } });
    return r.json().vote.id as string;
  };
  let serial = 0;
  const receivedEnvelope = async (pn: string) => {
    const r = await post(`/api/elections/${electionId}/envelopes/received`, { fromMunicipalityNumber: '0301', fromMunicipalityName: 'Oslo', serial: `R-${++serial}`, personalNumber: pn });
    expect(r.statusCode).toBe(201);
    return r.json().id as string;
  };

  beforeAll(async () => {
    t = await createTestApp('one_approved');
    organiser = await t.login('sekretariat');
    clerk = await t.login('valgmedarbeider');
    board = await t.login('valgstyre');
    const municipalityId = (await sql<{ id: string }[]>('select id from municipality'))[0]!.id;
    electionId = (await post('/api/elections', { name: 'Rådgivende folkeavstemning om kommunesammenslåing', type: 'folkeavstemning', electionDay: '2027-09-13' })).json().id;
    placeId = (await post(`/api/elections/${electionId}/places`, { name: 'Servicetorget', address: 'Rådhuset', openingHours: [{ date: '2027-09-01', from: '08:00', to: '20:00' }], staff: ['valgmedarbeider'] })).json().id;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sek-roll-')), 'roll.csv');
    writeFileSync(file, [HEADER, ...people.map((p, i) => `${p.personalNumber};Åse${i};Ødegård;${p.birthDate};Storgata ${i};9901;0001 Sentrum`)].join('\n') + '\n');
    expect((await t.app.get(RollService).importFile({ electionId, municipalityId, file, userId: randomUUID(), userName: 'test', allowRejected: false })).committed).toBe(true);
    setClock('2027-09-01T10:00:00+02:00');
  });
  afterAll(async () => {
    await t.close();
  });

  it('20 concurrent approvals of one voter, 10 votes and 10 envelopes, over HTTP: exactly one approved, 19 VOTER_ALREADY_APPROVED', async () => {
    const pn = people[0]!.personalNumber;
    const votes: string[] = [];
    const envelopes: string[] = [];
    for (let i = 0; i < 10; i++) votes.push(await receivedVote(pn));
    for (let i = 0; i < 10; i++) envelopes.push(await receivedEnvelope(pn));
    const answers = await Promise.all([
      ...votes.map((id) => post(`/api/elections/${electionId}/review/decisions`, { voteIds: [id], decision: 'approve' }, board)),
      ...envelopes.map((id) => post(`/api/elections/${electionId}/envelopes/received/${id}/decision`, { decision: 'approve' }, board)),
    ]);
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    const refused = answers.filter((a) => a.statusCode !== 200).map((a) => ({ status: a.statusCode, code: a.json().code }));
    expect(refused).toEqual(Array.from({ length: 19 }, () => ({ status: 409, code: 'VOTER_ALREADY_APPROVED' })));
    expect(await approvedOf(pn)).toBe(1);
    // The refused ones are untouched, still waiting for a decision (nothing written).
    const waiting = await sql<{ n: number }[]>(
      `select ((select count(*) from advance_vote where personal_number = ? and status = 'received' and decided_at is null) + (select count(*) from received_envelope where personal_number = ? and status = 'received' and decided_at is null))::int as n`,
      [pn, pn],
    );
    expect(waiting[0]!.n).toBe(19);
  });

  it('the database refuses a second approval written past the services, in either table', async () => {
    const pn = people[1]!.personalNumber;
    const envelope = await receivedEnvelope(pn);
    const vote = await receivedVote(pn);
    await sql(`update received_envelope set status = 'approved' where id = ?`, [envelope]);
    await expect(sql(`update advance_vote set status = 'approved' where id = ?`, [vote])).rejects.toMatchObject({ code: '23505', constraint: 'vote_one_approved' });
    // The other way round, and a plain vote at the desk, are refused too.
    await sql(`update received_envelope set status = 'received' where id = ?`, [envelope]);
    await sql(`update advance_vote set status = 'approved' where id = ?`, [vote]);
    await expect(sql(`update received_envelope set status = 'approved' where id = ?`, [envelope])).rejects.toMatchObject({ code: '23505', constraint: 'vote_one_approved' });
    expect(await approvedOf(pn)).toBe(1);
    // A rejected or cancelled vote does not count; nor does an envelope without a personal number.
    await sql(`update advance_vote set status = 'cancelled' where id = ?`, [vote]);
    await sql(`update received_envelope set status = 'approved' where id = ?`, [envelope]);
    expect(await approvedOf(pn)).toBe(1);
  });

  it('a voter whose envelope from another municipality is approved is taken in an envelope at the desk, not turned away', async () => {
    const pn = people[2]!.personalNumber;
    const envelope = await receivedEnvelope(pn);
    expect((await post(`/api/elections/${electionId}/envelopes/received/${envelope}/decision`, { decision: 'approve' }, board)).statusCode).toBe(200);
    const r = await post(`/api/elections/${electionId}/votes`, { personalNumber: pn, votingPlaceId: placeId, identityChecked: true, idempotencyKey: randomUUID() }, clerk);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ vote: { status: 'received', envelopeReason: 'already_voted' } });
    expect(await approvedOf(pn)).toBe(1);
  });
});
