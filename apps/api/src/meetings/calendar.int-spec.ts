import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/** An official's own calendar feed behind a secret address, on PostgreSQL. */
describe("official's calendar feed", () => {
  let t: TestApp;
  let secretariat: string;
  let official: string;
  let ks: string;
  let utvalg: string;
  let ownFeed: string;
  const year = new Date().getFullYear() + 1;

  const inject = (method: 'GET' | 'POST', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const unfold = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

  beforeAll(async () => {
    t = await createTestApp('calendar', { env: { PUBLIC_URL: 'https://politikk.fjordvik.example' } });
    secretariat = await t.login('sekretariat');
    official = await t.login('politiker');
    const bodies = (await inject('GET', '/api/bodies', secretariat)).json<{ items: { id: string; kind: string }[] }>().items;
    ks = bodies.find((b) => b.kind === 'kommunestyre')!.id;
    utvalg = bodies.find((b) => b.kind !== 'kommunestyre' && b.kind !== 'formannskap')!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives an official a secret address whose feed holds the meetings of their bodies, planned ones as tentative', async () => {
    const planned = (await inject('POST', `/api/bodies/${ks}/meetings`, secretariat, { startsAt: `${year}-04-01T18:00:00+02:00`, place: 'Rådhuset, sal 2' })).json<{ id: string }>().id;
    const remote = (await inject('POST', `/api/bodies/${ks}/meetings`, secretariat, { startsAt: `${year}-04-15T18:00:00+02:00`, remote: true, place: '' })).json<{ id: string }>().id;
    expect((await inject('POST', `/api/meetings/${remote}/publish`, secretariat)).statusCode).toBe(200);
    const other = (await inject('POST', `/api/bodies/${utvalg}/meetings`, secretariat, { startsAt: `${year}-04-02T10:00:00+02:00`, place: 'Rådhuset' })).json<{ id: string }>().id;

    const res = await inject('POST', '/api/me/calendar-link', official);
    expect(res.statusCode).toBe(200);
    const { url } = res.json<{ url: string; createdAt: string }>();
    ownFeed = url;
    expect(url).toMatch(/^\/api\/public\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    // No cookie: as a calendar app fetches it.
    const feed = await inject('GET', url);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const lines = unfold(feed.body);
    expect(lines).toContain(`UID:${planned}@sekretariat`);
    expect(lines).toContain(`UID:${remote}@sekretariat`);
    expect(lines).not.toContain(`UID:${other}@sekretariat`);
    expect(lines).toContain('SUMMARY:Møte i Kommunestyret');
    expect(lines).toContain('LOCATION:Fjernmøte');
    expect(lines).toContain(`URL;VALUE=URI:https://politikk.fjordvik.example/moter/${planned}`);
    const events = feed.body.split('BEGIN:VEVENT').slice(1);
    expect(events.find((e) => e.includes(planned))).toContain('STATUS:TENTATIVE');
    expect(events.find((e) => e.includes(remote))).not.toContain('STATUS:TENTATIVE');

    // The public feed of the body has only the published meeting.
    const publicFeed = unfold((await inject('GET', `/api/public/demo/bodies/${ks}/meetings.ics`)).body);
    expect(publicFeed).toContain(`UID:${remote}@sekretariat`);
    expect(publicFeed).not.toContain(`UID:${planned}@sekretariat`);
  });

  it('gives the public an all-bodies feed and a feed per body, each event with its public page and agenda', async () => {
    const yy = String(year % 100).padStart(2, '0');
    const meeting = (await inject('POST', `/api/bodies/${utvalg}/meetings`, secretariat, { startsAt: `${year}-05-06T10:00:00+02:00`, place: 'Rådhuset' })).json<{ id: string }>().id;
    const open = (await inject('POST', '/api/cases', secretariat, { archiveReference: `${year}/7001`, title: 'Trafikksikkerhet ved skolen' })).json<{ id: string }>().id;
    const closed = (await inject('POST', '/api/cases', secretariat, { archiveReference: `${year}/7002`, title: 'Tilsetting av Kari Hemmelig', public: false, legalGround: 'koml11-5-2b' })).json<{ id: string }>().id;
    for (const caseId of [open, closed]) expect((await inject('POST', `/api/meetings/${meeting}/items`, secretariat, { caseId })).statusCode).toBe(201);
    expect((await inject('POST', `/api/meetings/${meeting}/publish`, secretariat)).statusCode).toBe(200);
    const ksMeeting = (await inject('POST', `/api/bodies/${ks}/meetings`, secretariat, { startsAt: `${year}-05-07T18:00:00+02:00`, place: 'Rådhuset' })).json<{ id: string }>().id;
    const closedKs = (await inject('POST', '/api/cases', secretariat, { archiveReference: `${year}/7003`, title: 'Tilsetting av Per Hemmelig', public: false, legalGround: 'koml11-5-2b' })).json<{ id: string }>().id;
    expect((await inject('POST', `/api/meetings/${ksMeeting}/items`, secretariat, { caseId: closedKs })).statusCode).toBe(201);
    expect((await inject('POST', `/api/meetings/${ksMeeting}/publish`, secretariat)).statusCode).toBe(200);

    const all = await inject('GET', '/api/public/demo/calendar.ics');
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toMatch(/^text\/calendar/);
    const lines = unfold(all.body);
    // Both bodies' published meetings; the planned one of the first test is not there.
    expect(lines).toContain(`UID:${meeting}@sekretariat`);
    expect(lines).toContain(`UID:${ksMeeting}@sekretariat`);
    expect(lines).toContain('X-WR-CALNAME:Politisk møtekalender');
    const event = all.body.replace(/\r\n /g, '').split('BEGIN:VEVENT').find((e) => e.includes(`UID:${meeting}@`))!;
    expect(event).toContain(`URL;VALUE=URI:https://politikk.fjordvik.example/motekalender/${meeting}`);
    const description = event.split('\r\n').find((l) => l.startsWith('DESCRIPTION:'))!;
    expect(description).toContain(`Saksliste:\\nPS 1/${yy} Trafikksikkerhet ved skolen\\nPS 2/${yy} Unntatt offentlighet (koml. § 11-5 annet ledd bokstav b)`);
    expect(description).toContain(`Møtet og sakspapirene: https://politikk.fjordvik.example/motekalender/${meeting}`);
    // The closed item's title is in no feed: not the public ones, not the official's own.
    expect(all.body).not.toContain('Hemmelig');
    const body = await inject('GET', `/api/public/demo/bodies/${utvalg}/meetings.ics`);
    expect(unfold(body.body)).toContain(`UID:${meeting}@sekretariat`);
    expect(unfold(body.body)).not.toContain(`UID:${ksMeeting}@sekretariat`);
    expect(body.body).not.toContain('Hemmelig');
    // The official sits in the kommunestyre and may read its exempt papers, but a calendar app is no place for them.
    const own = (await inject('GET', ownFeed)).body.replace(/\r\n /g, '');
    expect(own).toContain(`UID:${ksMeeting}@sekretariat`);
    expect(own).toContain(`Saksliste:\\nPS 1/${yy} Unntatt offentlighet (koml. § 11-5 annet ledd bokstav b)`);
    expect(own).toContain(`Møtet og sakspapirene: https://politikk.fjordvik.example/moter/${ksMeeting}`);
    expect(own).not.toContain('Hemmelig');
  });

  it('refuses an unknown body and municipality for the public feeds', async () => {
    expect((await inject('GET', '/api/public/demo/bodies/00000000-0000-4000-8000-000000000000/meetings.ics')).json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await inject('GET', '/api/public/demo/bodies/x/meetings.ics')).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await inject('GET', '/api/public/nabo-finnes-ikke/calendar.ics')).statusCode).toBe(404);
  });

  it('stores only a hash, and a new address replaces the old one', async () => {
    const first = (await inject('POST', '/api/me/calendar-link', official)).json<{ url: string }>().url;
    const token = first.slice('/api/public/calendar/'.length, -'.ics'.length);
    const rows = await t.orm.em.fork().getConnection().execute<{ token_hash: string }[]>('select token_hash from calendar_link');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const second = (await inject('POST', '/api/me/calendar-link', official)).json<{ url: string }>().url;
    expect(second).not.toBe(first);
    expect((await inject('GET', first)).statusCode).toBe(404);
    expect((await inject('GET', second)).statusCode).toBe(200);
    const audit = await t.orm.em.fork().getConnection().execute<{ action: string }[]>(`select action from audit_log where action like 'calendar_link.%' order by id`);
    expect(audit.map((a) => a.action)).toEqual(['calendar_link.create', 'calendar_link.rotate', 'calendar_link.rotate']);
  });

  it('refuses unknown and malformed addresses, and users who are not officials', async () => {
    expect((await inject('GET', `/api/public/calendar/${'A'.repeat(43)}.ics`)).json()).toMatchObject({ code: 'NOT_FOUND' });
    for (const file of ['abc.ics', `${'A'.repeat(43)}.txt`, `${'A'.repeat(42)}!.ics`]) {
      const res = await inject('GET', `/api/public/calendar/${encodeURIComponent(file)}`);
      expect({ file, status: res.statusCode, code: res.json().code }).toEqual({ file, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect((await inject('POST', '/api/me/calendar-link', secretariat)).statusCode).toBe(403);
    expect((await inject('POST', '/api/me/calendar-link')).statusCode).toBe(401);
  });
});
