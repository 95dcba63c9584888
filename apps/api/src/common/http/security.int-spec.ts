import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { hashSecretToken, newSecretToken } from '../secret-token.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { API_CSP } from './security-headers.js';

async function pdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Saksfremlegg', { x: 50, y: 700, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

/** A minimal OpenDocument text: a zip whose first entry, stored, is its mimetype. */
function odt(): Buffer {
  const stored = (name: string, content: string) => {
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    return Buffer.concat([local, nameBytes, data]);
  };
  return Buffer.concat([stored('mimetype', 'application/vnd.oasis.opendocument.text'), stored('content.xml', '<office:document-content/>')]);
}

function multipart(fields: Record<string, string>, file: { name: string; data: Buffer; type?: string }): { payload: Buffer; type: string } {
  const boundary = '----sekretariat-security-boundary';
  const chunks: Buffer[] = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  chunks.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/pdf'}\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

/** A built web app in miniature: index.html with an inline script, as Angular's critical-CSS loader adds one. */
const INLINE_SCRIPT = "document.querySelectorAll('link[data-media]').forEach(function(l){l.media='all'})";
const INDEX_HTML = `<!doctype html><html><head><link rel="stylesheet" href="styles-ABCDEFGH.css"></head><body><app-root></app-root><script src="main-ABCDEFGH.js" type="module"></script><script>${INLINE_SCRIPT}</script></body></html>`;

interface Route {
  name: string;
  method: 'POST' | 'PUT' | 'DELETE';
  url: () => string;
  cookie?: () => string;
  /** The route's content type (JSON unless given). */
  type?: string;
  /** The body as the site's own page sends it, with its content type. */
  body?: () => { payload: string | Buffer; type: string };
  /** The answer to that request from the site's own page. */
  accepted: number;
}

/**
 * Browser hardening (issue 10, items 2 and 7): state changes only from the site's own pages and
 * with the route's one content type; the hardening headers on the web app, the API and documents.
 */
describe('browser security', () => {
  let t: TestApp;
  let web: string;
  let secretariat: string;
  let official: string;
  let unpublished: string;
  let published: string;
  let caseId: string;
  let documentId: string;
  let publicDocumentId: string;
  let absenceId: string;
  let uploadedPdf: Buffer;
  const linkToken = newSecretToken();
  const summonsToken = newSecretToken();

  const sql = <T extends object>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T>(query, params);
  /** Requests exactly as given, with no content type added (test-app's inject adds JSON's). */
  const raw = (options: InjectOptions) => t.app.getHttpAdapter().getInstance().inject(options);
  const json = async <T>(method: 'GET' | 'POST', url: string, cookie: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    expect([200, 201]).toContain(res.statusCode);
    return res.json<T>();
  };
  /** Every row of the tables the routes below change, and the job queue. */
  const state = async () =>
    (await sql<{ state: string }[]>(
      `select concat_ws('|', ${['meeting', 'agenda_item', 'case_document', 'meeting_absence', 'substitute_summons', 'absence_link', 'app_session', 'audit_log', 'membership', 'person']
        .map((table) => `(select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) from ${table} x)`)
        .join(', ')}, (select count(*) from pgboss.job)) as state`,
    ))[0]!.state;

  beforeAll(async () => {
    web = await mkdtemp(path.join(tmpdir(), 'sekretariat-web-'));
    await writeFile(path.join(web, 'index.html'), INDEX_HTML);
    await writeFile(path.join(web, 'main-ABCDEFGH.js'), 'console.log("app")');
    t = await createTestApp('security', { env: { WEB_DIST: web, PUBLIC_URL: 'https://politikk.fjordvik.example', ALLOWED_ORIGINS: 'https://intern.fjordvik.example' } });
    secretariat = await t.login('sekretariat');
    official = await t.login('politiker');
    const officialPerson = (await json<{ user: { personId: string } }>('GET', '/api/auth/me', official)).user.personId;
    const ks = (await json<{ items: { id: string; kind: string }[] }>('GET', '/api/bodies', secretariat)).items.find((b) => b.kind === 'kommunestyre')!.id;
    const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    unpublished = (await json<{ id: string }>('POST', `/api/bodies/${ks}/meetings`, secretariat, { startsAt: at(20), place: 'Rådhuset' })).id;
    published = (await json<{ id: string }>('POST', `/api/bodies/${ks}/meetings`, secretariat, { startsAt: at(21), place: 'Rådhuset' })).id;
    caseId = (await json<{ id: string }>('POST', '/api/cases', secretariat, { archiveReference: '2027/77', title: 'Skolebruksplan', summary: 'Kort.' })).id;
    await json('POST', `/api/meetings/${unpublished}/items`, secretariat, { title: 'Budsjett' });
    await json('POST', `/api/meetings/${published}/items`, secretariat, { title: 'Reguleringsplan' });
    uploadedPdf = await pdf();
    const uploadPdf = async (kase: string) => {
      const upload = multipart({ title: 'Saksfremlegg', public: 'true' }, { name: 'saksfremlegg.pdf', data: uploadedPdf });
      const uploaded = await t.app.inject({ method: 'POST', url: `/api/cases/${kase}/documents`, headers: { cookie: secretariat, 'content-type': upload.type }, payload: upload.payload });
      expect(uploaded.statusCode).toBe(201);
      return uploaded.json<{ id: string }>().id;
    };
    // A public document on the published meeting, for the public document route.
    const publicCase = (await json<{ id: string }>('POST', '/api/cases', secretariat, { archiveReference: '2027/78', title: 'Reguleringsplan', summary: 'Kort.' })).id;
    publicDocumentId = await uploadPdf(publicCase);
    await json('POST', `/api/meetings/${published}/items`, secretariat, { caseId: publicCase });
    await json('POST', `/api/meetings/${published}/publish`, secretariat);
    documentId = await uploadPdf(caseId);
    // Another member's absence (with its substitute's summons), and a third member's absence link.
    const [member, linked] = await sql<{ person_id: string }[]>(
      `select m.person_id from membership m where m.body_id = ? and m.kind = 'member' and m.person_id <> ? order by m.person_id limit 2`,
      [ks, officialPerson],
    );
    absenceId = (await json<{ id: string }>('POST', `/api/meetings/${published}/absences`, secretariat, { personId: member!.person_id, reason: 'Ferie' })).id;
    const [summons] = await sql<{ id: string }[]>(`select id from substitute_summons where absence_id = ? and status = 'pending'`, [absenceId]);
    await sql('update substitute_summons set token_hash = ? where id = ?', [hashSecretToken(summonsToken), summons!.id]);
    await sql(
      `insert into absence_link (id, municipality_id, meeting_id, person_id, token_hash)
       select gen_random_uuid(), municipality_id, id, ?, ? from meeting where id = ?`,
      [linked!.person_id, hashSecretToken(linkToken), published],
    );
  });
  afterAll(async () => {
    await t.close();
    await rm(web, { recursive: true, force: true });
  });

  const JSON_TYPE = 'application/json';
  const CSV = 'organ;medlemstype;varanr;fornavn;etternavn;kjønn;parti;rolle;fra;til;epost;telefon\n';
  const routes: Route[] = [
    { name: 'publish a meeting (sends the notice)', method: 'POST', url: () => `/api/meetings/${unpublished}/publish`, cookie: () => secretariat, accepted: 200 },
    {
      name: 'upload a document',
      method: 'POST',
      url: () => `/api/cases/${caseId}/documents`,
      cookie: () => secretariat,
      type: 'multipart/form-data',
      body: () => multipart({ title: 'Vedlegg', public: 'true' }, { name: 'vedlegg.pdf', data: uploadedPdf }),
      accepted: 201,
    },
    { name: 'change a document', method: 'PUT', url: () => `/api/documents/${documentId}`, cookie: () => secretariat, body: () => ({ payload: JSON.stringify({ title: 'Nytt navn' }), type: JSON_TYPE }), accepted: 200 },
    { name: "accept a substitute's summons (public)", method: 'POST', url: () => `/api/public/demo/summons/${summonsToken}/accept`, accepted: 200 },
    { name: 'withdraw an absence', method: 'POST', url: () => `/api/absences/${absenceId}/withdraw`, cookie: () => secretariat, accepted: 200 },
    { name: 'report absence as an official', method: 'POST', url: () => `/api/meetings/${published}/my-absence`, cookie: () => official, body: () => ({ payload: JSON.stringify({ reason: 'Syk' }), type: JSON_TYPE }), accepted: 201 },
    { name: 'report absence by the link in the notice (public)', method: 'POST', url: () => `/api/public/demo/absence-links/${linkToken}`, body: () => ({ payload: JSON.stringify({ reason: 'Jobbreise' }), type: JSON_TYPE }), accepted: 201 },
    { name: 'import members from CSV', method: 'POST', url: () => '/api/register/import?dryRun=true', cookie: () => secretariat, type: 'text/csv', body: () => ({ payload: CSV, type: 'text/csv' }), accepted: 200 },
    { name: 'delete a document', method: 'DELETE', url: () => `/api/documents/${documentId}`, cookie: () => secretariat, accepted: 204 },
    { name: 'sign out', method: 'POST', url: () => '/api/auth/logout', cookie: () => secretariat, accepted: 204 },
  ];

  /** The route's own request, with other headers and (if given) another content type, or none at all (null). */
  const send = (route: Route, headers: Record<string, string>, contentType?: string | null) => {
    const body = route.body?.() ?? { payload: '', type: JSON_TYPE };
    const type = contentType === undefined ? body.type : contentType;
    return raw({
      method: route.method,
      url: route.url(),
      headers: { ...(route.cookie ? { cookie: route.cookie() } : {}), ...(type === null ? {} : { 'content-type': type }), ...headers },
      payload: body.payload,
    });
  };

  const crossOrigin: [string, Record<string, string>][] = [
    ['another port of the same host (Origin only)', { origin: 'http://localhost:4200' }],
    ['a sibling host of the same site (Sec-Fetch-Site: same-site)', { 'sec-fetch-site': 'same-site', origin: 'http://intranett.localhost' }],
    ['another site (Sec-Fetch-Site: cross-site)', { 'sec-fetch-site': 'cross-site', origin: 'https://angriper.example' }],
    ['a sandboxed frame (Origin: null)', { origin: 'null' }],
    ['a page claiming the right Origin with Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site', origin: 'http://localhost' }],
  ];
  const cases = routes.flatMap((route) => crossOrigin.map(([from, headers]) => [route.name, from, route, headers] as const));

  it.each(cases)('%s from %s: 403 CROSS_ORIGIN_REFUSED, nothing changed', async (_name, _from, route, headers) => {
    const before = await state();
    const res = await send(route, headers);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'CROSS_ORIGIN_REFUSED', message: expect.stringMatching(/annen nettside/) });
    expect(await state()).toBe(before);
  });

  /** What a no-cors request can send without a preflight: no type, text/plain, a form or multipart. */
  const wrongTypes = (route: Route): (string | null)[] => {
    const own = route.type ?? JSON_TYPE;
    const all = [null, 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/csv', JSON_TYPE];
    return all.filter((type) => type === null || type.split(';')[0] !== own.split(';')[0]);
  };
  const typeCases = routes.flatMap((route) => wrongTypes(route).map((type) => [route.name, type ?? 'no content type', route, type] as const));

  it.each(typeCases)('%s with %s: 415 UNSUPPORTED_MEDIA_TYPE, nothing changed', async (_name, _type, route, type) => {
    const before = await state();
    const res = await send(route, {}, type);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(await state()).toBe(before);
  });

  it('refuses a cross-origin request whose path is percent-encoded', async () => {
    const before = await state();
    const res = await raw({ method: 'POST', url: `/%61pi/meetings/${unpublished}/publish`, headers: { cookie: secretariat, 'content-type': JSON_TYPE, origin: 'http://localhost:4200' } });
    expect([403, 404]).toContain(res.statusCode);
    expect(await state()).toBe(before);
  });

  describe('headers', () => {
    const common = (headers: Record<string, unknown>) => {
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('same-origin');
      expect(headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(headers['strict-transport-security']).toBeUndefined(); // not behind TLS (COOKIE_SECURE)
    };

    it("the web app: a CSP of the site's own scripts, with the inline script by hash, framed by no one", async () => {
      for (const url of ['/', '/moter/123', '/main-ABCDEFGH.js']) {
        const res = await t.app.inject({ url });
        expect(res.statusCode).toBe(200);
        common(res.headers);
        const csp = String(res.headers['content-security-policy']);
        const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
        const hash = `'sha256-${createHash('sha256').update(INLINE_SCRIPT).digest('base64')}'`;
        expect(directives).toMatchObject({
          'default-src': ["'self'"],
          'script-src': ["'self'", hash],
          'object-src': ["'none'"],
          'base-uri': ["'self'"],
          'frame-ancestors': ["'none'"],
          'connect-src': ["'self'"],
          'worker-src': ["'self'"],
        });
        expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
      }
    });

    it('the API: nothing may load, run or frame; a sandbox', async () => {
      for (const url of ['/api/health', '/api/finnes-ikke', '/api/auth/me']) {
        const res = await t.app.inject({ url });
        common(res.headers);
        expect(res.headers['content-security-policy']).toBe(API_CSP);
      }
      expect(API_CSP).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    });

    it('documents and meeting papers: the sandboxing CSP, nosniff, a PDF shown inline', async () => {
      const content = await t.app.inject({ url: `/api/documents/${documentId}/content`, headers: { cookie: secretariat } });
      expect(content.statusCode).toBe(200);
      expect(content.headers['content-type']).toBe('application/pdf');
      expect(content.headers['content-disposition']).toMatch(/^inline; filename="/);
      common(content.headers);
      expect(content.headers['content-security-policy']).toBe(API_CSP);
      for (const url of [`/api/public/demo/documents/${publicDocumentId}/content`, `/api/meetings/${published}/papers.pdf`, `/api/meetings/${published}/notice.pdf`, `/api/public/demo/meetings/${published}/papers.pdf`]) {
        const res = await t.app.inject({ url, headers: { cookie: secretariat } });
        expect({ url, status: res.statusCode }).toEqual({ url, status: 200 });
        expect(res.headers['content-type']).toBe('application/pdf');
        common(res.headers);
        expect(res.headers['content-security-policy']).toBe(API_CSP);
      }
    });

    it('documents a browser does not show itself (ODT, DOCX) download as attachments', async () => {
      const upload = multipart({ title: 'Notat', public: 'true' }, { name: 'notat.odt', data: odt(), type: 'application/vnd.oasis.opendocument.text' });
      const uploaded = await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/documents`, headers: { cookie: secretariat, 'content-type': upload.type }, payload: upload.payload });
      expect({ status: uploaded.statusCode, body: uploaded.statusCode === 201 ? '' : uploaded.body }).toEqual({ status: 201, body: '' });
      const res = await t.app.inject({ url: `/api/documents/${uploaded.json<{ id: string }>().id}/content`, headers: { cookie: secretariat } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.oasis.opendocument.text');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="notat.odt"; filename*=UTF-8''notat.odt`);
      common(res.headers);
      expect(res.headers['content-security-policy']).toBe(API_CSP);
    });

    it("the API reference (/api/docs) is a page of the site: the site's policy, scripts from the site", async () => {
      const res = await t.app.inject({ url: '/api/docs' });
      expect(res.statusCode).toBe(200);
      common(res.headers);
      expect(res.headers['content-security-policy']).toMatch(/(^|;)\s*script-src 'self'/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['content-security-policy']).not.toMatch(/sandbox/);
      // Swagger UI from the API itself: its files are same-origin, nothing from a CDN.
      expect(res.headers['content-type']).toContain('text/html');
      const sources = [...res.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      expect(sources).toEqual(['/api/docs/swagger-ui.css', '/api/docs/swagger-ui-bundle.js', '/api/docs/init.js']);
      for (const url of sources) expect((await t.app.inject({ url })).statusCode).toBe(200);
      expect((await t.app.inject({ url: '/api/docs/init.js' })).body).toContain('/api/docs/openapi.json');
    });
  });

  it('accepts each request from the site itself, from PUBLIC_URL and ALLOWED_ORIGINS, and from clients that are no browser', async () => {
    const own: Record<string, string>[] = [
      { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' },
      { origin: 'http://localhost' },
      { origin: 'https://politikk.fjordvik.example' },
      { origin: 'https://intern.fjordvik.example' },
      {},
    ];
    for (const [i, route] of routes.entries()) {
      const res = await send(route, own[i % own.length]!);
      expect({ route: route.name, status: res.statusCode, body: res.statusCode === route.accepted ? '' : res.body }).toEqual({ route: route.name, status: route.accepted, body: '' });
    }
    expect((await sql<{ status: string }[]>('select status from meeting where id = ?', [unpublished]))[0]!.status).toBe('notice_sent');
  });
});
