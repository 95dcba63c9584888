import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DocumentStore } from '../documents/document-store.js';
import { Document } from '../documents/document.entity.js';
import { runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/** A PDF with one line of text per page. */
async function pdfPages(pages: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) doc.addPage([595, 842]).drawText(text, { x: 56, y: 780, size: 12, font });
  return Buffer.from(await doc.save());
}

/** A 2×2 red PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');

/** The text of each page, read back with pdf.js. */
async function pageTexts(pdf: Buffer): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const loading = pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0, disableFontFace: true });
  try {
    const doc = await loading.promise;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' ').replace(/\s+/g, ' '));
    }
    return pages;
  } finally {
    await loading.destroy();
  }
}

const run = promisify(execFile);

/** pdfinfo's "Key: value" lines. */
async function pdfinfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', [file]);
  return Object.fromEntries(stdout.split('\n').flatMap((line) => {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    return match ? [[match[1]!, match[2]!]] : [];
  }));
}

/** One page's text by pdftotext (1-based). */
async function pdftext(file: string, page: number): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-']);
  return stdout.normalize('NFC');
}

interface Bookmark {
  title: string;
  page: number;
  children: Bookmark[];
}

/** The outline (bookmarks) with the 1-based page each opens, read back with pdf.js. */
async function outline(pdf: Buffer): Promise<Bookmark[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const loading = pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0, disableFontFace: true });
  try {
    const doc = await loading.promise;
    type Node = { title: string; dest: unknown; items: Node[] };
    // One after the other: pdf.js answers page lookups in order.
    const walk = async (nodes: Node[]): Promise<Bookmark[]> => {
      const marks: Bookmark[] = [];
      for (const n of nodes) {
        const dest = (typeof n.dest === 'string' ? await doc.getDestination(n.dest) : n.dest) as [{ num: number; gen: number }, ...unknown[]];
        marks.push({ title: n.title, page: (await doc.getPageIndex(dest[0])) + 1, children: await walk(n.items) });
      }
      return marks;
    };
    return await walk(((await doc.getOutline()) ?? []));
  } finally {
    await loading.destroy();
  }
}

