import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/** Meetings, cases and agendas through the API, on PostgreSQL. */
describe('meetings and agendas', () => {
  let t: TestApp;
  let secretariat: string;
  let official: string;
  let neighbour: string;
  let bodyId: string;
  let meetingId: string;
  const items: { id: string; number: string }[] = [];
  // A meeting next year, so it stays upcoming whenever the test runs; numbers follow its year.
  const year = new Date().getFullYear() + 1;
  const yy = String(year % 100).padStart(2, '0');
  const startsAt = `${year}-03-10T18:00:00+01:00`;

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const createCase = async (n: number, extra: object = {}) => {
    const res = await inject('POST', '/api/cases', secretariat, {
      archiveReference: `${year}/${100 + n}`,
      title: `Sak ${n}: reguleringsplan for Fjordvik sentrum`,
      caseOfficer: 'Kari Saksbehandler',
      summary: `Kort om sak ${n}.`,
      recommendation: 'Planen vedtas.',
      ...extra,
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string; archiveReference: string }>();
  };
  const createMeeting = async (payload: object = {}) => {
    const res = await inject('POST', `/api/bodies/${bodyId}/meetings`, secretariat, { startsAt, endsAt: `${year}-03-10T22:00:00+01:00`, place: 'Rådhuset, kommunestyresalen', ...payload });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string; status: string }>();
  };

  beforeAll(async () => {
    t = await createTestApp('meetings', {
      municipalities: [
        { slug: 'demo', name: 'Fjordvik kommune', number: '9901' },
        { slug: 'nabo', name: 'Nabovik kommune', number: '9902', userPrefix: 'nabo.' },
      ],
    });
    secretariat = await t.login('sekretariat');
    official = await t.login('politiker');
    neighbour = await t.login('nabo.sekretariat');
    const bodies = (await inject('GET', '/api/bodies', secretariat)).json<{ items: { id: string; kind: string }[] }>().items;
    bodyId = bodies.find((b) => b.kind === 'kommunestyre')!.id;
    meetingId = (await createMeeting()).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('builds an agenda of three cases numbered PS 1, 2 and 3 of the meeting year', async () => {
    for (const n of [1, 2, 3]) {
      const kase = await createCase(n);
      expect(kase.archiveReference).toBe(`${yy}/${100 + n}`);
      const res = await inject('POST', `/api/meetings/${meetingId}/items`, secretariat, { caseId: kase.id });
      expect(res.statusCode).toBe(201);
      items.push(res.json());
    }
    expect(items.map((i) => i.number)).toEqual([`PS 1/${yy}`, `PS 2/${yy}`, `PS 3/${yy}`]);
    const detail = (await inject('GET', `/api/meetings/${meetingId}`, official)).json<{ items: { number: string; position: number; case: { summary: string } }[] }>();
    expect(detail.items.map((i) => [i.number, i.position])).toEqual([[`PS 1/${yy}`, 1], [`PS 2/${yy}`, 2], [`PS 3/${yy}`, 3]]);
    expect(detail.items[0]!.case.summary).toBe('Kort om sak 1.');
  });

  it('refuses bad input with stable codes', async () => {
    const exempt = await inject('POST', '/api/cases', secretariat, { archiveReference: '25/9', title: 'Ansettelse', public: false });
    expect(exempt.json()).toMatchObject({ code: 'CASE_EXEMPT_NEEDS_GROUND' });
    const unknown = await inject('POST', '/api/cases', secretariat, { archiveReference: '25/9', title: 'Ansettelse', public: false, legalGround: 'paragraf-42' });
    expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_LEGAL_GROUND' });
    const ref = await inject('POST', '/api/cases', secretariat, { archiveReference: '1234', title: 'Uten år' });
    expect(ref.json()).toMatchObject({ code: 'INVALID_ARCHIVE_REFERENCE' });
    const missing = await inject('GET', '/api/meetings/00000000-0000-4000-8000-000000000000', secretariat);
    expect({ status: missing.statusCode, code: missing.json().code }).toEqual({ status: 404, code: 'MEETING_NOT_FOUND' });
    const twice = await inject('POST', `/api/meetings/${meetingId}/items`, secretariat, { caseId: (await t.app.inject({ url: `/api/meetings/${meetingId}`, headers: { cookie: secretariat } })).json().items[0].case.id });
    expect(twice.json()).toMatchObject({ code: 'CASE_ALREADY_ON_AGENDA' });
    const audit = await t.orm.em.fork().getConnection().execute<{ n: number }[]>(`select count(*)::int as n from audit_log where action like 'agenda_item.%' or action like 'case.%'`);
    expect(audit[0]!.n).toBe(6);
  });

  it('reorders the agenda with the full list of items, numbered in the new order before the notice, and refuses anything else', async () => {
    const [a, b, c] = items.map((i) => i.id) as [string, string, string];
    const res = await inject('PUT', `/api/meetings/${meetingId}/items/order`, secretariat, { itemIds: [c, a, b] });
    expect(res.statusCode).toBe(200);
    const reordered = res.json<{ items: { id: string; number: string }[] }>().items;
    // Before the notice is sent the numbers follow the agenda order (issue 13): no "PS 3, PS 1, PS 2".
    expect(reordered.map((i) => [i.id, i.number])).toEqual([[c, `PS 1/${yy}`], [a, `PS 2/${yy}`], [b, `PS 3/${yy}`]]);
    expect(res.json<{ warning: unknown }>().warning).toBeNull();
    for (const itemIds of [[c, a], [c, a, a], [c, a, b, '00000000-0000-4000-8000-000000000000']]) {
      const bad = await inject('PUT', `/api/meetings/${meetingId}/items/order`, secretariat, { itemIds });
      expect({ status: bad.statusCode, code: bad.json().code }).toEqual({ status: 400, code: 'AGENDA_ORDER_MISMATCH' });
    }
    const audited = await t.orm.em.fork().getConnection().execute<{ after: string[] }[]>(`select after from audit_log where action = 'agenda.reorder'`);
    expect(audited.map((r) => r.after)).toEqual([[`PS 1/${yy}`, `PS 2/${yy}`, `PS 3/${yy}`]]);
  });

  it('never gives the same number twice, even when items are added at the same time', async () => {
    const other = await createMeeting({ startsAt: `${year}-04-14T18:00:00+02:00`, endsAt: null });
    const cases = await Promise.all(Array.from({ length: 10 }, (_, i) => createCase(10 + i)));
    const results = await Promise.all(cases.map((c) => inject('POST', `/api/meetings/${other.id}/items`, secretariat, { caseId: c.id })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const numbers = results.map((r) => r.json<{ number: string }>().number);
    expect(new Set(numbers).size).toBe(10);
    // The sequence runs on from the first meeting's three items, per body and year.
    expect([...numbers].sort((x, y) => parseInt(x.slice(3)) - parseInt(y.slice(3)))).toEqual(Array.from({ length: 10 }, (_, i) => `PS ${4 + i}/${yy}`));
    const positions = (await inject('GET', `/api/meetings/${other.id}`, secretariat)).json<{ items: { position: number }[] }>().items.map((i) => i.position);
    expect(positions).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  it('keeps an unpublished meeting from the public, then publishes it', async () => {
    expect((await inject('GET', `/api/public/demo/meetings/${meetingId}`)).json()).toMatchObject({ code: 'MEETING_NOT_FOUND' });
    expect((await inject('GET', '/api/public/demo/meetings')).json()).toEqual({ items: [] });
    const res = await inject('POST', `/api/meetings/${meetingId}/publish`, secretariat);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'notice_sent' });
    expect((await inject('POST', `/api/meetings/${meetingId}/publish`, secretariat)).json()).toMatchObject({ code: 'MEETING_ALREADY_PUBLISHED' });
    const list = (await inject('GET', '/api/public/demo/meetings')).json<{ items: { id: string }[] }>().items;
    expect(list.map((m) => m.id)).toEqual([meetingId]);
  });

  it('shows the public a closed item only by number, a neutral title and its legal ground', async () => {
    const exempt = await createCase(30, { title: 'Tilsetting av kommunedirektør Ola Nordmann', public: false, legalGround: 'koml11-5-2b', background: 'Personlige opplysninger.' });
    const added = await inject('POST', `/api/meetings/${meetingId}/items`, secretariat, { caseId: exempt.id });
    expect(added.json()).toMatchObject({ number: `PS 14/${yy}`, closed: true, legalGround: 'koml11-5-2b' });
    // A ground that forces a closed session keeps the item closed.
    const reopen = await inject('PUT', `/api/agenda-items/${added.json().id}/closed`, secretariat, { closed: false });
    expect(reopen.json()).toMatchObject({ code: 'ITEM_MUST_BE_CLOSED' });
    // An open case may be closed too, but only with a ground.
    const noGround = await inject('PUT', `/api/agenda-items/${items[1]!.id}/closed`, secretariat, { closed: true });
    expect(noGround.json()).toMatchObject({ code: 'ITEM_CLOSED_NEEDS_GROUND' });
    const closed = await inject('PUT', `/api/agenda-items/${items[1]!.id}/closed`, secretariat, { closed: true, legalGround: 'offl23-1' });
    expect(closed.json()).toMatchObject({ closed: true, citation: 'koml. § 11-5 tredje ledd bokstav b jf. offl. § 23 første ledd' });

    const res = await inject('GET', `/api/public/demo/meetings/${meetingId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Ola Nordmann');
    expect(res.body).not.toContain('Personlige opplysninger');
    expect(res.body).not.toContain('Kort om sak 2.');
    const publicItems = res.json<{ items: { number: string; title: string; citation: string | null; case: unknown }[] }>().items;
    expect(publicItems.map((i) => [i.number, i.title, i.case === null])).toEqual([
      [`PS 1/${yy}`, 'Sak 3: reguleringsplan for Fjordvik sentrum', false],
      [`PS 2/${yy}`, 'Sak 1: reguleringsplan for Fjordvik sentrum', false],
      [`PS 3/${yy}`, 'Unntatt offentlighet', true],
      [`PS 14/${yy}`, 'Unntatt offentlighet', true],
    ]);
    expect(publicItems[3]!.citation).toBe('koml. § 11-5 annet ledd bokstav b');
    // Signed-in staff without a seat in the body see no more than the public of an exempt case;
    // a member of the body reads it (PaperAccess).
    const clerk = await t.login('valgmedarbeider');
    expect((await inject('GET', `/api/meetings/${meetingId}`, clerk)).body).not.toContain('Ola Nordmann');
    expect((await inject('GET', `/api/cases/${exempt.id}`, clerk)).statusCode).toBe(403);
    expect((await inject('GET', `/api/meetings/${meetingId}`, official)).body).toContain('Ola Nordmann');
    expect((await inject('GET', `/api/meetings/${meetingId}`, secretariat)).body).toContain('Ola Nordmann');
  });

  it('refuses a closed item that must be closed in a remote meeting (koml. § 11-7)', async () => {
    const remote = await createMeeting({ startsAt: `${year}-05-05T18:00:00+02:00`, endsAt: null, remote: true, place: '' });
    const exempt = await createCase(40, { public: false, legalGround: 'offl13-fvl13' });
    const res = await inject('POST', `/api/meetings/${remote.id}/items`, secretariat, { caseId: exempt.id });
    expect(res.json()).toMatchObject({ code: 'REMOTE_MEETING_CANNOT_CLOSE' });
    const orientation = await inject('POST', `/api/meetings/${remote.id}/items`, secretariat, { type: 'OS', title: 'Orientering om budsjettet' });
    expect(orientation.json()).toMatchObject({ number: `OS 1/${yy}`, title: 'Orientering om budsjettet', case: null });
  });

  it('serves an iCal feed of the published meetings of a body', async () => {
    const res = await inject('GET', `/api/public/demo/bodies/${bodyId}/meetings.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const text = res.body;
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toContain(`UID:${meetingId}@sekretariat`);
    expect(lines).toContain(`DTSTART:${year}0310T170000Z`);
    expect(lines).toContain(`DTEND:${year}0310T210000Z`);
    expect(lines).toContain('LOCATION:Rådhuset\\, kommunestyresalen');
    expect(lines.find((l) => l.startsWith('DTSTAMP:'))).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
  });

  it('shows nothing to another municipality', async () => {
    expect((await inject('GET', `/api/meetings/${meetingId}`, neighbour)).json()).toMatchObject({ code: 'MEETING_NOT_FOUND' });
    expect((await inject('GET', `/api/public/nabo/meetings/${meetingId}`)).json()).toMatchObject({ code: 'MEETING_NOT_FOUND' });
    expect((await inject('GET', '/api/public/nabo/meetings')).json()).toEqual({ items: [] });
    expect((await inject('GET', `/api/public/nabo/bodies/${bodyId}/meetings.ics`)).statusCode).toBe(404);
    expect((await inject('POST', `/api/meetings/${meetingId}/items`, neighbour, { type: 'OS', title: 'Inntrenger' })).statusCode).toBe(404);
  });

  it('keeps the published numbers when the agenda is reordered after the notice', async () => {
    const published = (await createMeeting({ startsAt: `${year}-05-12T18:00:00+02:00`, endsAt: null })).id;
    const first = (await inject('POST', `/api/meetings/${published}/items`, secretariat, { type: 'OS', title: 'Orientering A' })).json<{ id: string; number: string }>();
    const second = (await inject('POST', `/api/meetings/${published}/items`, secretariat, { type: 'OS', title: 'Orientering B' })).json<{ id: string; number: string }>();
    expect((await inject('POST', `/api/meetings/${published}/publish`, secretariat)).statusCode).toBe(200);
    const res = await inject('PUT', `/api/meetings/${published}/items/order`, secretariat, { itemIds: [second.id, first.id] });
    expect(res.json<{ items: { id: string; number: string }[] }>().items.map((i) => [i.id, i.number])).toEqual([[second.id, second.number], [first.id, first.number]]);
    // The order members were given changed: a warning with a stable code names the moved numbers.
    expect(res.json<{ warning: unknown }>().warning).toEqual({
      code: 'AGENDA_ORDER_CHANGED_AFTER_NOTICE',
      message: expect.stringContaining(`${second.number} er nå nr. 1`),
      moved: [{ number: second.number, from: 2, to: 1 }, { number: first.number, from: 1, to: 2 }],
    });
    // A published number is never reused: an item added afterwards gets a new one.
    const added = (await inject('POST', `/api/meetings/${published}/items`, secretariat, { type: 'OS', title: 'Orientering C' })).json<{ number: string }>();
    expect([first.number, second.number]).not.toContain(added.number);
    const same = await inject('PUT', `/api/meetings/${published}/items/order`, secretariat, { itemIds: [second.id, first.id, (await inject('GET', `/api/meetings/${published}`, secretariat)).json<{ items: { id: string }[] }>().items[2]!.id] });
    expect(same.json<{ warning: unknown }>().warning).toBeNull();
  });
});
