import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createHash } from 'node:crypto';
import { runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
import { JobsService } from '../jobs/jobs.service.js';
import { Case } from '../cases/case.entity.js';
import { Document } from './document.entity.js';
import { DocumentStore } from './document-store.js';
import { ExtractTextJob } from './extract-text.job.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const MAX_BYTES = 100 * 1024;

async function pdfWith(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage();
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 750 - i * 20, size: 12, font }));
  return Buffer.from(await doc.save());
}

/** A multipart/form-data body as a browser sends it. */
function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer; type?: string }): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----sekretariat-test-boundary';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
    chunks.push(file.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

interface Doc {
  id: string;
  title: string;
  filename: string;
  contentType: string;
  size: number;
  public: boolean;
  citation: string | null;
  textStatus: string;
}

/** The same behaviour whichever store keeps the bytes. */
describe.each(['disk', 'postgres'] as const)('case documents in the %s store', (store) => {
  let t: TestApp;
  let dir: string;
  let secretariat: string;
  let official: string;
  let bodies: { id: string; kind: string; name: string }[];
  const year = new Date().getFullYear() + 1;
  let seq = 500;

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const createCase = async (extra: object = {}) => {
    const res = await inject('POST', '/api/cases', secretariat, { archiveReference: `${year}/${seq++}`, title: 'Utbygging av skoler', summary: 'Kort om saken.', ...extra });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const upload = (caseId: string, fields: Record<string, string>, file?: { name: string; data: Buffer; type?: string }, cookie = secretariat) => {
    const { payload, headers } = multipart(fields, file);
    return t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/documents`, headers: { ...headers, cookie }, payload });
  };
  const onAgenda = async (caseId: string, bodyKind: string, publish = false) => {
    const body = bodies.find((b) => b.kind === bodyKind)!;
    const meeting = await inject('POST', `/api/bodies/${body.id}/meetings`, secretariat, { startsAt: `${year}-04-10T18:00:00+02:00`, place: 'Rådhuset' });
    expect(meeting.statusCode).toBe(201);
    const meetingId = meeting.json<{ id: string }>().id;
    expect((await inject('POST', `/api/meetings/${meetingId}/items`, secretariat, { caseId })).statusCode).toBe(201);
    if (publish) expect((await inject('POST', `/api/meetings/${meetingId}/publish`, secretariat)).statusCode).toBe(200);
    return meetingId;
  };
  const list = async (caseId: string, cookie = secretariat) => (await inject('GET', `/api/cases/${caseId}/documents`, cookie)).json<{ items: Doc[]; maxBytes: number }>();
  const storedKey = async (id: string) => (await t.orm.em.fork().getConnection().execute<{ storage_key: string }[]>('select storage_key from case_document where id = ?', [id]))[0]!.storage_key;
  const searchUntil = async (url: string, cookie: string | undefined, found: (body: { items: { id: string }[] }) => boolean) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const res = await inject('GET', url, cookie);
      const body = res.json<{ items: { id: string; kind: string; snippet: { text: string; mark: boolean }[] }[]; total: number }>();
      if (found(body) || Date.now() > deadline) return body;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sek-docs-'));
    t = await createTestApp(`documents_${store}`, { env: { DOCUMENT_STORE: store, DOCUMENT_DIR: dir, DOCUMENT_MAX_BYTES: String(MAX_BYTES) } });
    secretariat = await t.login('sekretariat');
    official = await t.login('politiker');
    bodies = (await inject('GET', '/api/bodies', secretariat)).json<{ items: { id: string; kind: string; name: string }[] }>().items;
    await t.app.get(JobsService).startWorking();
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores a PDF with its checksum, lists it and gives it back byte for byte', async () => {
    const caseId = await createCase();
    const pdf = await pdfWith(['Vedlegg til saken']);
    const res = await upload(caseId, { title: 'Kostnadsoverslag' }, { name: 'overslag.pdf', data: pdf, type: 'application/pdf' });
    expect(res.statusCode).toBe(201);
    const doc = res.json<Doc & { id: string }>();
    expect(doc).toMatchObject({ title: 'Kostnadsoverslag', filename: 'overslag.pdf', contentType: 'application/pdf', size: pdf.length, public: true, textStatus: 'pending' });
    const listed = await list(caseId);
    expect(listed.items.map((d) => d.id)).toEqual([doc.id]);
    expect(listed.maxBytes).toBe(MAX_BYTES);
    const content = await inject('GET', `/api/documents/${doc.id}/content`, secretariat);
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['content-disposition']).toContain('filename="overslag.pdf"');
    expect(Buffer.compare(content.rawPayload, pdf)).toBe(0);
    const audit = await t.orm.em.fork().getConnection().execute<{ action: string }[]>(`select action from audit_log where entity_id = ?`, [doc.id]);
    expect(audit.map((a) => a.action)).toContain('document.upload');
  });

  it('refuses wrong types, empty files and files over the limit, storing nothing', async () => {
    const caseId = await createCase();
    const text = await upload(caseId, { title: 'Notat' }, { name: 'notat.pdf', data: Buffer.from('Bare tekst, ikke PDF'), type: 'application/pdf' });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ code: 'DOCUMENT_TYPE_NOT_ALLOWED', message: expect.stringContaining('Filtypen er ikke tillatt') });
    const exe = await upload(caseId, { title: 'Program' }, { name: 'program.exe', data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]) });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().message).toContain('.exe');
    const empty = await upload(caseId, { title: 'Tom' }, { name: 'tom.pdf', data: Buffer.alloc(0) });
    expect(empty.json()).toMatchObject({ code: 'DOCUMENT_EMPTY' });
    const big = Buffer.concat([await pdfWith(['Stor']), Buffer.alloc(MAX_BYTES)]);
    const tooBig = await upload(caseId, { title: 'Stor' }, { name: 'stor.pdf', data: big });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'DOCUMENT_TOO_LARGE', message: expect.stringContaining('0,1 MB') });
    const noGround = await upload(caseId, { title: 'Unntatt', public: 'false' }, { name: 'u.pdf', data: await pdfWith(['x']) });
    expect(noGround.json()).toMatchObject({ code: 'DOCUMENT_EXEMPT_NEEDS_GROUND' });
    expect((await list(caseId)).items).toEqual([]);
    const rows = await t.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*) as n from case_document where case_id = ?', [caseId]);
    expect(Number(rows[0]!.n)).toBe(0);
    if (store === 'disk') {
      const { readdir } = await import('node:fs/promises');
      const files = await readdir(dir, { recursive: true, withFileTypes: true });
      // Only the first test's file and the demo seed's (none in tests) are on disk.
      expect(files.filter((f) => f.isFile()).length).toBeLessThanOrEqual(1);
    }
  });

  it('refuses an upload from an official', async () => {
    const caseId = await createCase();
    const res = await upload(caseId, { title: 'Fra politiker' }, { name: 'a.pdf', data: await pdfWith(['x']) }, official);
    expect(res.statusCode).toBe(403);
  });

  it('never serves bytes that do not match the checksum', async () => {
    const caseId = await createCase();
    const doc = (await upload(caseId, { title: 'Skal skades' }, { name: 'skade.pdf', data: await pdfWith(['Original']) })).json<Doc>();
    const key = await storedKey(doc.id);
    if (store === 'disk') {
      const file = path.join(dir, key.slice(0, 2), key.slice(2, 4), key);
      const bytes = await readFile(file);
      bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
      await writeFile(file, bytes);
    } else {
      await t.orm.em.fork().getConnection().execute(`select lo_put(?::oid, 20, '\\x00ff'::bytea)`, [key]);
    }
    const res = await inject('GET', `/api/documents/${doc.id}/content`, secretariat);
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'DOCUMENT_CORRUPT' });
  });

  it('extracts the text in a job, and search finds it by a Norwegian stem', async () => {
    const caseId = await createCase({ title: 'Skolebruksplan for Fjordvik' });
    const doc = (await upload(caseId, { title: 'Utredning' }, { name: 'utredning.pdf', data: await pdfWith(['Kommunen trenger en ny barnehage i Nordbygda.', 'Tomten ved skolen er egnet.']) })).json<Doc>();
    const body = await searchUntil(`/api/search?q=${encodeURIComponent('barnehager')}`, secretariat, (b) => b.items.some((i) => i.id === doc.id));
    const hit = body.items.find((i) => i.id === doc.id);
    expect(hit).toMatchObject({ kind: 'document', caseId });
    expect(hit!.snippet.filter((p) => p.mark).map((p) => p.text.toLowerCase())).toContain('barnehage');
    expect((await list(caseId)).items[0]!.textStatus).toBe('done');
    const cases = (await inject('GET', `/api/search?q=${encodeURIComponent('skolebruksplanen')}`, secretariat)).json<{ items: { kind: string; id: string }[] }>();
    expect(cases.items[0]).toMatchObject({ kind: 'case', id: caseId });
  });

  it('marks a broken PDF as failed instead of retrying forever', async () => {
    const caseId = await createCase();
    const broken = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('1 0 obj << /Type /Catalog >> endobj\n'.repeat(5))]);
    const res = await upload(caseId, { title: 'Ødelagt' }, { name: 'odelagt.pdf', data: broken });
    expect(res.statusCode).toBe(201);
    const deadline = Date.now() + 20_000;
    let status = 'pending';
    while (status === 'pending' && Date.now() < deadline) {
      status = (await list(caseId)).items[0]!.textStatus;
      if (status === 'pending') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('failed');
  });

  it('sweeps up documents stored without extraction (as the demo seed stores them)', async () => {
    const caseId = await createCase();
    const municipalityId = (await inject('GET', '/api/auth/me', secretariat)).json<{ user: { municipality: { id: string } } }>().user.municipality.id;
    const bytes = await pdfWith(['Fergekaien i Sjøvik trenger nytt dekke.']);
    const documentId = await runInTenant(t.orm, { municipalityId, actor: SYSTEM_ACTOR }, async (em) => {
      const storageKey = await t.app.get(DocumentStore).put(bytes, createHash('sha256').update(bytes).digest('hex'));
      const document = em.create(Document, {
        municipality: municipalityId,
        case: em.getReference(Case, caseId),
        title: 'Tilstandsrapport',
        filename: 'rapport.pdf',
        contentType: 'application/pdf',
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        storageKey,
      });
      await em.flush();
      return document.id;
    });
    expect((await list(caseId)).items[0]).toMatchObject({ id: documentId, textStatus: 'none' });
    expect((await t.app.get(ExtractTextJob).sweep()).queued).toBeGreaterThanOrEqual(1);
    const body = await searchUntil('/api/search?q=fergekaien', secretariat, (b) => b.items.some((i) => i.id === documentId));
    expect(body.items.map((i) => i.id)).toContain(documentId);
  });

  it('hides exempt documents from officials outside the body and from the public, not from the secretariat', async () => {
    const word = 'personalsaken';
    const inCommittee = await createCase({ title: 'Tilsetting av rektor' });
    const inCouncil = await createCase({ title: 'Tilsetting av rådmann' });
    await onAgenda(inCommittee, 'utvalg', true);
    await onAgenda(inCouncil, 'kommunestyre', true);
    const exempt = { title: 'Søkerliste', public: 'false', legalGround: 'offl13-fvl13' };
    const hidden = (await upload(inCommittee, exempt, { name: 's.pdf', data: await pdfWith([`Vurdering i ${word}`]) })).json<Doc>();
    const shown = (await upload(inCouncil, exempt, { name: 's.pdf', data: await pdfWith([`Vurdering i ${word}`]) })).json<Doc>();
    const open = (await upload(inCouncil, { title: 'Kunngjøring' }, { name: 'k.pdf', data: await pdfWith([`Utlysning for ${word}`]) })).json<Doc>();
    expect(hidden.citation).toBe('offl. § 13 jf. fvl. § 13 første ledd nr. 1');

    const all = await searchUntil(`/api/search?q=${word}`, secretariat, (b) => b.items.length >= 3);
    expect(all.items.map((i) => i.id).sort()).toEqual([hidden.id, shown.id, open.id].sort());

    const asOfficial = (await inject('GET', `/api/search?q=${word}`, official)).json<{ items: { id: string }[]; total: number }>();
    expect(asOfficial.items.map((i) => i.id).sort()).toEqual([shown.id, open.id].sort());
    expect(asOfficial.total).toBe(2);
    expect((await list(inCommittee, official)).items).toEqual([]);
    expect((await inject('GET', `/api/documents/${hidden.id}/content`, official)).json()).toMatchObject({ code: 'DOCUMENT_EXEMPT' });
    expect((await inject('GET', `/api/documents/${shown.id}/content`, official)).statusCode).toBe(200);

    const asPublic = (await inject('GET', `/api/public/demo/search?q=${word}`)).json<{ items: { id: string }[] }>();
    expect(asPublic.items.map((i) => i.id)).toEqual([open.id]);
    expect((await inject('GET', `/api/public/demo/documents/${open.id}/content`)).statusCode).toBe(200);
    expect((await inject('GET', `/api/public/demo/documents/${shown.id}/content`)).statusCode).toBe(404);
  });

  it('searches within one meeting and pages with a total', async () => {
    const a = await createCase({ title: 'Vannverk i Nordbygda' });
    const b = await createCase({ title: 'Vannverk i Sørbygda' });
    const meetingId = await onAgenda(a, 'formannskap');
    await onAgenda(b, 'formannskap');
    const within = (await inject('GET', `/api/search?q=vannverk&meetingId=${meetingId}`, secretariat)).json<{ items: { id: string }[]; total: number }>();
    expect(within.items.map((i) => i.id)).toEqual([a]);
    const page = (await inject('GET', `/api/search?q=vannverk&limit=1&offset=1`, secretariat)).json<{ items: unknown[]; total: number }>();
    expect(page).toMatchObject({ total: 2 });
    expect(page.items).toHaveLength(1);
    const past = (await inject('GET', `/api/search?q=vannverk&limit=1&offset=5`, secretariat)).json<{ items: unknown[]; total: number }>();
    expect(past).toEqual({ items: [], total: 2, capped: false });
  });

  it('refuses an empty or too long search with a clear message', async () => {
    const empty = await inject('GET', '/api/search?q=%20', secretariat);
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'SEARCH_INVALID', fields: [{ path: 'q', message: 'Skriv inn noe å søke etter.' }] });
    const long = await inject('GET', `/api/search?q=${'a'.repeat(201)}`, secretariat);
    expect(long.json()).toMatchObject({ code: 'SEARCH_INVALID' });
    expect((await inject('GET', '/api/search?q=og', secretariat)).json()).toEqual({ items: [], total: 0, capped: false });
  });

  it('changes title and exemption, and deletes only while the case is unpublished', async () => {
    const caseId = await createCase();
    const doc = (await upload(caseId, { title: 'Utkast' }, { name: 'u.pdf', data: await pdfWith(['Utkast']) })).json<Doc>();
    const changed = await inject('PUT', `/api/documents/${doc.id}`, secretariat, { title: 'Endelig', public: false, legalGround: 'offl14' });
    expect(changed.json()).toMatchObject({ title: 'Endelig', public: false, citation: 'offl. § 14' });
    expect((await inject('DELETE', `/api/documents/${doc.id}`, secretariat)).statusCode).toBe(204);
    expect((await list(caseId)).items).toEqual([]);
    expect((await inject('GET', `/api/documents/${doc.id}/content`, secretariat)).statusCode).toBe(404);

    const published = await createCase();
    const kept = (await upload(published, { title: 'Sendt ut' }, { name: 'k.pdf', data: await pdfWith(['Sendt']) })).json<Doc>();
    await onAgenda(published, 'kommunestyre', true);
    expect((await inject('DELETE', `/api/documents/${kept.id}`, secretariat)).json()).toMatchObject({ code: 'DOCUMENT_PUBLISHED' });
  });
});
