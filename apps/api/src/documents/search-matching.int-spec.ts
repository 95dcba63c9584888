import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PDFDocument } from 'pdf-lib';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

type Hit = { kind: string; id: string; caseId: string | null; rank: number; title: string };

/**
 * Search that finds (issue 15, Migration20261208060000SearchMatching): word beginnings, the parts
 * of Norwegian compounds, case numbers and archive references, filters by body, dates and type,
 * with the access rules unchanged (an exempt document's words never reach the public or an
 * official without access, whichever way they match). On PostgreSQL, through HTTP.
 */
describe('search matching and filters', () => {
  let t: TestApp;
  let secretariat: string;
  let official: string;
  let bodies: { id: string; kind: string; name: string }[];
  /** A body the official is not a member of (no exempt access through it). */
  let strangeBody: { id: string; kind: string; name: string };
  const year = new Date().getFullYear() + 2;
  const yy = String(year % 100).padStart(2, '0');
  const ids: Record<string, string> = {};
  let itemNumber = '';
  /** The number of the other body's item: numbering is per body, so it may be the same. */
  let lateNumber = '';

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const sql = <T extends object[]>(text: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T>(text, params);
  const search = async (who: 'public' | 'staff' | 'official', params: Record<string, string>) => {
    const qs = new URLSearchParams(params).toString();
    const res = who === 'public' ? await inject('GET', `/api/public/demo/search?${qs}`) : await inject('GET', `/api/search?${qs}`, who === 'staff' ? secretariat : official);
    return res;
  };
  const hits = async (who: 'public' | 'staff' | 'official', q: string, extra: Record<string, string> = {}): Promise<Hit[]> => {
    const res = await search(who, { q, ...extra });
    expect({ q, status: res.statusCode }).toEqual({ q, status: 200 });
    return res.json<{ items: Hit[] }>().items;
  };
  const hitIds = async (who: 'public' | 'staff' | 'official', q: string, extra: Record<string, string> = {}) => (await hits(who, q, extra)).map((h) => h.id);

  const createCase = async (archiveReference: string, title: string, summary: string) => {
    const res = await inject('POST', '/api/cases', secretariat, { archiveReference, title, summary });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const upload = async (caseId: string, title: string, text: string, fields: Record<string, string> = {}) => {
    const boundary = '----search-matching-test';
    const pdf = Buffer.from(await (await PDFDocument.create()).save());
    const parts = Object.entries({ title, ...fields }).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
    const payload = Buffer.concat([
      Buffer.from(parts.join('')),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="d.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/documents`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: secretariat }, payload });
    expect(res.statusCode).toBe(201);
    const id = res.json<{ id: string }>().id;
    // The text as extraction would leave it (no job worker runs here).
    await sql(`update case_document set text = ?, text_status = 'done' where id = ?`, [text, id]);
    return id;
  };
  const meetingWith = async (bodyId: string, startsAt: string, caseIds: string[]) => {
    const res = await inject('POST', `/api/bodies/${bodyId}/meetings`, secretariat, { startsAt, place: 'Rådhuset' });
    expect(res.statusCode).toBe(201);
    const meetingId = res.json<{ id: string }>().id;
    const numbers: string[] = [];
    for (const caseId of caseIds) {
      const item = await inject('POST', `/api/meetings/${meetingId}/items`, secretariat, { caseId });
      expect(item.statusCode).toBe(201);
      numbers.push(item.json<{ number: string }>().number);
    }
    expect((await inject('POST', `/api/meetings/${meetingId}/publish`, secretariat)).statusCode).toBe(200);
    return { meetingId, numbers };
  };

  beforeAll(async () => {
    t = await createTestApp('search_matching');
    secretariat = await t.login('sekretariat');
    official = await t.login('politiker');
    bodies = (await inject('GET', '/api/bodies', secretariat)).json<{ items: { id: string; kind: string; name: string }[] }>().items;
    const memberOf = new Set(
      (
        await sql<{ body_id: string }[]>(
          `select ms.body_id from membership ms join app_user u on u.person_id = ms.person_id where u.username = 'politiker' and ms."from" <= current_date and (ms."to" is null or ms."to" >= current_date)`,
        )
      ).map((r) => r.body_id),
    );
    strangeBody = bodies.find((b) => !memberOf.has(b.id))!;
    expect(strangeBody).toBeDefined();
    const otherBody = bodies.find((b) => b.id !== strangeBody.id)!;

    ids['traffic'] = await createCase(`${yy}/1200`, 'Trafikksikkerhetsplan for Fjordvik', 'Planen prioriterer skoleveiene i Nordbygda.');
    ids['trafficDoc'] = await upload(ids['traffic'], 'Kostnadsoverslag', 'Budsjettet for tiltakene er tre millioner kroner.');
    // Exempt: its words must never reach the public or an official without access.
    ids['exemptDoc'] = await upload(ids['traffic'], 'Klage fra nabo', 'Naboen Ola Kvernstuen klager på trafikkstøyen.', { public: 'false', legalGround: 'offl13-fvl13' });
    ids['safety'] = await createCase(`${yy}/1201`, 'Sikkerhet ved kaia', 'Sikkerhet for båtfolket i havna.');
    ids['late'] = await createCase(`${yy}/1202`, 'Gatelys i Sørbygda', 'Nye gatelys langs fylkesveien.');

    const first = await meetingWith(strangeBody.id, `${year}-03-10T18:00:00+01:00`, [ids['traffic'], ids['safety']]);
    ids['meeting'] = first.meetingId;
    itemNumber = first.numbers[0]!;
    lateNumber = (await meetingWith(otherBody.id, `${year}-09-15T18:00:00+02:00`, [ids['late']])).numbers[0]!;
    ids['otherBody'] = otherBody.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds a compound by its first part (a word beginning), for staff and the public', async () => {
    expect(await hitIds('staff', 'trafikk')).toEqual(expect.arrayContaining([ids['traffic']]));
    expect(await hitIds('public', 'trafikk')).toEqual(expect.arrayContaining([ids['traffic']]));
  });

  it('finds a compound by a part inside it, ranked below the exact word', async () => {
    const found = await hits('public', 'sikkerhet');
    const order = found.map((h) => h.id);
    expect(order).toEqual(expect.arrayContaining([ids['safety'], ids['traffic']]));
    // "Sikkerhet ved kaia" has the word itself; "Trafikksikkerhetsplan" only as a compound part.
    expect(order.indexOf(ids['safety']!)).toBeLessThan(order.indexOf(ids['traffic']!));
    // A later part of a compound: "skoleveiene" by "veien" is not asked; "skolevei" by its beginning is.
    expect(await hitIds('public', 'skolevei')).toContain(ids['traffic']);
    expect(await hitIds('public', 'veiene')).toContain(ids['traffic']);
  });

  it('finds "budsjet" (an unfinished word) in the document that says "Budsjettet"', async () => {
    expect(await hitIds('public', 'budsjet')).toContain(ids['trafficDoc']);
    expect(await hitIds('staff', 'budsjet')).toContain(ids['trafficDoc']);
  });

  it('finds the case of a case number first, however it is written', async () => {
    const [, sequence] = /^PS (\d+)\/\d+$/.exec(itemNumber)!;
    // Both bodies' first items of the year may be "PS 1/yy": then both cases come first.
    const named = lateNumber === itemNumber ? [ids['traffic']!, ids['late']!].sort() : [ids['traffic']!];
    for (const q of [itemNumber, itemNumber.toLowerCase().replace(`/${yy}`, `/${year}`), `${sequence}/${yy}`]) {
      for (const who of ['public', 'staff'] as const) {
        const found = await hits(who, q);
        const first = found.slice(0, named.length);
        expect({ q, who, first: first.map((h) => h.id).sort(), kinds: first.map((h) => h.kind) }).toEqual({ q, who, first: named, kinds: named.map(() => 'case') });
      }
    }
  });

  it('finds the case of an archive reference first, with a two- or four-digit year', async () => {
    for (const q of [`${yy}/1200`, `${year}/1200`]) {
      expect({ q, first: (await hits('public', q))[0]?.id }).toEqual({ q, first: ids['traffic'] });
      expect({ q, first: (await hits('official', q))[0]?.id }).toEqual({ q, first: ids['traffic'] });
    }
  });

  it('never finds an exempt document for the public or an official without access, by any kind of match', async () => {
    for (const q of ['Kvernstuen', 'kvernstu', 'støyen', 'trafikkstøy', 'klage nabo']) {
      expect({ q, staff: (await hitIds('staff', q)).includes(ids['exemptDoc']!) }).toEqual({ q, staff: true });
      expect({ q, official: (await hitIds('official', q)).includes(ids['exemptDoc']!) }).toEqual({ q, official: false });
      expect({ q, public: (await hitIds('public', q)).includes(ids['exemptDoc']!) }).toEqual({ q, public: false });
    }
    // Nor does a named case open its exempt documents: only the case itself, which is public.
    expect(await hitIds('public', `${yy}/1200`)).not.toContain(ids['exemptDoc']);
  });

  it('filters by body, date range and type', async () => {
    const q = 'Fjordvik or sikkerhet or gatelys';
    expect(await hitIds('public', q, { bodyId: strangeBody.id })).toEqual(expect.arrayContaining([ids['traffic'], ids['safety']]));
    expect(await hitIds('public', q, { bodyId: strangeBody.id })).not.toContain(ids['late']);
    expect(await hitIds('public', q, { bodyId: ids['otherBody']! })).toEqual([ids['late']]);
    // The meeting date: March in, September out.
    const march = await hitIds('staff', q, { from: `${year}-03-01`, to: `${year}-03-31` });
    expect(march).toEqual(expect.arrayContaining([ids['traffic'], ids['safety']]));
    expect(march).not.toContain(ids['late']);
    expect(await hitIds('staff', q, { from: `${year}-09-15`, to: `${year}-09-15` })).toEqual([ids['late']]);
    // Type: only documents, only cases.
    const documents = await hits('public', 'budsjet or trafikk', { type: 'document' });
    expect(documents.map((h) => h.kind)).toEqual(documents.map(() => 'document'));
    expect(documents.map((h) => h.id)).toContain(ids['trafficDoc']);
    expect((await hits('public', 'budsjet or trafikk', { type: 'case' })).map((h) => h.id)).toEqual([ids['traffic']]);
    // Meetings by their body's name, in the range.
    const meetings = await hits('public', strangeBody.name, { type: 'meeting', from: `${year}-03-10`, to: `${year}-03-10` });
    expect(meetings.map((h) => [h.kind, h.id, h.caseId])).toEqual([['meeting', ids['meeting'], null]]);
  });

  it('refuses bad dates, a range backwards and an unknown body with stable codes, nothing searched', async () => {
    const bad = await search('public', { q: 'trafikk', from: '2026-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'SEARCH_INVALID', fields: [{ path: 'from' }] });
    const backwards = await search('staff', { q: 'trafikk', from: `${year}-05-01`, to: `${year}-04-01` });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ code: 'SEARCH_INVALID', fields: [{ path: 'to' }] });
    const type = await search('staff', { q: 'trafikk', type: 'person' });
    expect(type.json()).toMatchObject({ code: 'SEARCH_INVALID', fields: [{ path: 'type' }] });
    const body = await search('public', { q: 'trafikk', bodyId: '00000000-0000-4000-8000-000000000000' });
    expect(body.statusCode).toBe(400);
    expect(body.json()).toMatchObject({ code: 'SEARCH_BODY_UNKNOWN' });
  });

  it('keeps the word list from the texts as they are written and changed', async () => {
    const rows = await sql<{ word: string }[]>(`select word from search_word where word like 'trafikksikker%'`);
    expect(rows.length).toBeGreaterThan(0);
    await sql(`update case_document set text = 'Snøskredfaren er vurdert.' where id = ?`, [ids['trafficDoc']]);
    expect(await hitIds('staff', 'skredfare')).toContain(ids['trafficDoc']);
  });

  it('shows the public case page with its documents and saksgang, never the exempt document', async () => {
    const res = await inject('GET', `/api/public/demo/cases/${ids['traffic']}`);
    expect(res.statusCode).toBe(200);
    const page = res.json<{ title: string; archiveReference: string; documents: { id: string }[]; steps: { meetingId: string; number: string; bodyName: string }[] }>();
    expect(page).toMatchObject({ title: 'Trafikksikkerhetsplan for Fjordvik', archiveReference: `${yy}/1200` });
    expect(page.documents.map((d) => d.id)).toEqual([ids['trafficDoc']]);
    expect(page.steps).toEqual([expect.objectContaining({ meetingId: ids['meeting'], number: itemNumber, bodyName: strangeBody.name })]);
    expect(res.body).not.toContain('Kvernstuen');
    expect(res.body).not.toContain('Klage fra nabo');
    // A case on no published agenda is not found.
    const hidden = await createCase(`${yy}/1299`, 'Ikke publisert', 'Ennå ikke på en saksliste.');
    const missing = await inject('GET', `/api/public/demo/cases/${hidden}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'CASE_NOT_FOUND' });
  });
});