/** The full meeting papers PDF for staff and for the public, read back. */
describe('meeting papers PDF', () => {
  let t: TestApp;
  let secretariat: string;
  let official: string;
  let municipalityId: string;
  let meetingId: string;
  const year = new Date().getFullYear() + 1;
  const yy = String(year % 100).padStart(2, '0');

  const inject = (method: 'GET' | 'POST', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const createCase = async (n: number, extra: object = {}) => {
    const res = await inject('POST', '/api/cases', secretariat, {
      archiveReference: `${year}/${900 + n}`,
      title: `Papirsak ${n}`,
      summary: `Sammendrag ${n} kommer først.`,
      background: `Bakgrunnstekst ${n}.`,
      assessment: `Vurderingstekst ${n}.`,
      recommendation: `Innstillingstekst ${n}.`,
      ...extra,
    });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const attach = async (caseId: string, title: string, data: Buffer, contentType: string, extra: Partial<Pick<Document, 'public' | 'legalGround'>> = {}, position = 0) => {
    const store = t.app.get(DocumentStore);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const storageKey = await store.put(data, sha256);
    await runInTenant(t.orm, { municipalityId, actor: SYSTEM_ACTOR }, async (em) => {
      em.create(Document, { municipality: municipalityId, case: caseId, title, filename: `${title}.bin`, contentType, size: data.length, sha256, storageKey, position, ...extra });
      await em.flush();
    });
  };

  beforeAll(async () => {
    t = await createTestApp('meeting-papers');
    secretariat = await t.login('sekretariat');
    official = await t.login('politiker');
    const [row] = await t.orm.em.fork().getConnection().execute<{ id: string }[]>(`select id from municipality where slug = 'demo'`);
    municipalityId = row!.id;
    const bodies = (await inject('GET', '/api/bodies', secretariat)).json<{ items: { id: string; kind: string }[] }>().items;
    const ks = bodies.find((b) => b.kind === 'kommunestyre')!.id;
    meetingId = (await inject('POST', `/api/bodies/${ks}/meetings`, secretariat, { startsAt: `${year}-03-10T18:00:00+01:00`, place: 'Rådhuset' })).json<{ id: string }>().id;

    const open = await createCase(1);
    await attach(open, 'Planbeskrivelse', await pdfPages(['VEDLEGGSIDE EN', 'VEDLEGGSIDE TO']), 'application/pdf', {}, 1);
    await attach(open, 'Situasjonsfoto', PNG, 'image/png', {}, 2);
    await attach(open, 'Regneark med tall', Buffer.from('PK\u0003\u0004 not really a docx'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', {}, 3);
    await attach(open, 'Forhandlingsnotat', await pdfPages(['HEMMELIG VEDLEGG']), 'application/pdf', { public: false, legalGround: 'offl23-1' }, 4);
    const closed = await createCase(2, { title: 'Tilsetting av Ola Nordmann', public: false, legalGround: 'koml11-5-2b', summary: 'Personlige forhold.' });
    await attach(closed, 'Søknad', await pdfPages(['SØKNADSTEKST']), 'application/pdf', { public: false, legalGround: 'koml11-5-2b' });
    for (const caseId of [open, closed]) expect((await inject('POST', `/api/meetings/${meetingId}/items`, secretariat, { caseId })).statusCode).toBe(201);
    expect((await inject('POST', `/api/meetings/${meetingId}/items`, secretariat, { type: 'OS', title: 'Orientering om økonomien' })).statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  let dir = '';
  const saved = async (name: string, pdf: Buffer) => {
    dir ||= await mkdtemp(join(tmpdir(), 'papers-'));
    const file = join(dir, name);
    await writeFile(file, pdf);
    return file;
  };

  it('puts the notice first, then each case presentation with its attachments merged in', async () => {
    const res = await inject('GET', `/api/meetings/${meetingId}/papers.pdf`, secretariat);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="motedokumenter-${year}-03-10.pdf"`);
    const pages = await pageTexts(res.rawPayload);
    const all = pages.join('\n');
    const at = (s: string) => pages.findIndex((p) => p.includes(s));
    expect(at('Møteinnkalling')).toBe(0);
    // Summary first, then background, assessment, recommendation.
    const presentation = pages[at('Sammendrag 1')]!;
    expect(presentation.indexOf('Sammendrag 1')).toBeLessThan(presentation.indexOf('Bakgrunnstekst 1'));
    expect(presentation.indexOf('Bakgrunnstekst 1')).toBeLessThan(presentation.indexOf('Vurderingstekst 1'));
    expect(presentation.indexOf('Vurderingstekst 1')).toBeLessThan(presentation.indexOf('Innstillingstekst 1'));
    // The attached PDF's two pages follow, then the image on a page of its own with its title.
    const first = at('VEDLEGGSIDE EN');
    expect(first).toBeGreaterThan(at('Sammendrag 1'));
    expect(pages[first + 1]).toContain('VEDLEGGSIDE TO');
    expect(pages[first + 2]).toContain('Situasjonsfoto');
    // Other types are listed by title; the secretariat sees the exempt attachment and item too.
    expect(presentation).toContain('Regneark med tall (ligger ikke i dokumentet)');
    expect(all).toContain('HEMMELIG VEDLEGG');
    expect(all).toContain('Tilsetting av Ola Nordmann');
    expect(all).toContain('SØKNADSTEKST');
    expect(at('SØKNADSTEKST')).toBeGreaterThan(at('HEMMELIG VEDLEGG'));
    expect(all).toContain(`OS 1/${yy}`);
  });

  it('adds exactly the pages of an attached PDF', async () => {
    const staff = await PDFDocument.load((await inject('GET', `/api/meetings/${meetingId}/papers.pdf`, secretariat)).rawPayload);
    const forOfficial = await PDFDocument.load((await inject('GET', `/api/meetings/${meetingId}/papers.pdf`, official)).rawPayload);
    // Notice, three presentations, the 2-page plan, the image, the exempt 1-page note and the 1-page application.
    const noticePages = (await pageTexts((await inject('GET', `/api/meetings/${meetingId}/notice.pdf`, secretariat)).rawPayload)).length;
    expect(staff.getPageCount()).toBe(noticePages + 3 + 2 + 1 + 1 + 1);
    // The official is a member of the kommunestyre: the same papers (exempt access per body).
    expect(forOfficial.getPageCount()).toBe(staff.getPageCount());
  });

  it('gives the public only open items and public attachments; closed items by number, "Unntatt offentlighet" and ground', async () => {
    expect((await inject('GET', `/api/public/demo/meetings/${meetingId}/papers.pdf`)).json()).toMatchObject({ code: 'MEETING_NOT_FOUND' });
    expect((await inject('POST', `/api/meetings/${meetingId}/publish`, secretariat)).statusCode).toBe(200);
    const res = await inject('GET', `/api/public/demo/meetings/${meetingId}/papers.pdf`);
    expect(res.statusCode).toBe(200);
    const pages = await pageTexts(res.rawPayload);
    const all = pages.join('\n');
    expect(all).toContain('VEDLEGGSIDE TO');
    expect(all).toContain('Sammendrag 1');
    for (const secret of ['HEMMELIG', 'Forhandlingsnotat', 'Ola Nordmann', 'Personlige forhold', 'SØKNADSTEKST', 'Sammendrag 2']) expect(all).not.toContain(secret);
    const closedPage = pages.find((p) => p.includes(`PS 2/${yy} Unntatt offentlighet`));
    expect(closedPage).toContain('koml. § 11-5 annet ledd bokstav b');
    const noticePages = (await pageTexts((await inject('GET', `/api/meetings/${meetingId}/notice.pdf`, secretariat)).rawPayload)).length;
    expect(pages).toHaveLength(noticePages + 3 + 2 + 1);
  });

  it('is tagged, has a bookmark per item (and its attachments) and numbers the pages through the whole file', async () => {
    const pdf = (await inject('GET', `/api/meetings/${meetingId}/papers.pdf`, secretariat)).rawPayload;
    const file = await saved('staff.pdf', pdf);
    const info = await pdfinfo(file);
    expect(info['Tagged']).toBe('yes');
    expect(info['Title']).toBe(`Møtedokumenter – Kommunestyret 10.03.${year}`);
    const total = Number(info['Pages']);
    expect(total).toBeGreaterThan(6);

    const marks = await outline(pdf);
    expect(marks.map((m) => m.title)).toEqual([`Møteinnkalling – Kommunestyret 10.03.${year}`, `PS 1/${yy} Papirsak 1`, `PS 2/${yy} Tilsetting av Ola Nordmann`, `OS 1/${yy} Orientering om økonomien`]);
    // Each bookmark opens its part: the page where its heading is; attachments below their case.
    for (const m of marks) expect(await pdftext(file, m.page)).toContain(m.title);
    expect(marks[1]!.children.map((c) => c.title)).toEqual(['Planbeskrivelse', 'Situasjonsfoto', 'Forhandlingsnotat']);
    expect(await pdftext(file, marks[1]!.children[0]!.page)).toContain('VEDLEGGSIDE EN');
    expect(await pdftext(file, marks[1]!.children[1]!.page)).toContain('Situasjonsfoto');
    expect(marks[2]!.children.map((c) => c.title)).toEqual(['Søknad']);
    expect(marks.map((m) => m.page)).toEqual([...marks.map((m) => m.page)].sort((a, b) => a - b));

    // "Side X av N" on every page, N the page count: also on the merged attachments' pages.
    for (let page = 1; page <= total; page++) expect(await pdftext(file, page)).toContain(`Side ${page} av ${total}`);
    expect(await pdftext(file, total)).toContain(`Side ${total} av ${total}`);
  });

  it('gives the public bookmarks without exempt titles', async () => {
    const pdf = (await inject('GET', `/api/public/demo/meetings/${meetingId}/papers.pdf`)).rawPayload;
    const marks = await outline(pdf);
    expect(marks.map((m) => m.title)).toEqual([`Møteinnkalling – Kommunestyret 10.03.${year}`, `PS 1/${yy} Papirsak 1`, `PS 2/${yy} Unntatt offentlighet`, `OS 1/${yy} Orientering om økonomien`]);
    expect(marks[1]!.children.map((c) => c.title)).toEqual(['Planbeskrivelse', 'Situasjonsfoto']);
    expect(marks[2]!.children).toEqual([]);
    const info = await pdfinfo(await saved('public.pdf', pdf));
    expect(await pdftext(await saved('public.pdf', pdf), Number(info['Pages']))).toContain(`Side ${info['Pages']} av ${info['Pages']}`);
  });

  it('refuses unknown meetings, bad ids, other municipalities and visitors on the staff route', async () => {
    expect((await inject('GET', '/api/meetings/00000000-0000-4000-8000-000000000000/papers.pdf', secretariat)).json()).toMatchObject({ code: 'MEETING_NOT_FOUND' });
    expect((await inject('GET', '/api/meetings/x/papers.pdf', secretariat)).json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await inject('GET', `/api/meetings/${meetingId}/papers.pdf`)).statusCode).toBe(401);
    expect((await inject('GET', `/api/public/nope/meetings/${meetingId}/papers.pdf`)).statusCode).toBe(404);
  });
});
