import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Absence, Minutes, OpenProtocol } from '@sekretariat/contracts';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

jest.setTimeout(60_000);

const pdfText = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'protocol-'));
  writeFileSync(join(dir, 'p.pdf'), pdf);
  return execFileSync('pdftotext', ['-layout', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
};

/**
 * The whole chain of a meeting's minutes on PostgreSQL with a real Chromium: attendance with a
 * substitute, a disqualified member, a split vote, the decision written back to the case,
 * approval by two signatories through their own sign-in, locking, public redaction, a
 * correction as a new version, and the open data valid against its JSON Schema.
 */
describe('minutes and the protocol', () => {
  let t: TestApp;
  let secretariat: string;
  let official: string;
  let official2: string;
  let meetingId: string;
  let openItemId: string;
  let closedItemId: string;
  let openCaseId: string;
  let absentPersonId: string;
  let substitutePersonId: string;
  let disqualifiedPersonId: string;
  const signers: string[] = [];
  const members: { person_id: string; party: string }[] = [];

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const sql = <T extends object>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T>(query, params);
  const minutes = async () => (await inject('GET', `/api/meetings/${meetingId}/minutes`, secretariat)).json<Minutes>();
  const item = (m: Minutes, id: string) => m.items.find((i) => i.id === id)!;

  beforeAll(async () => {
    t = await createTestApp('minutes');
    secretariat = await t.login('sekretariat');
    official = await t.login('politiker');
    official2 = await t.login('politiker2');
    for (const cookie of [official, official2]) signers.push((await inject('GET', '/api/auth/me', cookie)).json<{ user: { personId: string } }>().user.personId);
    const bodies = (await inject('GET', '/api/bodies', secretariat)).json<{ items: { id: string; kind: string }[] }>().items;
    const ksId = bodies.find((b) => b.kind === 'kommunestyre')!.id;
    members.push(
      ...(await sql<{ person_id: string; party: string }[]>(
        `select m.person_id, y.short_name as party from membership m join party y on y.id = m.party_id join person p on p.id = m.person_id
          where m.body_id = ? and m.kind = 'member' order by p.family_name, p.given_name`,
        [ksId],
      )),
    );
    const startsAt = new Date(Date.now() + 5 * 24 * 3_600_000);
    meetingId = (await inject('POST', `/api/bodies/${ksId}/meetings`, secretariat, { startsAt: startsAt.toISOString(), place: 'Rådhuset' })).json<{ id: string }>().id;
    const openCase = await inject('POST', '/api/cases', secretariat, { archiveReference: '26/1500', title: 'Trafikksikkerhetsplan 2027–2030', recommendation: 'Trafikksikkerhetsplanen vedtas.' });
    openCaseId = openCase.json<{ id: string }>().id;
    const closedCase = await inject('POST', '/api/cases', secretariat, { archiveReference: '26/1501', title: 'Kjøp av eiendommen Hemmelig gate 3', recommendation: 'Kommunen kjøper eiendommen.', public: false, legalGround: 'offl23-1' });
    openItemId = (await inject('POST', `/api/meetings/${meetingId}/items`, secretariat, { caseId: openCaseId })).json<{ id: string }>().id;
    closedItemId = (await inject('POST', `/api/meetings/${meetingId}/items`, secretariat, { caseId: closedCase.json<{ id: string }>().id })).json<{ id: string }>().id;
    expect((await inject('POST', `/api/meetings/${meetingId}/publish`, secretariat)).statusCode).toBe(200);
    // A member reports absence before the meeting; the first substitute accepts (by phone).
    absentPersonId = members.find((m) => !signers.includes(m.person_id) && m.party === 'H')!.person_id;
    const absence = (await inject('POST', `/api/meetings/${meetingId}/absences`, secretariat, { personId: absentPersonId, reason: 'Sykdom' })).json<Absence>();
    const summons = absence.summonses[0]!;
    substitutePersonId = summons.personId;
    expect((await inject('POST', `/api/summonses/${summons.id}/answer`, secretariat, { answer: 'accept' })).statusCode).toBe(200);
    // The meeting day comes.
    await sql(`update meeting set starts_at = now() - interval '2 hours' where id = ?`, [meetingId]);
    disqualifiedPersonId = members.find((m) => !signers.includes(m.person_id) && m.person_id !== absentPersonId && m.party === 'Sp')!.person_id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('opens the minutes with attendance from the seat overview and the recommendation as the first proposal', async () => {
    const res = await inject('POST', `/api/meetings/${meetingId}/minutes/start`, secretariat);
    expect(res.statusCode).toBe(200);
    const m = res.json<Minutes>();
    expect(m.memberCount).toBe(27);
    expect(m.attendees.find((a) => a.personId === absentPersonId)).toMatchObject({ role: 'member', present: false, absenceReason: 'Sykdom' });
    expect(m.attendees.find((a) => a.personId === substitutePersonId)).toMatchObject({ role: 'substitute', present: true, party: 'H' });
    expect(item(m, openItemId)).toMatchObject({ votingPresent: 27, quorate: true, proposals: [{ kind: 'recommendation', text: 'Trafikksikkerhetsplanen vedtas.', outcome: 'pending' }] });
    // Idempotent: opening again changes nothing.
    expect((await inject('POST', `/api/meetings/${meetingId}/minutes/start`, secretariat)).json<Minutes>().attendees).toHaveLength(m.attendees.length);
  });

  it('refuses the minutes to those without a role in them', async () => {
    expect((await inject('GET', `/api/meetings/${meetingId}/minutes`, official)).json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await inject('POST', `/api/meetings/${meetingId}/minutes/start`, official)).statusCode).toBe(403);
  });

  it('records a disqualification, which takes the member out of the item and its vote', async () => {
    const res = await inject('POST', `/api/meetings/${meetingId}/minutes/items/${openItemId}/disqualifications`, secretariat, { personId: disqualifiedPersonId, ground: 'fvl6-1-a', disqualified: true, note: 'Er part i saken.' });
    expect(res.statusCode).toBe(200);
    expect(item(res.json<Minutes>(), openItemId)).toMatchObject({ votingPresent: 26, disqualifications: [{ citation: 'fvl. § 6 første ledd bokstav a', disqualified: true }] });
    expect(item(res.json<Minutes>(), closedItemId).votingPresent).toBe(27);
  });

  it('refuses a vote by someone not present or disqualified, a member counted twice, and leaves the vote as it was', async () => {
    const m = await minutes();
    const recommendation = item(m, openItemId).proposals[0]!;
    for (const [against, code] of [
      [[absentPersonId], 'VOTER_NOT_PRESENT'],
      [[disqualifiedPersonId], 'VOTER_NOT_PRESENT'],
      [[signers[0], signers[0]], 'VOTE_DUPLICATE'],
      [['00000000-0000-4000-8000-000000000000'], 'VOTER_NOT_PRESENT'],
    ] as const) {
      const res = await inject('PUT', `/api/meetings/${meetingId}/minutes/proposals/${recommendation.id}/vote`, secretariat, { outcome: 'voted', againstPersonIds: against });
      expect({ status: res.statusCode, code: res.json<{ code: string }>().code }).toEqual({ status: 422, code });
    }
    const bad = await inject('PUT', `/api/meetings/${meetingId}/minutes/proposals/${recommendation.id}/vote`, secretariat, { outcome: 'voted', againstPersonIds: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(item(await minutes(), openItemId).proposals[0]).toMatchObject({ outcome: 'pending', result: null });
  });

  it('records a proposal and a split vote with the breakdown per party; the adopted text becomes the decision and reaches the case', async () => {
    const proposer = members.find((x) => x.party === 'FrP')!.person_id;
    const added = await inject('POST', `/api/meetings/${meetingId}/minutes/items/${openItemId}/proposals`, secretariat, { kind: 'addition', personId: proposer, text: 'Planen evalueres etter to år.' });
    expect(added.statusCode).toBe(200);
    const m = added.json<Minutes>();
    const [recommendation, addition] = item(m, openItemId).proposals;
    // Every FrP member and one Ap member vote against the addition: Ap splits, and is named.
    const apMember = members.find((x) => x.party === 'Ap' && !signers.includes(x.person_id))!.person_id;
    const against = [...members.filter((x) => x.party === 'FrP').map((x) => x.person_id), apMember];
    expect((await inject('PUT', `/api/meetings/${meetingId}/minutes/proposals/${recommendation!.id}/vote`, secretariat, { outcome: 'voted', againstPersonIds: [] })).statusCode).toBe(200);
    const voted = await inject('PUT', `/api/meetings/${meetingId}/minutes/proposals/${addition!.id}/vote`, secretariat, { outcome: 'voted', againstPersonIds: against });
    expect(voted.statusCode).toBe(200);
    const after = item(voted.json<Minutes>(), openItemId);
    expect(after.proposals[0]!.result).toMatchObject({ for: 26, against: 0, adopted: true, sentence: 'Innstillingen ble enstemmig vedtatt.' });
    const split = after.proposals[1]!.result!;
    expect(split).toMatchObject({ for: 26 - against.length, against: against.length, adopted: true });
    expect(split.byParty.find((p) => p.party === 'Ap')).toMatchObject({ against: 1 });
    expect(split.namedAgainst).toHaveLength(1);
    expect(after).toMatchObject({ outcome: 'treated', decision: 'Trafikksikkerhetsplanen vedtas.\n\nPlanen evalueres etter to år.' });
    const saksgang = (await inject('GET', `/api/cases/${openCaseId}/saksgang`, secretariat)).json<{ items: { decision: string }[] }>();
    expect(saksgang.items[0]!.decision).toContain('Planen evalueres etter to år.');
    // A disqualification after the votes would change them: refused.
    const late = await inject('POST', `/api/meetings/${meetingId}/minutes/items/${openItemId}/disqualifications`, secretariat, { personId: apMember, ground: 'fvl6-2', disqualified: true });
    expect(late.json()).toMatchObject({ code: 'DISQUALIFIED_HAS_VOTED' });
  });

  it('keeps a departure from changing a vote already recorded', async () => {
    const m = await minutes();
    const apMember = members.find((x) => x.party === 'Ap' && !signers.includes(x.person_id))!.person_id;
    const attendee = m.attendees.find((a) => a.personId === apMember)!;
    const res = await inject('PUT', `/api/meetings/${meetingId}/minutes/attendees/${attendee.id}`, secretariat, { present: false, absenceReason: 'Gikk' });
    expect(res.json()).toMatchObject({ code: 'VOTER_NOT_PRESENT' });
    expect((await minutes()).attendees.find((a) => a.id === attendee.id)!.present).toBe(true);
    // A departure after the closed item is fine (and shown in the protocol).
    const left = await inject('PUT', `/api/meetings/${meetingId}/minutes/attendees/${attendee.id}`, secretariat, { present: true, toItemId: openItemId, leftAt: '19:40' });
    expect(left.statusCode).toBe(200);
    expect(item(left.json<Minutes>(), closedItemId).votingPresent).toBe(26);
  });

  it('refuses a substitute who is not on the list', async () => {
    const notOnList = members.find((x) => x.party === 'SV')!.person_id;
    const res = await inject('POST', `/api/meetings/${meetingId}/minutes/attendees`, secretariat, { role: 'substitute', personId: notOnList, meetsForPersonId: absentPersonId });
    expect(res.json()).toMatchObject({ code: 'SUBSTITUTE_NOT_ON_LIST' });
  });

  it('treats the closed item, marks the meeting held and chooses two signatories', async () => {
    const m = await minutes();
    const closed = item(m, closedItemId);
    expect((await inject('PUT', `/api/meetings/${meetingId}/minutes/proposals/${closed.proposals[0]!.id}/vote`, secretariat, { outcome: 'voted', againstPersonIds: [] })).statusCode).toBe(200);
    const treated = await inject('PUT', `/api/meetings/${meetingId}/minutes/items/${closedItemId}`, secretariat, { outcome: 'treated', treatment: 'Hemmelig forhandlingsposisjon drøftet.', decision: 'Kommunen kjøper eiendommen for inntil 4 mill. kroner.', decisionExempt: true });
    expect(treated.statusCode).toBe(200);
    expect((await inject('POST', `/api/meetings/${meetingId}/minutes/held`, secretariat)).json<Minutes>().meetingStatus).toBe('held');
    const chair = m.record.chairPersonId;
    const notPresent = await inject('PUT', `/api/meetings/${meetingId}/minutes/record`, secretariat, { ...m.record, signatoryPersonIds: [absentPersonId] });
    expect(notPresent.json()).toMatchObject({ code: 'SIGNATORY_NOT_PRESENT' });
    const record = await inject('PUT', `/api/meetings/${meetingId}/minutes/record`, secretariat, { ...m.record, chairPersonId: chair, openedAt: '18:00', closedAt: '21:15', signatoryPersonIds: signers });
    expect(record.statusCode).toBe(200);
  });

  it('renders the draft with a watermark, and the public edition without the closed item', async () => {
    const draft = await inject('GET', `/api/meetings/${meetingId}/minutes/protocol.pdf`, secretariat);
    expect(draft.statusCode).toBe(200);
    const text = pdfText(draft.rawPayload);
    expect(text).toContain('Utkast – ikke godkjent');
    expect(text).toContain('Trafikksikkerhetsplan 2027–2030');
    expect(text).toContain('Hemmelig gate 3');
    const pub = pdfText((await inject('GET', `/api/meetings/${meetingId}/minutes/protocol.pdf?edition=public`, secretariat)).rawPayload);
    expect(pub).not.toContain('Hemmelig');
    expect(pub).not.toContain('4 mill');
    expect(pub).toContain('Unntatt offentlighet');
    expect(pub).toContain('koml. § 11-5 tredje ledd bokstav b jf. offl. § 23 første ledd');
  });

  it('is approved by the two signatories, each through their own sign-in, and then locked', async () => {
    const secretariatSigns = await inject('POST', `/api/meetings/${meetingId}/minutes/protocol/sign`, secretariat);
    expect(secretariatSigns.statusCode).toBe(403);
    const first = await inject('POST', `/api/meetings/${meetingId}/minutes/protocol/sign`, official);
    expect(first.statusCode).toBe(200);
    expect(first.json<Minutes>()).toMatchObject({ locked: false, versions: [{ status: 'draft' }] });
    expect((await inject('POST', `/api/meetings/${meetingId}/minutes/protocol/sign`, official)).json()).toMatchObject({ code: 'ALREADY_SIGNED' });
    const second = await inject('POST', `/api/meetings/${meetingId}/minutes/protocol/sign`, official2);
    expect(second.json<Minutes>()).toMatchObject({ locked: true, meetingStatus: 'minutes_approved', versions: [{ version: 1, status: 'approved' }] });
    const m = await minutes();
    const vote = await inject('PUT', `/api/meetings/${meetingId}/minutes/proposals/${item(m, openItemId).proposals[0]!.id}/vote`, secretariat, { outcome: 'voted', againstPersonIds: [signers[0]] });
    expect({ status: vote.statusCode, code: vote.json<{ code: string }>().code }).toEqual({ status: 409, code: 'MINUTES_LOCKED' });
    const attendee = m.attendees.find((a) => a.personId === signers[0])!;
    expect((await inject('PUT', `/api/meetings/${meetingId}/minutes/attendees/${attendee.id}`, secretariat, { present: false })).json()).toMatchObject({ code: 'MINUTES_LOCKED' });
    expect((await inject('DELETE', `/api/meetings/${meetingId}/minutes/held`, secretariat)).statusCode).toBe(409);
    const audit = await sql<{ action: string }[]>(`select distinct action from audit_log where action like 'protocol.%' or action like 'minutes.%'`);
    expect(audit.map((a) => a.action).sort()).toEqual(expect.arrayContaining(['minutes.start', 'minutes.vote', 'minutes.disqualification', 'protocol.sign', 'protocol.approve']));
  });

  it('publishes the approved protocol: the PDF stored at approval with an ETag, and open data valid against its schema', async () => {
    const pdf = await inject('GET', `/api/public/demo/meetings/${meetingId}/protocol.pdf`);
    expect(pdf.statusCode).toBe(200);
    const etag = pdf.headers['etag'] as string;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const text = pdfText(pdf.rawPayload);
    expect(text).not.toContain('Utkast');
    expect(text).not.toContain('Hemmelig');
    expect(text).toContain('Planen evalueres etter to år.');
    expect(text).toMatch(/Godkjent elektronisk/);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/demo/meetings/${meetingId}/protocol.pdf`, headers: { 'if-none-match': etag } })).statusCode).toBe(304);

    const json = await inject('GET', `/api/public/demo/meetings/${meetingId}/protocol.json`);
    expect(json.statusCode).toBe(200);
    const open = json.json<OpenProtocol>();
    const schema = JSON.parse(readFileSync(new URL('../../../../packages/contracts/schemas/protocol.schema.json', import.meta.url), 'utf8')) as object;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(open) ? [] : validate.errors).toEqual([]);
    expect(JSON.stringify(open)).not.toContain('Hemmelig');
    const openItem = open.agendaItem.find((i) => i.consultation?.paper.reference === '26/1500')!;
    expect(openItem.voteEvent[1]).toMatchObject({ result: 'pass', group_results: expect.arrayContaining([{ group: 'FrP', counts: [{ option: 'yes', value: 0 }, expect.objectContaining({ option: 'no' })] }]) });
    const closed = open.agendaItem.find((i) => !i.public)!;
    expect(closed).toMatchObject({ name: 'Unntatt offentlighet', resolutionText: null, exemptCitation: 'koml. § 11-5 tredje ledd bokstav b jf. offl. § 23 første ledd' });
    expect((await inject('GET', `/api/public/demo/meetings/${meetingId}/protocol`)).json()).toMatchObject({ protocol: { version: 1, corrected: false } });
  });

  it('is corrected as a new version with its reason; the approved version stays current until that is approved', async () => {
    const before = (await inject('GET', `/api/public/demo/meetings/${meetingId}/protocol.pdf`)).headers['etag'];
    const corrected = await inject('POST', `/api/meetings/${meetingId}/minutes/protocol/corrections`, secretariat, { reason: 'Feil klokkeslett for hevingen.' });
    expect(corrected.json<Minutes>()).toMatchObject({ locked: false, versions: [{ version: 1, status: 'approved' }, { version: 2, status: 'draft', correctionReason: 'Feil klokkeslett for hevingen.' }] });
    const m = corrected.json<Minutes>();
    expect((await inject('PUT', `/api/meetings/${meetingId}/minutes/record`, secretariat, { ...m.record, closedAt: '21:30' })).statusCode).toBe(200);
    expect((await inject('GET', `/api/public/demo/meetings/${meetingId}/protocol.pdf`)).headers['etag']).toBe(before);
    await inject('POST', `/api/meetings/${meetingId}/minutes/protocol/sign`, official);
    const approved = await inject('POST', `/api/meetings/${meetingId}/minutes/protocol/sign`, official2);
    expect(approved.json<Minutes>().versions.map((v) => v.status)).toEqual(['superseded', 'approved']);
    const now = await inject('GET', `/api/public/demo/meetings/${meetingId}/protocol.pdf`);
    expect(now.headers['etag']).not.toBe(before);
    expect(pdfText(now.rawPayload)).toContain('21:30');
    expect(pdfText((await inject('GET', `/api/meetings/${meetingId}/minutes/protocol.pdf?version=1`, secretariat)).rawPayload)).toContain('21:15');
    expect((await inject('GET', `/api/public/demo/meetings/${meetingId}/protocol`)).json()).toMatchObject({ protocol: { version: 2, corrected: true } });
  });

  it("writes a new meeting's protocol in the municipality's written standard: nynorsk when the settings say so", async () => {
    const [{ id: municipalityId }] = await sql<[{ id: string }]>(`select id from municipality where slug = 'demo'`);
    await sql(`insert into municipality_settings (id, municipality_id, written_standard) values (gen_random_uuid(), ?, 'nn') on conflict (municipality_id) do update set written_standard = 'nn'`, [municipalityId]);
    const [{ body_id: bodyId }] = await sql<[{ body_id: string }]>('select body_id from meeting where id = ?', [meetingId]);
    const other = (await inject('POST', `/api/bodies/${bodyId}/meetings`, secretariat, { startsAt: new Date(Date.now() + 86_400_000).toISOString(), place: 'Rådhuset' })).json<{ id: string }>().id;
    expect((await inject('POST', `/api/meetings/${other}/publish`, secretariat)).statusCode).toBe(200);
    expect((await inject('POST', `/api/meetings/${other}/minutes/start`, secretariat)).statusCode).toBe(200);
    expect(await sql(`select language from minutes_record where meeting_id = ?`, [other])).toEqual([{ language: 'nn' }]);
    const pdf = await inject('GET', `/api/meetings/${other}/minutes/protocol.pdf`, secretariat);
    expect(pdfText(pdf.rawPayload)).toContain('Møtestad');
    await sql(`update municipality_settings set written_standard = 'nb' where municipality_id = ?`, [municipalityId]);
  });
});
