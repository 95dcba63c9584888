import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { JobsService } from '../jobs/jobs.service.js';
import { runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
import { PdfRenderer } from '../pdf/pdf-renderer.service.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { RENDER_PUBLISHED_JOB } from './published-documents.service.js';

/** The text of a PDF, read back with pdf.js. */
async function textOf(pdf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const loading = pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0, disableFontFace: true });
  try {
    const doc = await loading.promise;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push((await (await doc.getPage(n)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' '));
    return pages.join('\n').replace(/\s+/g, ' ');
  } finally {
    await loading.destroy();
  }
}

/** The public notice and papers: rendered once per version, served with an ETag, re-rendered by a job. */
describe('published documents', () => {
  let t: TestApp;
  let secretariat: string;
  let admin: string;
  let municipalityId: string;
  let meetingId: string;
  let openCase: string;
  let renders: ReturnType<typeof jest.spyOn>;
  const year = new Date().getFullYear() + 1;
  const papersUrl = () => `/api/public/demo/meetings/${meetingId}/papers.pdf`;

  const inject = (method: 'GET' | 'POST', url: string, cookie?: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...headers, ...(cookie ? { cookie } : {}) }, ...(payload ? { payload } : {}) });
  const sql = (text: string, params: unknown[]) => runInTenant(t.orm, { municipalityId, actor: SYSTEM_ACTOR }, (em) => em.execute(text, params));
  const versions = async (kind: string) =>
    (await sql('select version from published_document where kind = ? and subject_id = ? order by version', [kind, meetingId])).map((r) => (r as { version: number }).version);

  beforeAll(async () => {
    t = await createTestApp('published-documents');
    secretariat = await t.login('sekretariat');
    admin = await t.login('admin');
    const [row] = await t.orm.em.fork().getConnection().execute<{ id: string }[]>(`select id from municipality where slug = 'demo'`);
    municipalityId = row!.id;
    const bodies = (await inject('GET', '/api/bodies', secretariat)).json<{ items: { id: string; kind: string }[] }>().items;
    const ks = bodies.find((b) => b.kind === 'kommunestyre')!.id;
    meetingId = (await inject('POST', `/api/bodies/${ks}/meetings`, secretariat, { startsAt: `${year}-04-14T18:00:00+02:00`, place: 'Rådhuset' })).json<{ id: string }>().id;
    const created = await inject('POST', '/api/cases', secretariat, { archiveReference: `${year}/777`, title: 'Ny gangbru', summary: 'Første sammendrag.' });
    openCase = created.json<{ id: string }>().id;
    expect((await inject('POST', `/api/meetings/${meetingId}/items`, secretariat, { caseId: openCase })).statusCode).toBe(201);
    expect((await inject('POST', `/api/meetings/${meetingId}/publish`, secretariat)).statusCode).toBe(200);
    renders = jest.spyOn(t.app.get(PdfRenderer), 'render');
  });
  afterAll(async () => {
    renders.mockRestore();
    await t.close();
  });

  it('renders the papers once for any number of concurrent requests, then serves the stored version', async () => {
    renders.mockClear();
    const first = await Promise.all([1, 2, 3, 4, 5].map(() => inject('GET', papersUrl())));
    expect(first.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(first.map((r) => r.headers['etag'])).size).toBe(1);
    const again = await inject('GET', papersUrl());
    expect(again.headers['etag']).toBe(first[0]!.headers['etag']);
    expect(renders).toHaveBeenCalledTimes(1);
    expect(await versions('meeting-papers')).toEqual([1]);
    expect(again.headers['cache-control']).toBe('public, max-age=300, must-revalidate');
    expect(again.headers['content-type']).toContain('application/pdf');
    expect(await textOf(again.rawPayload)).toContain('Første sammendrag.');
  });

  it('answers 304 Not Modified to If-None-Match with the current ETag, with no body', async () => {
    const etag = (await inject('GET', papersUrl())).headers['etag'] as string;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const cached = await inject('GET', papersUrl(), undefined, undefined, { 'if-none-match': etag });
    expect(cached.statusCode).toBe(304);
    expect(cached.rawPayload.length).toBe(0);
    expect(cached.headers['etag']).toBe(etag);
    expect((await inject('GET', papersUrl(), undefined, undefined, { 'if-none-match': '"something-else"' })).statusCode).toBe(200);
    // The notice too.
    const notice = await inject('GET', `/api/public/demo/meetings/${meetingId}/notice.pdf`);
    expect(notice.statusCode).toBe(200);
    expect((await inject('GET', `/api/public/demo/meetings/${meetingId}/notice.pdf`, undefined, undefined, { 'if-none-match': notice.headers['etag'] as string })).statusCode).toBe(304);
  });

  it('serves the previous version after a change until the job has rendered the new one, queued once', async () => {
    const before = await inject('GET', papersUrl());
    await sql('update political_case set summary = ? where id = ?', ['Andre sammendrag.', openCase]);
    renders.mockClear();
    const stale = await Promise.all([1, 2, 3].map(() => inject('GET', papersUrl())));
    for (const r of stale) expect(r.headers['etag']).toBe(before.headers['etag']);
    expect(await textOf(stale[0]!.rawPayload)).toContain('Første sammendrag.');
    expect(renders).not.toHaveBeenCalled();
    const jobs = t.app.get(JobsService);
    expect((await jobs.pending<{ subjectId: string }>(RENDER_PUBLISHED_JOB)).filter((j) => j.data.subjectId === meetingId)).toHaveLength(1);

    await jobs.startWorking();
    let fresh = before;
    for (let i = 0; i < 200 && fresh.headers['etag'] === before.headers['etag']; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      fresh = await inject('GET', papersUrl());
    }
    expect(fresh.headers['etag']).not.toBe(before.headers['etag']);
    expect(await textOf(fresh.rawPayload)).toContain('Andre sammendrag.');
    expect(await versions('meeting-papers')).toEqual([1, 2]);
  });

  it('never serves a stored version once the public may see less: a case made exempt is re-rendered at once', async () => {
    const before = await inject('GET', papersUrl());
    expect(await textOf(before.rawPayload)).toContain('Andre sammendrag.');
    await sql("update political_case set public = false, legal_ground = 'offl13' where id = ?", [openCase]);
    const now = await inject('GET', papersUrl());
    expect(now.statusCode).toBe(200);
    expect(now.headers['etag']).not.toBe(before.headers['etag']);
    const text = await textOf(now.rawPayload);
    expect(text).not.toContain('Andre sammendrag.');
    expect(text).not.toContain('Ny gangbru');
    expect(text).toContain('Unntatt offentlighet');
    // Two versions kept: the current and the one before.
    expect(await versions('meeting-papers')).toEqual([2, 3]);
  });

  it('re-renders every published document on request, with its progress', async () => {
    expect((await inject('GET', '/api/published/refresh', admin)).json()).toEqual({ refresh: null });
    const started = await inject('POST', '/api/published/refresh', admin);
    expect(started.statusCode).toBe(202);
    const total = started.json<{ refresh: { total: number } }>().refresh.total;
    expect(total).toBeGreaterThanOrEqual(2);
    let progress = started.json<{ refresh: { done: number; failed: number; finished: boolean } }>().refresh;
    for (let i = 0; i < 300 && !progress.finished; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      progress = (await inject('GET', '/api/published/refresh', secretariat)).json<{ refresh: typeof progress }>().refresh;
    }
    expect(progress).toMatchObject({ done: total, failed: 0, finished: true });
    expect((await inject('POST', '/api/published/refresh')).statusCode).toBe(401);
  });
});
