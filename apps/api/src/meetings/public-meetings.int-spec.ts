import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * The public meeting calendar: published meetings of open bodies only, never a planned meeting,
 * never the title of a closed item, the text of an exempt case or an exempt document, and nothing
 * of another municipality.
 */
describe('the public meeting calendar', () => {
  let t: TestApp;
  let secretariat: string;
  let bodyId: string;
  let closedBodyId: string;
  let published: string;
  let planned: string;
  let past: string;
  let hiddenBodyMeeting: string;
  let openItem: string;
  let exemptItem: string;
  let closedOpenCaseItem: string;
  let publicDoc: string;
  let exemptDoc: string;
  const SECRET = 'Hemmeligordet';
  const year = new Date().getFullYear() + 1;
  const lastYear = new Date().getFullYear() - 1;

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const createCase = async (n: number, extra: object = {}) => {
    const res = await inject('POST', '/api/cases', secretariat, {
      archiveReference: `${year}/${200 + n}`,
      title: `Sak ${n}: ny barnehage på Fjordvik`,
      summary: `Kort sammendrag av sak ${n}.`,
      background: 'Bakgrunnen for saken.',
      recommendation: 'Kommunestyret vedtar planen.',
      ...extra,
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const createMeeting = async (body: string, startsAt: string) => {
    const res = await inject('POST', `/api/bodies/${body}/meetings`, secretariat, { startsAt, place: 'Rådhuset', videoUrl: 'https://video.example/kommunestyret' });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const addItem = async (meeting: string, caseId: string) => {
    const res = await inject('POST', `/api/meetings/${meeting}/items`, secretariat, { caseId });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const publish = async (meeting: string) => expect((await inject('POST', `/api/meetings/${meeting}/publish`, secretariat)).statusCode).toBe(200);
  const addDocument = async (caseId: string, title: string, isPublic: boolean) => {
    const id = randomUUID();
    await t.orm.em.fork().getConnection().execute(
      `insert into case_document (id, municipality_id, case_id, title, filename, content_type, size, sha256, public, legal_ground, position, storage_key)
       select ?, c.municipality_id, c.id, ?, 'vedlegg.pdf', 'application/pdf', 100, repeat('0', 64), ?, ?, 0, ? from political_case c where c.id = ?`,
      [id, title, isPublic, isPublic ? null : 'offl13-fvl13', `test/${id}`, caseId],
    );
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp('public_meetings', {
      municipalities: [
        { slug: 'demo', name: 'Fjordvik kommune', number: '9901' },
        { slug: 'nabo', name: 'Nabovik kommune', number: '9902', userPrefix: 'nabo.' },
      ],
    });
    secretariat = await t.login('sekretariat');
    const bodies = (await inject('GET', '/api/bodies', secretariat)).json<{ items: { id: string; kind: string }[] }>().items;
    bodyId = bodies.find((b) => b.kind === 'kommunestyre')!.id;
    closedBodyId = bodies.find((b) => b.kind !== 'kommunestyre')!.id;
    await t.orm.em.fork().getConnection().execute('update body set is_public = false where id = ?', [closedBodyId]);

    published = await createMeeting(bodyId, `${year}-02-10T18:00:00+01:00`);
    const openCase = await createCase(1);
    openItem = await addItem(published, openCase);
    const exemptCase = await createCase(2, { title: `Tilsetting ${SECRET}`, public: false, legalGround: 'koml11-5-2b', background: `Om ${SECRET}.` });
    exemptItem = await addItem(published, exemptCase);
    const otherCase = await createCase(3, { title: 'Forhandlinger om tomtekjøp' });
    closedOpenCaseItem = await addItem(published, otherCase);
    expect((await inject('PUT', `/api/agenda-items/${closedOpenCaseItem}/closed`, secretariat, { closed: true, legalGround: 'offl23-1' })).statusCode).toBe(200);
    publicDoc = await addDocument(openCase, 'Planbeskrivelse', true);
    exemptDoc = await addDocument(openCase, `Notat ${SECRET}`, false);
    await addDocument(exemptCase, 'Søknad', true);
    await publish(published);

    planned = await createMeeting(bodyId, `${year}-03-10T18:00:00+01:00`);
    await addItem(planned, await createCase(4, { title: 'Sak i planlagt møte' }));
    past = await createMeeting(bodyId, `${lastYear}-06-10T18:00:00+02:00`);
    await publish(past);
    hiddenBodyMeeting = await createMeeting(closedBodyId, `${year}-02-12T18:00:00+01:00`);
    await publish(hiddenBodyMeeting);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists upcoming published meetings of open bodies, never planned ones', async () => {
    const res = await inject('GET', '/api/public/demo/meetings');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ items: { id: string }[] }>().items.map((m) => m.id)).toEqual([published]);
    const forBody = await inject('GET', `/api/public/demo/meetings?bodyId=${bodyId}`);
    expect(forBody.json<{ items: { id: string }[] }>().items.map((m) => m.id)).toEqual([published]);
    const hidden = await inject('GET', `/api/public/demo/meetings?bodyId=${closedBodyId}`);
    expect(hidden.json()).toEqual({ items: [] });
    expect((await inject('GET', `/api/public/demo/meetings/${planned}`)).json()).toMatchObject({ code: 'MEETING_NOT_FOUND' });
    expect((await inject('GET', `/api/public/demo/meetings/${hiddenBodyMeeting}`)).json()).toMatchObject({ code: 'MEETING_NOT_FOUND' });
  });

  it('keeps an archive by year', async () => {
    const archive = await inject('GET', `/api/public/demo/meetings?year=${lastYear}`);
    expect(archive.json<{ items: { id: string }[] }>().items.map((m) => m.id)).toEqual([past]);
    const next = await inject('GET', `/api/public/demo/meetings?year=${year}`);
    expect(next.json<{ items: { id: string }[] }>().items.map((m) => m.id)).toEqual([published]);
    expect((await inject('GET', '/api/public/demo/meetings/years')).json()).toEqual({ years: [year, lastYear] });
    expect((await inject('GET', '/api/public/demo/meetings?year=abc')).statusCode).toBe(400);
  });

  it('shows a closed item only by number, "Unntatt offentlighet" and its citation', async () => {
    const res = await inject('GET', `/api/public/demo/meetings/${published}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain('tomtekjøp');
    const items = res.json<{ items: { id: string; title: string; citation: string | null; case: unknown }[] }>().items;
    expect(items.map((i) => [i.id, i.title, i.case === null])).toEqual([
      [openItem, 'Sak 1: ny barnehage på Fjordvik', false],
      [exemptItem, 'Unntatt offentlighet', true],
      [closedOpenCaseItem, 'Unntatt offentlighet', true],
    ]);
    expect(items[1]!.citation).toBe('koml. § 11-5 annet ledd bokstav b');
  });

  it('gives an open item its case and public documents, never the exempt ones', async () => {
    const res = await inject('GET', `/api/public/demo/meetings/${published}/items/${openItem}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(SECRET);
    const detail = res.json<{ meeting: { id: string }; item: { case: { summary: string } }; documents: { id: string }[] }>();
    expect(detail.meeting.id).toBe(published);
    expect(detail.item.case.summary).toBe('Kort sammendrag av sak 1.');
    expect(detail.documents.map((d) => d.id)).toEqual([publicDoc]);
    expect(res.body).not.toContain(exemptDoc);
  });

  it('gives a closed item nothing but its number and ground', async () => {
    for (const item of [exemptItem, closedOpenCaseItem]) {
      const res = await inject('GET', `/api/public/demo/meetings/${published}/items/${item}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(SECRET);
      expect(res.body).not.toContain('tomtekjøp');
      expect(res.body).not.toContain('Søknad');
      expect(res.json()).toMatchObject({ item: { title: 'Unntatt offentlighet', case: null, recommendation: '', decision: '' }, documents: [] });
    }
    const wrongMeeting = await inject('GET', `/api/public/demo/meetings/${past}/items/${openItem}`);
    expect(wrongMeeting.json()).toMatchObject({ code: 'AGENDA_ITEM_NOT_FOUND' });
    const plannedItem = (await inject('GET', `/api/meetings/${planned}`, secretariat)).json<{ items: { id: string }[] }>().items[0]!.id;
    expect((await inject('GET', `/api/public/demo/meetings/${planned}/items/${plannedItem}`)).json()).toMatchObject({ code: 'MEETING_NOT_FOUND' });
  });

  it('leads from an open case to its items, and from an exempt or closed one nowhere', async () => {
    const open = (await inject('GET', `/api/public/demo/meetings/${published}/items/${openItem}`)).json<{ item: { number: string; case: { id: string } } }>().item;
    const res = await inject('GET', `/api/public/demo/cases/${open.case.id}/items`);
    expect(res.json()).toMatchObject({ items: [{ meetingId: published, itemId: openItem, number: open.number }] });
    const staff = (await inject('GET', `/api/meetings/${published}`, secretariat)).json<{ items: { id: string; case: { id: string } }[] }>().items;
    for (const item of [exemptItem, closedOpenCaseItem]) {
      const caseId = staff.find((i) => i.id === item)!.case.id;
      expect((await inject('GET', `/api/public/demo/cases/${caseId}/items`)).json()).toEqual({ items: [] });
    }
    expect((await inject('GET', `/api/public/nabo/cases/${open.case.id}/items`)).json()).toEqual({ items: [] });
  });

  it('serves the notice PDF of a published meeting only', async () => {
    const res = await inject('GET', `/api/public/demo/meetings/${published}/notice.pdf`);
    expect({ status: res.statusCode, body: res.statusCode === 200 ? '' : res.body }).toEqual({ status: 200, body: '' });
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(mkdtempSync(join(tmpdir(), 'public-notice-')), 'notice.pdf');
    writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Sak 1: ny barnehage på Fjordvik');
    expect(text).toContain('Unntatt offentlighet');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('tomtekjøp');
    expect((await inject('GET', `/api/public/demo/meetings/${planned}/notice.pdf`)).json()).toMatchObject({ code: 'MEETING_NOT_FOUND' });
    expect((await inject('GET', `/api/public/demo/meetings/${hiddenBodyMeeting}/notice.pdf`)).statusCode).toBe(404);
  });

  it("shows nothing of another municipality's meetings", async () => {
    expect((await inject('GET', '/api/public/nabo/meetings')).json()).toEqual({ items: [] });
    expect((await inject('GET', `/api/public/nabo/meetings?year=${year}`)).json()).toEqual({ items: [] });
    expect((await inject('GET', '/api/public/nabo/meetings/years')).json()).toEqual({ years: [] });
    for (const url of [`meetings/${published}`, `meetings/${published}/items/${openItem}`, `meetings/${published}/notice.pdf`]) {
      const res = await inject('GET', `/api/public/nabo/${url}`);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 404 });
    }
  });
});
