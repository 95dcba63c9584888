import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { hashSecretToken, newSecretToken } from '../common/secret-token.js';
import { RouteTable, type RouteInfo } from '../openapi/route-table.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Closed and exempt content never reaches anyone without access, on ANY route: a meeting of the
 * kommunestyre with a closed item on an exempt case, whose title, case presentation and
 * attachment (title and text) carry a marker. Every GET route of the route table is called as
 * each caller without access, with its path parameters filled from the seeded ids, and the
 * marker must appear in no answer (JSON, text, iCal, and the text of PDFs). The secretariat and
 * a member of the body are the control: they do see it.
 */
describe('exempt content on every route', () => {
  let t: TestApp;
  const MARKER = 'Hemmeligsak7Q';
  const ids: Record<string, string> = {};
  const cookies = new Map<string, string | undefined>();
  const pdfDir = mkdtempSync(path.join(tmpdir(), 'sek-exempt-'));

  /** Path segment before a parameter → the seeded id it takes. */
  const PARAM_BY_SEGMENT: Record<string, string> = {
    meetings: 'meeting',
    'agenda-items': 'item',
    cases: 'case',
    documents: 'document',
    bodies: 'body',
    people: 'person',
    persons: 'person',
    items: 'item',
    'absence-links': 'absenceToken',
    summons: 'summonsToken',
  };
  /**
   * GET routes whose parameters this test cannot fill, and why. A new route lands here or gets
   * its parameter filled: it is never skipped silently.
   */
  const UNFILLED: Record<string, string> = {
    '/api/published/refresh': 'published documents: counts of a re-render (done, failed, total) and who asked; no document content',
    '/api/elections/:id/lookup': 'elections: advance votes and the roll; no agenda item, case or document reaches them',
    '/api/elections/:id/places': 'elections: voting places',
    '/api/elections/:id/registrations.csv': 'elections: registered votes',
    '/api/elections/:id/report': 'elections: counts of votes',
    '/api/elections/:id/report.pdf': 'elections: counts of votes',
    '/api/elections/:id/roll/jobs/:jobId': 'elections: the state of a roll import',
    '/api/elections/:id/review': "elections: received advance votes for the board's prøving",
    '/api/elections/:id/votes/search': "elections: a voter's advance votes",
    '/api/elections/:id/envelopes': 'elections: envelopes to and from other municipalities',
    '/api/elections/:id/board-record.pdf': "elections: the board's record, counts of votes",
    '/api/elections/:id/settings': "elections: the record's written standard and retention",
    '/api/elections/:id/places/:placeId/counts': "elections: the counter's counts",
    '/api/weddings/bookings/:id': 'weddings: a ceremony of the wedding staff; no case or document reaches it',
    '/api/weddings/bookings/:id/export': "weddings: everything stored about a ceremony, for the couple's request; no case or document reaches it",
    '/api/public/:municipality/weddings/manage/:reference': "weddings: a couple's booking by its reference and token",
    '/api/public/:municipality/weddings/manage/:reference/calendar.ics': "weddings: a couple's ceremony as iCalendar, by its reference and token",
    '/api/public/:municipality/weddings/manage/:reference/confirmation.pdf': "weddings: a couple's confirmation, by its reference and token",
    '/api/weddings/my/ceremonies/:id': "weddings: one of the signed-in officiant's own ceremonies",
    '/api/outreach/applications/:id': 'outreach: a home-voting application; no agenda item, case or document reaches it',
    '/api/outreach/elections/:id/applications': 'outreach: home-voting applications',
    '/api/outreach/elections/:id/plan': 'outreach: the day plan of home visits',
    '/api/outreach/elections/:id/routes': 'outreach: routes of home visits',
    '/api/outreach/elections/:id/sessions': 'outreach: voting sessions at institutions',
    '/api/outreach/elections/:id/settings': "outreach: the application deadline",
    '/api/outreach/routes/:id': 'outreach: one route with its stops',
    '/api/outreach/routes/:id/pdf': 'outreach: the route list as PDF',
  };
  /** Per caller: the secret calendar feed (an official's own; others try the outsider's). */
  const feeds = new Map<string, string>();

  const sql = <T extends object = object>(query: string, params: unknown[] = []) => t.orm.em.fork().execute<T[]>(query, params);
  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const ok = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object): Promise<T> => {
    const res = await inject(method, url, cookies.get('secretariat'), payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  };

  async function pdfWith(text: string): Promise<Buffer> {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage().drawText(text, { x: 50, y: 750, size: 12, font });
    return Buffer.from(await doc.save());
  }

  function upload(caseId: string, title: string, data: Buffer) {
    const boundary = '----exempt-walk';
    const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const payload = Buffer.concat([
      Buffer.from(field('title', title) + field('public', 'false') + field('legalGround', 'offl13-fvl13')),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="vedlegg.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/documents`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: cookies.get('secretariat')! }, payload });
  }

  /** A user with role official for a person. */
  async function officialFor(username: string, personId: string): Promise<string> {
    await sql(
      `insert into app_user (id, municipality_id, username, display_name, password_hash, roles, active, person_id)
       select ?, municipality_id, ?, ?, password_hash, '{official}', true, ? from app_user where username = 'politiker'`,
      [randomUUID(), username, `Test ${username}`, personId],
    );
    return t.login(username);
  }

  /** The text of an answer: PDFs through pdftotext, everything else as it is. */
  function textOf(res: { headers: Record<string, string | string[] | number | undefined>; rawPayload: Buffer; body: string }): string {
    const type = res.headers['content-type'];
    if (typeof type !== 'string' || !type.startsWith('application/pdf')) return res.body;
    const file = path.join(pdfDir, `${randomUUID()}.pdf`);
    writeFileSync(file, res.rawPayload);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  }

  function urlFor(route: RouteInfo, caller = 'outsider'): string | null {
    let missing = false;
    const filled = route.path.replace(/\/([^/]+)\/:([A-Za-z]+)/g, (whole, segment: string, param: string) => {
      if (param === 'municipality') return `/${segment}/demo`;
      if (segment === 'calendar' && param === 'file') return `/${segment}/${feeds.get(caller) ?? feeds.get('outsider')}.ics`;
      const key = param === 'itemId' ? 'item' : PARAM_BY_SEGMENT[segment];
      if (!key || !ids[key]) {
        missing = true;
        return whole;
      }
      return `/${segment}/${ids[key]}`;
    });
    if (missing || filled.includes('/:')) return null;
    // Searches get the marker as their query; lists by year the meeting's year.
    if (/search/.test(filled)) return `${filled}?q=${MARKER}`;
    // The weddings' free slots: asked for a place this walk has none of (404); no case or document reaches them.
    if (/\/weddings\/slots$/.test(filled)) return `${filled}?placeId=00000000-0000-4000-8000-000000000000&from=2027-01-01&to=2027-01-31`;
    return /\/meetings$/.test(filled) ? `${filled}?year=${ids['year']}` : filled;
  }

  beforeAll(async () => {
    t = await createTestApp('exempt_walk');
    for (const u of ['secretariat', 'politiker', 'valgmedarbeider', 'valgstyre']) cookies.set(u, await t.login(u === 'secretariat' ? 'sekretariat' : u));
    cookies.set('public', undefined);
    const [ks] = await sql<{ id: string }>(`select id from body where kind = 'kommunestyre'`);
    ids['body'] = ks!.id;
    const [me] = await sql<{ person_id: string; municipality_id: string }>(`select person_id, municipality_id from app_user where username = 'politiker'`);
    ids['person'] = me!.person_id;
    // A substitute in the body who is not a member of it and not called in.
    const [substitute] = await sql<{ person_id: string }>(
      `select ms.person_id from membership ms where ms.body_id = ? and ms.kind = 'substitute'
          and not exists (select 1 from membership x where x.person_id = ms.person_id and x.body_id = ms.body_id and x.kind = 'member')
        order by ms.rank limit 1`,
      [ids['body']],
    );
    cookies.set('substitute', await officialFor('vara.ikke.innkalt', substitute!.person_id));
    const outsider = randomUUID();
    await sql(`insert into person (id, municipality_id, given_name, family_name, gender) values (?, ?, 'Ute', 'Avsides', 'female')`, [outsider, me!.municipality_id]);
    cookies.set('outsider', await officialFor('utenfor', outsider));

    const startsAt = new Date(Date.now() + 14 * 86400_000);
    startsAt.setUTCHours(17, 0, 0, 0);
    ids['year'] = String(startsAt.getUTCFullYear());
    ids['meeting'] = (await ok<{ id: string }>('POST', `/api/bodies/${ids['body']}/meetings`, { startsAt: startsAt.toISOString(), place: 'Rådhuset' })).id;
    const open = await ok<{ id: string }>('POST', '/api/cases', { archiveReference: '26/901', title: 'Ny barnehage', summary: 'Åpen sak.' });
    const exempt = await ok<{ id: string }>('POST', '/api/cases', {
      archiveReference: '26/902',
      title: `Personalsak ${MARKER}`,
      summary: `Sammendrag ${MARKER}.`,
      background: `Bakgrunn ${MARKER}.`,
      assessment: `Vurdering ${MARKER}.`,
      recommendation: `Innstilling ${MARKER}.`,
      public: false,
      legalGround: 'offl13-fvl13',
    });
    ids['case'] = exempt.id;
    await ok('POST', `/api/meetings/${ids['meeting']}/items`, { caseId: open.id });
    ids['item'] = (await ok<{ id: string }>('POST', `/api/meetings/${ids['meeting']}/items`, { caseId: exempt.id })).id;
    await ok('PUT', `/api/agenda-items/${ids['item']}/closed`, { closed: true, legalGround: 'offl13-fvl13' });
    const uploaded = await upload(exempt.id, `Legeerklæring ${MARKER}`, await pdfWith(`Erklæring om ${MARKER}`));
    expect(uploaded.statusCode).toBe(201);
    ids['document'] = uploaded.json<{ id: string }>().id;
    // As the extraction job would: the attachment's text is searchable.
    await sql(`update case_document set text = ?, text_status = 'done' where id = ?`, [`Erklæring om ${MARKER}`, ids['document']]);
    const published = await inject('POST', `/api/meetings/${ids['meeting']}/publish`, cookies.get('secretariat'));
    expect(published.statusCode).toBe(200);

    // A member disqualified in the closed item: the next substitute is asked (pending, not called in yet).
    const [member] = await sql<{ person_id: string }>(`select person_id from membership where body_id = ? and kind = 'member' and person_id <> ? order by person_id limit 1`, [ids['body'], ids['person']]);
    await ok('POST', `/api/meetings/${ids['meeting']}/absences`, { personId: member!.person_id, agendaItemId: ids['item'], reason: `Inhabil ${MARKER}` });
    ids['summonsToken'] = newSecretToken();
    await sql(`update substitute_summons set token_hash = ? where meeting_id = ? and status = 'pending'`, [hashSecretToken(ids['summonsToken']), ids['meeting']]);
    // The member's absence link from the notice.
    ids['absenceToken'] = newSecretToken();
    await sql(`insert into absence_link (id, municipality_id, meeting_id, person_id, token_hash) values (?, ?, ?, ?, ?)`, [randomUUID(), me!.municipality_id, ids['meeting'], member!.person_id, hashSecretToken(ids['absenceToken'])]);
    // The meeting is held and its protocol approved (in a later meeting): the closed item's
    // treatment and exempt decision carry the marker; the disqualification's note came from the absence.
    await ok('POST', `/api/meetings/${ids['meeting']}/minutes/start`);
    await ok('PUT', `/api/meetings/${ids['meeting']}/minutes/items/${ids['item']}`, { outcome: 'treated', treatment: `Behandling ${MARKER}`, decision: `Vedtak ${MARKER}`, decisionExempt: true });
    await sql(`update meeting set starts_at = now() - interval '1 hour', ends_at = null where id = ?`, [ids['meeting']]);
    await ok('POST', `/api/meetings/${ids['meeting']}/status`, { status: 'held' });
    const { record } = await ok<{ record: object }>('GET', `/api/meetings/${ids['meeting']}/minutes`);
    await ok('PUT', `/api/meetings/${ids['meeting']}/minutes/record`, { ...record, approvalMethod: 'next_meeting', signatoryPersonIds: [] });
    const next = await ok<{ id: string }>('POST', `/api/bodies/${ids['body']}/meetings`, { startsAt: new Date(startsAt.getTime() + 28 * 86400_000).toISOString(), place: 'Rådhuset' });
    const approval = await ok<{ id: string }>('POST', `/api/meetings/${next.id}/items`, { type: 'OS', title: 'Godkjenning av protokoll' });
    await ok('POST', `/api/meetings/${ids['meeting']}/minutes/protocol/approve-in-meeting`, { agendaItemId: approval.id });
    for (const caller of ['outsider', 'substitute']) {
      const res = await inject('POST', '/api/me/calendar-link', cookies.get(caller));
      expect(res.statusCode).toBe(200);
      feeds.set(caller, /([A-Za-z0-9_-]{43})\.ics$/.exec(res.json<{ url: string }>().url)![1]!);
    }
  });
  afterAll(async () => {
    rmSync(pdfDir, { recursive: true, force: true });
    await t.close();
  });

  const getRoutes = () => t.app.get(RouteTable).routes().filter((r) => r.method === 'GET');

  it('fills every GET route or says why not', () => {
    const unfilled = getRoutes().filter((r) => urlFor(r) === null).map((r) => r.path);
    expect(unfilled.filter((p) => !(p in UNFILLED))).toEqual([]);
  });

  it('the control: the secretariat sees the marker on the meeting, the seats, the case and the document', async () => {
    for (const url of [`/api/meetings/${ids['meeting']}`, `/api/meetings/${ids['meeting']}/seats`, `/api/cases/${ids['case']}`, `/api/cases/${ids['case']}/documents`, `/api/meetings/${ids['meeting']}/minutes`, `/api/meetings/${ids['meeting']}/minutes/protocol.pdf`]) {
      expect({ url, seen: textOf(await inject('GET', url, cookies.get('secretariat'))).includes(MARKER) }).toEqual({ url, seen: true });
    }
    // A member of the body reads the closed item in the reader.
    const reader = await inject('GET', `/api/reader/meetings/${ids['meeting']}`, cookies.get('politiker'));
    expect(reader.statusCode).toBe(200);
    expect(reader.body).toContain(MARKER);
  });

  it('the public gets the approved protocol (PDF and open data) with the closed item by number and legal ground only', async () => {
    for (const suffix of ['protocol.pdf', 'protocol.json']) {
      const res = await inject('GET', `/api/public/demo/meetings/${ids['meeting']}/${suffix}`);
      expect({ suffix, status: res.statusCode, marker: textOf(res).includes(MARKER), ground: textOf(res).includes('offl. § 13 jf. fvl. § 13 første ledd nr. 1') }).toEqual({ suffix, status: 200, marker: false, ground: true });
    }
  });

  it('the calendar feeds show the closed item by number and legal ground only, also in the own feed of a member with access', async () => {
    const member = await inject('POST', '/api/me/calendar-link', cookies.get('politiker'));
    expect(member.statusCode).toBe(200);
    for (const url of ['/api/public/demo/calendar.ics', `/api/public/demo/bodies/${ids['body']}/meetings.ics`, member.json<{ url: string }>().url]) {
      const res = await inject('GET', url);
      const text = res.body.replace(/\r\n /g, '');
      expect({ url, status: res.statusCode, marker: text.includes(MARKER), exempt: text.includes('Unntatt offentlighet (offl. § 13 jf. fvl. § 13 første ledd nr. 1)') }).toEqual({ url, status: 200, marker: false, exempt: true });
    }
  });

  for (const caller of ['outsider', 'substitute', 'valgmedarbeider', 'valgstyre', 'public']) {
    it(`no GET route shows the marker to ${caller}`, async () => {
      const answered: string[] = [];
      const leaks: string[] = [];
      const badRequests: string[] = [];
      for (const route of getRoutes()) {
        const url = urlFor(route, caller);
        if (!url) continue;
        const res = await inject('GET', url, cookies.get(caller));
        if (res.statusCode < 400) answered.push(route.path);
        if (res.statusCode === 400) badRequests.push(`${route.path}: ${res.body}`);
        if (textOf(res).includes(MARKER)) leaks.push(`${route.path} (${res.statusCode})`);
      }
      expect(leaks).toEqual([]);
      // Every filled route was asked properly (a 400 would mean it was not really tried).
      expect(badRequests).toEqual([]);
      // The walk reached routes that answer this caller (so it tested something).
      expect(answered.length).toBeGreaterThan(caller === 'public' ? 5 : 10);
    });
  }
});
