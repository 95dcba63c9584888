import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/** Meeting plan, status, annual plan, case search and edit, saksgang, agenda edits (SP/IP), on PostgreSQL. */
describe('meeting plan, cases and agenda edits', () => {
  let t: TestApp;
  let secretariat: string;
  let official: string;
  let electionStaff: string;
  let ks: string;
  let fsk: string;
  let utvalg: string;
  let personId: string;
  // Next year: inside the seeded term and the official's 12-month window, clear of the demo meetings.
  const year = new Date().getFullYear() + 1;
  const yy = String(year % 100).padStart(2, '0');
  const missing = '00000000-0000-4000-8000-000000000000';

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const createMeeting = async (bodyId: string, startsAt: string, extra: object = {}) => {
    const res = await inject('POST', `/api/bodies/${bodyId}/meetings`, secretariat, { startsAt, place: 'Rådhuset', ...extra });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const createCase = async (n: number, extra: object = {}) => {
    const res = await inject('POST', '/api/cases', secretariat, { archiveReference: `${year}/${700 + n}`, title: `Plansak ${n}`, recommendation: 'Administrasjonens innstilling.', ...extra });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string; archiveReference: string }>().id;
  };
  const addItem = async (meetingId: string, payload: object) => {
    const res = await inject('POST', `/api/meetings/${meetingId}/items`, secretariat, payload);
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string; number: string }>();
  };
  /** Approves the protocol as the body's next meeting would (minutes module), which makes the meeting minutes_approved. */
  const approveProtocol = async (meetingId: string) => {
    expect((await inject('POST', `/api/meetings/${meetingId}/minutes/start`, secretariat)).statusCode).toBe(200);
    const { record } = (await inject('GET', `/api/meetings/${meetingId}/minutes`, secretariat)).json<{ record: object }>();
    expect((await inject('PUT', `/api/meetings/${meetingId}/minutes/record`, secretariat, { ...record, approvalMethod: 'next_meeting', signatoryPersonIds: [] })).statusCode).toBe(200);
    const { bodyId, startsAt } = (await inject('GET', `/api/meetings/${meetingId}`, secretariat)).json<{ bodyId: string; startsAt: string }>();
    // A year on, out of the way of this file's plan for the year.
    const next = await createMeeting(bodyId, new Date(Date.parse(startsAt) + 400 * 24 * 3_600_000).toISOString());
    const item = await addItem(next, { type: 'OS', title: 'Godkjenning av protokoll' });
    const approved = await inject('POST', `/api/meetings/${meetingId}/minutes/protocol/approve-in-meeting`, secretariat, { agendaItemId: item.id });
    expect(approved.json()).toMatchObject({ meetingStatus: 'minutes_approved', locked: true });
  };
  const auditCount = async (action: string) =>
    (await t.orm.em.fork().getConnection().execute<{ n: number }[]>(`select count(*)::int as n from audit_log where action = ?`, [action]))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp('meeting-plan');
    secretariat = await t.login('sekretariat');
    official = await t.login('politiker');
    electionStaff = await t.login('valgmedarbeider');
    const bodies = (await inject('GET', '/api/bodies', secretariat)).json<{ items: { id: string; kind: string }[] }>().items;
    ks = bodies.find((b) => b.kind === 'kommunestyre')!.id;
    fsk = bodies.find((b) => b.kind === 'formannskap')!.id;
    utvalg = bodies.find((b) => b.kind !== 'kommunestyre' && b.kind !== 'formannskap')!.id;
    personId = (await inject('GET', '/api/auth/me', official)).json<{ user: { personId: string } }>().user.personId;
    expect(personId).toBeTruthy();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('meeting plan and status', () => {
    let meetingId: string;
    beforeAll(async () => {
      meetingId = await createMeeting(ks, `${year}-02-10T18:00:00+01:00`, { endsAt: `${year}-02-10T21:00:00+01:00` });
    });

    it('edits time and place, audited', async () => {
      const res = await inject('PUT', `/api/meetings/${meetingId}`, secretariat, { startsAt: `${year}-02-11T17:00:00+01:00`, endsAt: null, place: 'Kulturhuset', remote: false, videoUrl: 'https://video.example/ks' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ startsAt: `${year}-02-11T16:00:00.000Z`, endsAt: null, place: 'Kulturhuset', videoUrl: 'https://video.example/ks', status: 'planned' });
      expect(await auditCount('meeting.update')).toBe(1);
    });

    it('refuses bad plans and changes nothing', async () => {
      const bad = [
        [{ startsAt: 'i morgen', place: 'X' }, 400, 'VALIDATION_FAILED'],
        [{ startsAt: `${year}-02-11T17:00:00+01:00`, endsAt: `${year}-02-11T16:00:00+01:00`, place: 'X' }, 400, 'VALIDATION_FAILED'],
        [{ startsAt: `${year}-02-11T17:00:00+01:00`, place: '' }, 400, 'VALIDATION_FAILED'],
      ] as const;
      for (const [payload, status, code] of bad) {
        const res = await inject('PUT', `/api/meetings/${meetingId}`, secretariat, payload);
        expect({ status: res.statusCode, code: res.json().code }).toEqual({ status, code });
      }
      const notFound = await inject('PUT', `/api/meetings/${missing}`, secretariat, { startsAt: `${year}-02-11T17:00:00+01:00`, place: 'X' });
      expect({ status: notFound.statusCode, code: notFound.json().code }).toEqual({ status: 404, code: 'MEETING_NOT_FOUND' });
      expect((await inject('PUT', `/api/meetings/${meetingId}`, official, { startsAt: `${year}-02-11T17:00:00+01:00`, place: 'X' })).statusCode).toBe(403);
      expect((await inject('GET', `/api/meetings/${meetingId}`, secretariat)).json()).toMatchObject({ place: 'Kulturhuset' });
    });

    it('keeps a numbered agenda in its year', async () => {
      await addItem(meetingId, { type: 'OS', title: 'Orientering' });
      const res = await inject('PUT', `/api/meetings/${meetingId}`, secretariat, { startsAt: `${year + 1}-01-05T17:00:00+01:00`, place: 'Kulturhuset' });
      expect({ status: res.statusCode, code: res.json().code }).toEqual({ status: 409, code: 'MEETING_YEAR_FIXED' });
    });

    it('moves notice_sent → held → minutes_approved, refusing other steps with clear codes', async () => {
      const planned = await inject('POST', `/api/meetings/${meetingId}/status`, secretariat, { status: 'held' });
      expect({ status: planned.statusCode, code: planned.json().code }).toEqual({ status: 409, code: 'MEETING_NOT_PUBLISHED' });
      const notice = await inject('POST', `/api/meetings/${meetingId}/status`, secretariat, { status: 'notice_sent' });
      expect({ status: notice.statusCode, code: notice.json().code }).toEqual({ status: 400, code: 'MEETING_PUBLISH_REQUIRED' });
      const unknown = await inject('POST', `/api/meetings/${meetingId}/status`, secretariat, { status: 'cancelled' });
      expect({ status: unknown.statusCode, code: unknown.json().code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect((await inject('POST', `/api/meetings/${meetingId}/status`, official, { status: 'held' })).statusCode).toBe(403);
      expect((await inject('POST', `/api/meetings/${meetingId}/publish`, secretariat)).statusCode).toBe(200);
      const skip = await inject('POST', `/api/meetings/${meetingId}/status`, secretariat, { status: 'minutes_approved' });
      expect({ status: skip.statusCode, code: skip.json().code }).toEqual({ status: 409, code: 'MEETING_NOT_HELD' });
      // Not before the meeting's day; then the day comes.
      const early = await inject('POST', `/api/meetings/${meetingId}/status`, secretariat, { status: 'held' });
      expect({ status: early.statusCode, code: early.json().code }).toEqual({ status: 409, code: 'MEETING_NOT_YET' });
      const sql = (q: string) => t.orm.em.fork().getConnection().execute(q, [meetingId]);
      const [{ starts_at: plannedStart, ends_at: plannedEnd }] = await t.orm.em.fork().getConnection().execute<[{ starts_at: Date; ends_at: Date | null }]>(`select starts_at, ends_at from meeting where id = ?`, [meetingId]);
      await sql(`update meeting set starts_at = now() - interval '1 day', ends_at = null where id = ?`);
      const held = await inject('POST', `/api/meetings/${meetingId}/status`, secretariat, { status: 'held' });
      // Back to its date in next year's plan, which the other tests read.
      await t.orm.em.fork().getConnection().execute(`update meeting set starts_at = ?, ends_at = ? where id = ?`, [plannedStart, plannedEnd, meetingId]);
      expect({ status: held.statusCode, body: held.json().status }).toEqual({ status: 200, body: 'held' });
      const back = await inject('POST', `/api/meetings/${meetingId}/status`, secretariat, { status: 'notice_sent' });
      expect({ status: back.statusCode, code: back.json().code }).toEqual({ status: 409, code: 'MEETING_STATUS_BACKWARDS' });
      const same = await inject('POST', `/api/meetings/${meetingId}/status`, secretariat, { status: 'held' });
      expect({ status: same.statusCode, code: same.json().code }).toEqual({ status: 409, code: 'MEETING_STATUS_UNCHANGED' });
      // Approval comes from the protocol (minutes module), not from this route.
      const approve = await inject('POST', `/api/meetings/${meetingId}/status`, secretariat, { status: 'minutes_approved' });
      expect({ status: approve.statusCode, code: approve.json().code }).toEqual({ status: 409, code: 'MINUTES_APPROVED_BY_PROTOCOL' });
      expect(await auditCount('meeting.status')).toBe(1);
      await approveProtocol(meetingId);
      const locked = await inject('PUT', `/api/meetings/${meetingId}`, secretariat, { startsAt: `${year}-02-11T17:00:00+01:00`, place: 'Et annet sted' });
      expect({ status: locked.statusCode, code: locked.json().code }).toEqual({ status: 409, code: 'MEETING_MINUTES_APPROVED' });
    });

    it('lists the annual plan of every body in time order, with item counts, for staff', async () => {
      const later = await createMeeting(fsk, `${year}-03-03T10:00:00+01:00`);
      const earlier = await createMeeting(utvalg, `${year}-01-20T10:00:00+01:00`);
      // New Year's Eve 23:30 in Norway is next year's meeting in UTC terms only.
      const eve = await createMeeting(fsk, `${year}-12-31T23:30:00+01:00`);
      const res = await inject('GET', `/api/meetings?year=${year}`, electionStaff);
      expect(res.statusCode).toBe(200);
      const plan = res.json<{ items: { id: string; bodyName: string; itemCount: number }[] }>().items;
      expect(plan.map((m) => m.id)).toEqual([earlier, meetingId, later, eve]);
      expect(plan[1]).toMatchObject({ bodyName: 'Kommunestyret', itemCount: 1 });
      expect(plan[0]!.itemCount).toBe(0);
      const forFsk = (await inject('GET', `/api/meetings?year=${year}&bodyId=${fsk}`, secretariat)).json<{ items: { id: string }[] }>().items;
      expect(forFsk.map((m) => m.id)).toEqual([later, eve]);
      expect((await inject('GET', `/api/meetings?year=${year + 1}&bodyId=${fsk}`, secretariat)).json()).toEqual({ items: [] });
      for (const q of ['', '?year=abc', '?year=1999', `?year=${year}&bodyId=nope`, `?year=${year}&x=1`]) {
        const bad = await inject('GET', `/api/meetings${q}`, secretariat);
        expect({ q, status: bad.statusCode, code: bad.json().code }).toEqual({ q, status: 400, code: 'VALIDATION_FAILED' });
      }
      expect((await inject('GET', `/api/meetings?year=${year}&bodyId=${missing}`, secretariat)).statusCode).toBe(404);
      expect((await inject('GET', `/api/meetings?year=${year}`)).statusCode).toBe(401);
    });

    it("lists the official's own meetings for the next 12 months", async () => {
      const res = await inject('GET', '/api/meetings/upcoming-for-me', official);
      expect(res.statusCode).toBe(200);
      const mine = res.json<{ items: { id: string; bodyId: string; startsAt: string }[] }>().items;
      expect(mine.map((m) => m.id)).toContain(meetingId);
      // Only kommunestyre and formannskap: the official's seats.
      expect(mine.every((m) => m.bodyId === ks || m.bodyId === fsk)).toBe(true);
      const plan = (await inject('GET', `/api/meetings?year=${year}`, secretariat)).json<{ items: { id: string; bodyId: string; startsAt: string }[] }>().items;
      expect(plan.some((m) => m.bodyId === utvalg)).toBe(true);
      // The New Year's Eve meeting is more than 12 months away.
      expect(mine.map((m) => m.id)).not.toContain(plan.at(-1)!.id);
      const soon = Date.now() + 366 * 86_400_000;
      expect(mine.every((m) => Date.parse(m.startsAt) < soon)).toBe(true);
      expect(mine.map((m) => m.startsAt)).toEqual([...mine.map((m) => m.startsAt)].sort());
      // A user who is no official has no meetings of their own.
      expect((await inject('GET', '/api/meetings/upcoming-for-me', secretariat)).json()).toEqual({ items: [] });
    });
  });

  describe('cases', () => {
    let open: string;
    let exempt: string;
    beforeAll(async () => {
      open = await createCase(1, { title: 'Reguleringsplan for Strandvegen 100% ferdig' });
      exempt = await createCase(2, { title: 'Kjøp av tomt', public: false, legalGround: 'offl23-1' });
    });

    it('searches by archive reference or title, newest first, exempt cases for the secretariat only', async () => {
      const all = (await inject('GET', '/api/cases?limit=100', secretariat)).json<{ items: { id: string }[] }>().items;
      expect(all.slice(0, 2).map((c) => c.id)).toEqual([exempt, open]);
      const forOfficial = (await inject('GET', '/api/cases?limit=100', official)).json<{ items: { id: string }[] }>().items;
      expect(forOfficial.map((c) => c.id)).toContain(open);
      expect(forOfficial.map((c) => c.id)).not.toContain(exempt);
      const byRef = (await inject('GET', `/api/cases?q=${yy}/701`, secretariat)).json<{ items: { id: string; archiveReference: string }[] }>().items;
      expect(byRef.map((c) => c.id)).toEqual([open]);
      const byTitle = (await inject('GET', `/api/cases?q=${encodeURIComponent('strandVEGEN')}`, secretariat)).json<{ items: { id: string }[] }>().items;
      expect(byTitle.map((c) => c.id)).toEqual([open]);
      // % and _ are letters, not wildcards.
      expect((await inject('GET', `/api/cases?q=${encodeURIComponent('100%')}`, secretariat)).json<{ items: unknown[] }>().items).toHaveLength(1);
      expect((await inject('GET', `/api/cases?q=${encodeURIComponent('_')}`, secretariat)).json<{ items: unknown[] }>().items).toHaveLength(0);
      expect((await inject('GET', '/api/cases?limit=1', secretariat)).json<{ items: unknown[] }>().items).toHaveLength(1);
      for (const q of ['?limit=0', '?limit=101', '?limit=x', '?sort=title']) {
        const bad = await inject('GET', `/api/cases${q}`, secretariat);
        expect({ q, status: bad.statusCode, code: bad.json().code }).toEqual({ q, status: 400, code: 'VALIDATION_FAILED' });
      }
      expect((await inject('GET', '/api/cases')).statusCode).toBe(401);
    });

    it('edits the case presentation with the same checks as creating, audited', async () => {
      const body = { archiveReference: `${year}/701`, title: 'Reguleringsplan for Strandvegen', summary: 'Ny oppsummering.', recommendation: 'Planen vedtas.' };
      const res = await inject('PUT', `/api/cases/${open}`, secretariat, body);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ archiveReference: `${yy}/701`, title: 'Reguleringsplan for Strandvegen', summary: 'Ny oppsummering.', public: true, legalGround: null });
      expect(await auditCount('case.update')).toBe(1);
      const noGround = await inject('PUT', `/api/cases/${open}`, secretariat, { ...body, public: false });
      expect(noGround.json()).toMatchObject({ code: 'CASE_EXEMPT_NEEDS_GROUND' });
      const badRef = await inject('PUT', `/api/cases/${open}`, secretariat, { ...body, archiveReference: '701' });
      expect(badRef.json()).toMatchObject({ code: 'INVALID_ARCHIVE_REFERENCE' });
      const notFound = await inject('PUT', `/api/cases/${missing}`, secretariat, body);
      expect({ status: notFound.statusCode, code: notFound.json().code }).toEqual({ status: 404, code: 'CASE_NOT_FOUND' });
      expect((await inject('PUT', `/api/cases/${open}`, official, body)).statusCode).toBe(403);
      expect(await auditCount('case.update')).toBe(1);
      expect((await inject('GET', `/api/cases/${open}`, official)).json()).toMatchObject({ title: 'Reguleringsplan for Strandvegen', summary: 'Ny oppsummering.' });
    });

    it('follows a case through utvalg, formannskap and kommunestyre (saksgang), each body with its recommendation', async () => {
      const mKs = await createMeeting(ks, `${year}-06-18T18:00:00+02:00`);
      const mUtv = await createMeeting(utvalg, `${year}-05-20T10:00:00+02:00`);
      const mFsk = await createMeeting(fsk, `${year}-06-04T10:00:00+02:00`);
      // Added in another order than they meet.
      const iKs = await addItem(mKs, { caseId: open });
      const iFsk = await addItem(mFsk, { caseId: open });
      const iUtv = await addItem(mUtv, { caseId: open });
      for (const [item, text] of [[iUtv, 'Utvalget tilrår planen.'], [iFsk, 'Formannskapet tilrår planen med endring.']] as const) {
        const res = await inject('PUT', `/api/agenda-items/${item.id}`, secretariat, { recommendation: text });
        expect(res.json()).toMatchObject({ recommendation: text });
      }
      const res = await inject('GET', `/api/cases/${open}/saksgang`, official);
      expect(res.statusCode).toBe(200);
      const steps = res.json<{ items: { itemId: string; bodyId: string; number: string; recommendation: string; meetingStatus: string }[] }>().items;
      expect(steps.map((s) => [s.itemId, s.bodyId])).toEqual([[iUtv.id, utvalg], [iFsk.id, fsk], [iKs.id, ks]]);
      expect(steps.map((s) => s.recommendation)).toEqual(['Utvalget tilrår planen.', 'Formannskapet tilrår planen med endring.', '']);
      expect(steps[0]).toMatchObject({ number: iUtv.number, meetingStatus: 'planned' });
      const detail = (await inject('GET', `/api/cases/${open}`, official)).json<{ saksgang: { itemId: string }[] }>();
      expect(detail.saksgang.map((s) => s.itemId)).toEqual([iUtv.id, iFsk.id, iKs.id]);
      expect((await inject('GET', `/api/cases/${exempt}/saksgang`, official)).statusCode).toBe(403);
      expect((await inject('GET', `/api/cases/${exempt}/saksgang`, secretariat)).json()).toEqual({ items: [] });
      expect((await inject('GET', `/api/cases/${missing}/saksgang`, secretariat)).json()).toMatchObject({ code: 'CASE_NOT_FOUND' });
    });

    it('refuses a ground that forces a closed session while the case stands open on an agenda', async () => {
      const body = { archiveReference: `${year}/701`, title: 'Reguleringsplan for Strandvegen', public: false, legalGround: 'offl13-fvl13' };
      const res = await inject('PUT', `/api/cases/${open}`, secretariat, body);
      expect({ status: res.statusCode, code: res.json().code }).toEqual({ status: 409, code: 'ITEM_MUST_BE_CLOSED' });
      expect((await inject('GET', `/api/cases/${open}`, official)).statusCode).toBe(200);
      // A ground that only allows closing is the body's choice.
      expect((await inject('PUT', `/api/cases/${open}`, secretariat, { ...body, legalGround: 'offl23-1' })).json()).toMatchObject({ public: false, legalGround: 'offl23-1' });
      expect((await inject('PUT', `/api/cases/${open}`, secretariat, { ...body, public: true, legalGround: null })).json()).toMatchObject({ public: true });
    });
  });

  describe('agenda items', () => {
    let meetingId: string;
    beforeAll(async () => {
      meetingId = await createMeeting(fsk, `${year}-09-01T10:00:00+02:00`);
    });

    it('numbers questions (SP) and interpellations (IP) in their own series, with the asker', async () => {
      const sp1 = await addItem(meetingId, { type: 'SP', title: 'Spørsmål om brøyting', askerPersonId: personId });
      const ip1 = await addItem(meetingId, { type: 'IP', title: 'Interpellasjon om skolestruktur', askerPersonId: personId });
      const sp2 = await addItem(meetingId, { type: 'SP', title: 'Spørsmål om gatelys' });
      expect([sp1.number, ip1.number, sp2.number]).toEqual([`SP 1/${yy}`, `IP 1/${yy}`, `SP 2/${yy}`]);
      const detail = (await inject('GET', `/api/meetings/${meetingId}`, official)).json<{ items: { number: string; askerPersonId: string | null; askerName: string | null }[] }>();
      expect(detail.items[0]).toMatchObject({ askerPersonId: personId });
      expect(detail.items[0]!.askerName).toMatch(/\S+ \S+/);
      expect(detail.items[2]).toMatchObject({ askerPersonId: null, askerName: null });
      // A closed interpellation does not show who asks to those without access to exempt papers.
      expect((await inject('PUT', `/api/agenda-items/${ip1.id}/closed`, secretariat, { closed: true, legalGround: 'koml11-5-3a' })).statusCode).toBe(200);
      const outside = (await inject('GET', `/api/meetings/${meetingId}`, electionStaff)).json<{ items: { number: string; title: string; askerPersonId: string | null; askerName: string | null }[] }>();
      expect(outside.items.find((i) => i.number === ip1.number)).toMatchObject({ title: 'Unntatt offentlighet', askerPersonId: null, askerName: null });
      const inside = (await inject('GET', `/api/meetings/${meetingId}`, official)).json<{ items: { number: string; askerPersonId: string | null }[] }>();
      expect(inside.items.find((i) => i.number === ip1.number)).toMatchObject({ askerPersonId: personId });
      expect((await inject('PUT', `/api/agenda-items/${ip1.id}/closed`, secretariat, { closed: false })).statusCode).toBe(200);
      const notAsked = await inject('POST', `/api/meetings/${meetingId}/items`, secretariat, { type: 'OS', title: 'Orientering', askerPersonId: personId });
      expect({ status: notAsked.statusCode, code: notAsked.json().code }).toEqual({ status: 400, code: 'ASKER_ONLY_FOR_QUESTIONS' });
      const unknownPerson = await inject('POST', `/api/meetings/${meetingId}/items`, secretariat, { type: 'SP', title: 'Spørsmål', askerPersonId: missing });
      expect({ status: unknownPerson.statusCode, code: unknownPerson.json().code }).toEqual({ status: 404, code: 'PERSON_NOT_FOUND' });
      const badType = await inject('POST', `/api/meetings/${meetingId}/items`, secretariat, { type: 'XX', title: 'Spørsmål' });
      expect(badType.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect((await inject('GET', `/api/meetings/${meetingId}`, secretariat)).json<{ items: unknown[] }>().items).toHaveLength(3);
    });

    it('removes an item before the meeting; its number is never given again', async () => {
      const a = await addItem(meetingId, { type: 'OS', title: 'Orientering A' });
      const b = await addItem(meetingId, { type: 'OS', title: 'Orientering B' });
      expect([a.number, b.number]).toEqual([`OS 1/${yy}`, `OS 2/${yy}`]);
      expect((await inject('DELETE', `/api/agenda-items/${b.id}`, official)).statusCode).toBe(403);
      const res = await inject('DELETE', `/api/agenda-items/${b.id}`, secretariat);
      expect(res.statusCode).toBe(204);
      expect(await auditCount('agenda_item.delete')).toBe(1);
      const again = await inject('DELETE', `/api/agenda-items/${b.id}`, secretariat);
      expect({ status: again.statusCode, code: again.json().code }).toEqual({ status: 404, code: 'AGENDA_ITEM_NOT_FOUND' });
      const c = await addItem(meetingId, { type: 'OS', title: 'Orientering C' });
      expect(c.number).toBe(`OS 3/${yy}`);
      const detail = (await inject('GET', `/api/meetings/${meetingId}`, secretariat)).json<{ items: { number: string; position: number }[] }>();
      expect(detail.items.map((i) => [i.number, i.position])).toEqual([
        [`SP 1/${yy}`, 1],
        [`IP 1/${yy}`, 2],
        [`SP 2/${yy}`, 3],
        [`OS 1/${yy}`, 4],
        [`OS 3/${yy}`, 5],
      ]);
      expect((await inject('DELETE', '/api/agenda-items/not-a-uuid', secretariat)).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('keeps an item that a disqualification refers to', async () => {
      const item = await addItem(meetingId, { type: 'OS', title: 'Orientering D' });
      const db = t.orm.em.fork().getConnection();
      await db.execute(
        `insert into meeting_absence (id, municipality_id, meeting_id, person_id, agenda_item_id, kind, source, reported_by, deadline_hours)
         select gen_random_uuid(), municipality_id, meeting_id, ?, id, 'disqualified', 'secretariat', 'Test', 24 from agenda_item where id = ?`,
        [personId, item.id],
      );
      const res = await inject('DELETE', `/api/agenda-items/${item.id}`, secretariat);
      expect({ status: res.statusCode, code: res.json().code }).toEqual({ status: 409, code: 'AGENDA_ITEM_IN_USE' });
      expect((await inject('GET', `/api/meetings/${meetingId}`, secretariat)).json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(item.id);
      await db.execute('delete from meeting_absence where agenda_item_id = ?', [item.id]);
      expect((await inject('DELETE', `/api/agenda-items/${item.id}`, secretariat)).statusCode).toBe(204);
    });

    it('edits title, video start, recommendation and, once held, the decision', async () => {
      const kase = await createCase(3);
      const withCase = await addItem(meetingId, { caseId: kase });
      const os = (await inject('GET', `/api/meetings/${meetingId}`, secretariat)).json<{ items: { id: string; number: string }[] }>().items.find((i) => i.number === `OS 1/${yy}`)!;
      const title = await inject('PUT', `/api/agenda-items/${os.id}`, secretariat, { title: 'Orientering om økonomi' });
      expect(title.json()).toMatchObject({ title: 'Orientering om økonomi' });
      const caseTitle = await inject('PUT', `/api/agenda-items/${withCase.id}`, secretariat, { title: 'Ny' });
      expect({ status: caseTitle.statusCode, code: caseTitle.json().code }).toEqual({ status: 400, code: 'AGENDA_ITEM_HAS_CASE' });
      for (const payload of [{ videoStartSeconds: -1 }, { videoStartSeconds: 1.5 }, {}, { number: 'PS 1/26' }, { title: '' }]) {
        const bad = await inject('PUT', `/api/agenda-items/${os.id}`, secretariat, payload);
        expect({ payload, status: bad.statusCode, code: bad.json().code }).toEqual({ payload, status: 400, code: 'VALIDATION_FAILED' });
      }
      const early = await inject('PUT', `/api/agenda-items/${withCase.id}`, secretariat, { decision: 'Vedtatt.' });
      expect({ status: early.statusCode, code: early.json().code }).toEqual({ status: 409, code: 'MEETING_NOT_HELD' });
      expect((await inject('PUT', `/api/agenda-items/${os.id}`, official, { title: 'X' })).statusCode).toBe(403);
      expect((await inject('PUT', `/api/agenda-items/${missing}`, secretariat, { title: 'X' })).json()).toMatchObject({ code: 'AGENDA_ITEM_NOT_FOUND' });

      await inject('POST', `/api/meetings/${meetingId}/publish`, secretariat);
      await t.orm.em.fork().getConnection().execute(`update meeting set starts_at = now() - interval '1 day', ends_at = null where id = ?`, [meetingId]);
      await inject('POST', `/api/meetings/${meetingId}/status`, secretariat, { status: 'held' });
      const locked = await inject('DELETE', `/api/agenda-items/${os.id}`, secretariat);
      expect({ status: locked.statusCode, code: locked.json().code }).toEqual({ status: 409, code: 'MEETING_LOCKED' });
      const decided = await inject('PUT', `/api/agenda-items/${withCase.id}`, secretariat, { decision: 'Innstillingen vedtatt enstemmig.', videoStartSeconds: 754 });
      expect(decided.json()).toMatchObject({ decision: 'Innstillingen vedtatt enstemmig.', videoStartSeconds: 754 });
      await approveProtocol(meetingId);
      const after = await inject('PUT', `/api/agenda-items/${withCase.id}`, secretariat, { decision: 'Endret.' });
      expect({ status: after.statusCode, code: after.json().code }).toEqual({ status: 409, code: 'MEETING_MINUTES_APPROVED' });
      // The video position may still be set once the recording is published.
      expect((await inject('PUT', `/api/agenda-items/${withCase.id}`, secretariat, { videoStartSeconds: 760 })).json()).toMatchObject({ videoStartSeconds: 760, decision: 'Innstillingen vedtatt enstemmig.' });
      const saksgang = (await inject('GET', `/api/cases/${kase}/saksgang`, official)).json<{ items: { decision: string; meetingStatus: string }[] }>().items;
      expect(saksgang).toEqual([expect.objectContaining({ decision: 'Innstillingen vedtatt enstemmig.', meetingStatus: 'minutes_approved' })]);
    });
  });
});
