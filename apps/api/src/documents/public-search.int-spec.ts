import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PDFDocument } from 'pdf-lib';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * `published_public` on cases and documents (Migration20261126050000PublicSearch) is what the
 * public search filters on: it must follow every change that makes a paper visible or invisible
 * to the public, whether made through the API or straight in the database.
 */
describe('the public search flag', () => {
  let t: TestApp;
  let secretariat: string;
  let bodies: { id: string; kind: string }[];
  const year = new Date().getFullYear() + 1;
  let seq = 700;

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const sql = <T extends object[]>(text: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T>(text, params);

  const createCase = async (title: string, extra: object = {}) => {
    const archiveReference = `${year}/${seq++}`;
    const res = await inject('POST', '/api/cases', secretariat, { archiveReference, title, summary: 'Kort om saken.', ...extra });
    expect(res.statusCode).toBe(201);
    return { id: res.json<{ id: string }>().id, archiveReference, title };
  };
  const upload = async (caseId: string, title: string, text: string, fields: Record<string, string> = {}) => {
    const boundary = '----public-search-test';
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
  const newMeeting = async (bodyKind: string) => {
    const body = bodies.find((b) => b.kind === bodyKind)!;
    const res = await inject('POST', `/api/bodies/${body.id}/meetings`, secretariat, { startsAt: `${year}-05-10T18:00:00+02:00`, place: 'Rådhuset' });
    expect(res.statusCode).toBe(201);
    return { id: res.json<{ id: string }>().id, bodyId: body.id };
  };
  const addItem = async (meetingId: string, caseId: string) => {
    const res = await inject('POST', `/api/meetings/${meetingId}/items`, secretariat, { caseId });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const publish = async (meetingId: string) => expect((await inject('POST', `/api/meetings/${meetingId}/publish`, secretariat)).statusCode).toBe(200);
  /** The flags of the given cases and documents, by id. */
  const flags = async (...ids: string[]) => {
    const rows = await sql<{ id: string; published_public: boolean }[]>(
      `select id, published_public from political_case where id = any(?::uuid[]) union all select id, published_public from case_document where id = any(?::uuid[])`,
      [`{${ids.join(',')}}`, `{${ids.join(',')}}`],
    );
    return ids.map((id) => rows.find((r) => r.id === id)?.published_public);
  };
  const publicHits = async (word: string) =>
    (await inject('GET', `/api/public/demo/search?q=${word}`)).json<{ items: { id: string }[]; total: number }>().items.map((i) => i.id).sort();
  const staffHits = async (word: string) =>
    (await inject('GET', `/api/search?q=${word}`, secretariat)).json<{ items: { id: string }[] }>().items.map((i) => i.id).sort();
  const sorted = (...ids: string[]) => [...ids].sort();

  beforeAll(async () => {
    t = await createTestApp('public_search');
    secretariat = await t.login('sekretariat');
    bodies = (await inject('GET', '/api/bodies', secretariat)).json<{ items: { id: string; kind: string }[] }>().items;
  });
  afterAll(async () => {
    await t.close();
  });

  it('follows publishing, closing an item and making a case or document exempt', async () => {
    const word = 'fjellovergangen';
    const kase = await createCase(`Vinterstengt ${word}`);
    const open = await upload(kase.id, 'Saksutredning', `Utredning om ${word} og brøyting.`);
    const exempt = await upload(kase.id, 'Søkerliste', `Personopplysninger om ${word}.`, { public: 'false', legalGround: 'offl13-fvl13' });
    const meeting = await newMeeting('kommunestyre');
    const item = await addItem(meeting.id, kase.id);

    // On a meeting not yet published: nothing for the public, everything for the secretariat.
    expect(await flags(kase.id, open, exempt)).toEqual([false, false, false]);
    expect(await publicHits(word)).toEqual([]);
    expect(await staffHits(word)).toEqual(sorted(kase.id, open, exempt));

    await publish(meeting.id);
    expect(await flags(kase.id, open, exempt)).toEqual([true, true, false]);
    expect(await publicHits(word)).toEqual(sorted(kase.id, open));

    // A document added to a case already published is public at once (or not, if exempt).
    const later = await upload(kase.id, 'Tilleggsnotat', `Nytt om ${word}.`);
    const laterExempt = await upload(kase.id, 'Notat om ansatt', `Fortrolig om ${word}.`, { public: 'false', legalGround: 'offl14' });
    expect(await flags(later, laterExempt)).toEqual([true, false]);
    expect(await publicHits(word)).toEqual(sorted(kase.id, open, later));

    // The item treated in closed session: the case and all its papers leave the public search.
    expect((await inject('PUT', `/api/agenda-items/${item}/closed`, secretariat, { closed: true, legalGround: 'offl13-fvl13' })).statusCode).toBe(200);
    expect(await flags(kase.id, open, later)).toEqual([false, false, false]);
    expect(await publicHits(word)).toEqual([]);
    expect((await inject('PUT', `/api/agenda-items/${item}/closed`, secretariat, { closed: false, legalGround: null })).statusCode).toBe(200);
    expect(await flags(kase.id, open, later)).toEqual([true, true, true]);

    // A document made exempt, and public again.
    expect((await inject('PUT', `/api/documents/${later}`, secretariat, { title: 'Tilleggsnotat', public: false, legalGround: 'offl14' })).statusCode).toBe(200);
    expect(await flags(later)).toEqual([false]);
    expect(await publicHits(word)).toEqual(sorted(kase.id, open));
    expect((await inject('PUT', `/api/documents/${later}`, secretariat, { title: 'Tilleggsnotat', public: true, legalGround: null })).statusCode).toBe(200);
    expect(await flags(later)).toEqual([true]);

    // The case made exempt: its documents go with it, however public they are themselves.
    const caseUpdate = { archiveReference: kase.archiveReference, title: kase.title, summary: 'Kort om saken.' };
    expect((await inject('PUT', `/api/cases/${kase.id}`, secretariat, { ...caseUpdate, public: false, legalGround: 'offl14' })).statusCode).toBe(200);
    expect(await flags(kase.id, open, later, exempt)).toEqual([false, false, false, false]);
    expect(await publicHits(word)).toEqual([]);
    expect((await inject('PUT', `/api/cases/${kase.id}`, secretariat, { ...caseUpdate, public: true, legalGround: null })).statusCode).toBe(200);
    expect(await flags(kase.id, open, later, exempt, laterExempt)).toEqual([true, true, true, false, false]);
    expect(await publicHits(word)).toEqual(sorted(kase.id, open, later));
  });

  it('follows the ways back out: an item removed, a meeting set back, a body closed', async () => {
    const word = 'ferjeleiet';
    const kase = await createCase(`Utbedring av ${word}`);
    const doc = await upload(kase.id, 'Kostnadsoverslag', `Overslag for ${word}.`);
    const first = await newMeeting('formannskap');
    const firstItem = await addItem(first.id, kase.id);
    await publish(first.id);
    expect(await flags(kase.id, doc)).toEqual([true, true]);

    // On a second, unpublished meeting too: still public through the first.
    const second = await newMeeting('kommunestyre');
    const secondItem = await addItem(second.id, kase.id);
    expect(await flags(kase.id, doc)).toEqual([true, true]);

    // Taken off the published meeting's agenda: only the unpublished one is left.
    expect((await inject('DELETE', `/api/agenda-items/${firstItem}`, secretariat)).statusCode).toBe(204);
    expect(await flags(kase.id, doc)).toEqual([false, false]);
    expect(await publicHits(word)).toEqual([]);

    await publish(second.id);
    expect(await flags(kase.id, doc)).toEqual([true, true]);

    // Changes no endpoint makes today, straight in the database: the triggers still follow.
    await sql(`update meeting set status = 'planned' where id = ?`, [second.id]);
    expect(await flags(kase.id, doc)).toEqual([false, false]);
    expect(await publicHits(word)).toEqual([]);
    await sql(`update meeting set status = 'notice_sent' where id = ?`, [second.id]);
    expect(await flags(kase.id, doc)).toEqual([true, true]);

    await sql(`update body set is_public = false where id = ?`, [second.bodyId]);
    expect(await flags(kase.id, doc)).toEqual([false, false]);
    expect(await publicHits(word)).toEqual([]);
    await sql(`update body set is_public = true where id = ?`, [second.bodyId]);
    expect(await flags(kase.id, doc)).toEqual([true, true]);
    expect(await publicHits(word)).toEqual(sorted(kase.id, doc));

    await sql(`delete from agenda_item where id = ?`, [secondItem]);
    expect(await flags(kase.id, doc)).toEqual([false, false]);
    expect(await publicHits(word)).toEqual([]);
  });

  it('agrees for every case and document with the rule worked out from scratch, demo data included', async () => {
    const published = `exists (select 1 from agenda_item ai join meeting m on m.id = ai.meeting_id join body b on b.id = ai.body_id
                               where ai.case_id = c.id and not ai.closed and m.status <> 'planned' and b.is_public)`;
    const [counts] = await sql<{ cases: string; documents: string; wrong_cases: string; wrong_documents: string }[]>(
      `select (select count(*) from political_case c where c.published_public) as cases,
              (select count(*) from case_document d where d.published_public) as documents,
              (select count(*) from political_case c where c.published_public is distinct from (c.public and ${published})) as wrong_cases,
              (select count(*) from case_document d join political_case c on c.id = d.case_id
                where d.published_public is distinct from (d.public and c.public and ${published})) as wrong_documents`,
    );
    expect(counts).toMatchObject({ wrong_cases: '0', wrong_documents: '0' });
    expect(Number(counts!.cases)).toBeGreaterThan(0);
  });

  it('never shows the public an exempt or unpublished paper, whatever the words', async () => {
    const ids = await sql<{ id: string }[]>(
      `select id from political_case where not published_public union all select id from case_document where not published_public`,
    );
    const hidden = new Set(ids.map((r) => r.id));
    for (const q of ['fjellovergangen', 'ferjeleiet', 'saken', 'kommune', 'vedtak', 'notat or overslag']) {
      const hits = await publicHits(encodeURIComponent(q));
      expect(hits.filter((id) => hidden.has(id))).toEqual([]);
    }
  });
});
