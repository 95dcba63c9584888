import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { ApiSession } from './api-session.js';
import { BASE_URL, launchBrowser } from './browser.js';
import { addDays, osloDate } from './election-dates.js';
import { AppPage } from './pages/app-page.js';
import { LoginPage } from './pages/login-page.js';
import { ReaderPage } from './pages/reader-page.js';

async function smallPdf(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawText(text, { x: 60, y: 760, size: 14, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return pdf.save();
}

/** Resolves once the condition holds (checked on every turn of the event loop), or fails after 10 s. */
async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('Condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Uploads a PDF to a case as the secretariat (multipart, as the web app does). */
async function uploadDocument(caseId: string, title: string, bytes: Uint8Array): Promise<string> {
  const login = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'sekretariat', password: 'demo1234' }),
  });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';', 1)[0]).join('; ');
  const form = new FormData();
  form.append('title', title);
  form.append('public', 'true');
  form.append('file', new Blob([Buffer.from(bytes)], { type: 'application/pdf' }), 'vedlegg.pdf');
  const res = await fetch(`${BASE_URL}/api/cases/${caseId}/documents`, { method: 'POST', headers: { cookie }, body: form });
  const body = await res.text();
  if (res.status !== 201) throw new Error(`Upload answered ${res.status}: ${body}`);
  return (JSON.parse(body) as { id: string }).id;
}

/** A page on another origin of the same site (127.0.0.1, another port): where the SameSite=Lax cookie is still sent. */
const ATTACKER_PAGE = `<!doctype html><html lang="en"><head><title>Another origin</title></head><body><h1>Nothing to see</h1>
<script>
  window.attack = async (base, meetingId, caseId, pdfBase64) => {
    const send = (path, init) =>
      fetch(base + path, { method: 'POST', mode: 'no-cors', credentials: 'include', ...init }).then(() => 'sent', (e) => 'failed: ' + e.message);
    const pdf = Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0));
    const form = new FormData();
    form.append('title', 'Plantet dokument');
    form.append('public', 'true');
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'plantet.pdf');
    return [
      await send('/api/meetings/' + meetingId + '/publish'),
      await send('/api/meetings/' + meetingId + '/publish', { body: '{}', headers: { 'content-type': 'text/plain' } }),
      await send('/api/cases/' + caseId + '/documents', { body: form }),
    ];
  };
</script></body></html>`;

/**
 * Browser security (issue 10, items 2 and 7), in Chromium: a page on another origin of the same
 * site cannot publish a meeting or upload a document with the signed-in user's cookie; the web
 * app, the reader's pdf.js viewer and the document and PDF routes run under their
 * Content-Security-Policy without a single violation, and Chrome still shows the PDFs.
 */
describe('security: other origins and the content security policy', () => {
  let browser: Browser;
  let official: BrowserContext;
  let attacker: Server;
  let attackerUrl: string;
  let secretariat: ApiSession;
  let target: string;
  let caseId: string;
  let readerMeeting: string;
  let documentId: string;
  const run = String(Date.now()).slice(-5);
  const meetingDay = addDays(osloDate(), 12);
  const yy = meetingDay.slice(2, 4);
  const readerCase = `Kulturskolens lokaler (e2e ${run})`;
  const documentTitle = `Arealplan ${run}`;
  /** CSP violations seen in any page, frame or worker: "where: what". */
  const violations: string[] = [];

  /** Reports CSP violations of the page, its frames and its workers into `violations`. */
  async function watch(page: Page): Promise<Page> {
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`[csp] ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    const collect = (where: string) => (text: string) => {
      if (/\[csp\]|Content Security Policy/i.test(text)) violations.push(`${where}: ${text}`);
    };
    page.on('console', (m) => collect(page.url())(m.text()));
    page.on('workercreated', (worker) => worker.on('console', (m) => collect(`worker ${worker.url()}`)(m.text())));
    return page;
  }

  beforeAll(async () => {
    secretariat = await ApiSession.signIn('sekretariat', 'demo1234');
    const bodies = await secretariat.json<{ items: { id: string; kind: string }[] }>('GET', '/api/bodies');
    const formannskap = bodies.items.find((b) => b.kind === 'formannskap')!;
    const kommunestyre = bodies.items.find((b) => b.kind === 'kommunestyre')!;
    // The target: an unpublished meeting (publishing e-mails the notice) and a case without documents.
    caseId = (await secretariat.json<{ id: string }>('POST', '/api/cases', { archiveReference: `${yy}/${run}1`, title: `Mål for angrep (e2e ${run})`, summary: 'Syntetisk.' })).id;
    target = (await secretariat.json<{ id: string }>('POST', `/api/bodies/${kommunestyre.id}/meetings`, { startsAt: `${meetingDay}T18:00:00+01:00`, place: 'Rådhuset' })).id;
    await secretariat.json('POST', `/api/meetings/${target}/items`, { caseId });
    // The reader's meeting: a published one of Formannskapet with a PDF attached.
    const kase = await secretariat.json<{ id: string }>('POST', '/api/cases', {
      archiveReference: `${yy}/${run}2`,
      title: readerCase,
      caseOfficer: 'Siri Saksbehandler',
      summary: 'Kulturskolen trenger større lokaler.',
      recommendation: 'Formannskapet ber om en utredning.',
      public: true,
    });
    documentId = await uploadDocument(kase.id, documentTitle, await smallPdf(`Arealbehov ${run}`));
    readerMeeting = (await secretariat.json<{ id: string }>('POST', `/api/bodies/${formannskap.id}/meetings`, { startsAt: `${meetingDay}T16:00:00+01:00`, place: 'Formannskapssalen' })).id;
    await secretariat.json('POST', `/api/meetings/${readerMeeting}/items`, { caseId: kase.id });
    await secretariat.json('POST', `/api/meetings/${readerMeeting}/publish`, undefined, [200]);

    attacker = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ATTACKER_PAGE));
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
    browser = await launchBrowser();
    official = await browser.createBrowserContext();
  });
  afterAll(async () => {
    await browser?.close();
    if (attacker) await new Promise((resolve) => attacker.close(resolve));
  });

  it('a page on another port of the same host cannot publish a meeting or upload a document with the signed-in cookie', async () => {
    const page = await watch(await browser.newPage());
    const login = new LoginPage(page);
    await login.open();
    await login.login('sekretariat', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');

    const evil = await browser.newPage();
    const cdp = await evil.createCDPSession();
    await cdp.send('Network.enable');
    // What the browser sent and what the API answered, from the network stack (the page itself
    // sees no answer: no-cors, and Cross-Origin-Resource-Policy makes it a network error).
    const requestUrls = new Map<string, string>();
    const cookies = new Map<string, string>();
    const statuses = new Map<string, number>();
    cdp.on('Network.requestWillBeSent', (e) => requestUrls.set(e.requestId, e.request.url));
    cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
      const headers = e.headers as Record<string, string>;
      cookies.set(e.requestId, headers['Cookie'] ?? headers['cookie'] ?? '');
    });
    cdp.on('Network.responseReceivedExtraInfo', (e) => statuses.set(e.requestId, e.statusCode));
    await evil.goto(attackerUrl, { waitUntil: 'load' });
    const pdf = Buffer.from(await smallPdf('Plantet')).toString('base64');
    const results = await evil.evaluate((base, meeting, kase, bytes) => (window as unknown as { attack(...a: string[]): Promise<string[]> }).attack(base, meeting, kase, bytes), BASE_URL, target, caseId, pdf);
    expect(results).toHaveLength(3);

    // The browser did send the session cookie (same site), and the API refused each request.
    const publish = `${BASE_URL}/api/meetings/${target}/publish`;
    const upload = `${BASE_URL}/api/cases/${caseId}/documents`;
    const attacks = () => [...requestUrls].filter(([, url]) => url === publish || url === upload);
    // CDP's ExtraInfo events may come after the page's fetch has settled: wait for all of them.
    await waitFor(() => attacks().length === 3 && attacks().every(([id]) => cookies.has(id) && statuses.has(id)));
    expect(attacks().map(([, url]) => url).sort()).toEqual([upload, publish, publish]);
    for (const [id, url] of attacks()) {
      expect({ url, cookieSent: cookies.get(id)?.includes('sekretariat_sid=') }).toEqual({ url, cookieSent: true });
      expect({ url, status: statuses.get(id) }).toEqual({ url, status: 403 });
    }

    // Nothing changed.
    expect((await secretariat.json<{ status: string }>('GET', `/api/meetings/${target}`)).status).toBe('planned');
    expect((await secretariat.json<{ items: unknown[] }>('GET', `/api/cases/${caseId}/documents`)).items).toEqual([]);

    // The same request from the site's own page is accepted.
    const own = await page.evaluate(async (id) => {
      const res = await fetch(`/api/meetings/${id}/publish`, { method: 'POST', headers: { 'content-type': 'application/json' } });
      return res.status;
    }, target);
    expect(own).toBe(200);
    expect((await secretariat.json<{ status: string }>('GET', `/api/meetings/${target}`)).status).toBe('notice_sent');
    await evil.close();
    await page.close();
  });

  it('the web app and the pdf.js viewer run under the CSP without violations', async () => {
    const page = await watch(await official.newPage());
    await page.setViewport({ width: 1280, height: 900 });
    const first = await page.goto(`${BASE_URL}/`, { waitUntil: 'networkidle0' });
    const csp = first?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(first?.headers()['x-frame-options']).toBe('DENY');

    const app = new AppPage(page);
    for (const path of ['/', '/motekalender', '/logg-inn']) await app.goto(path);
    const login = new LoginPage(page);
    await login.login('politiker', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');

    const reader = new ReaderPage(page);
    await reader.openMyMeetings();
    await reader.openMeetingFromList(readerMeeting);
    await reader.openItem(readerCase);
    await reader.openDocument(documentTitle);
    expect(await reader.pdfText()).toContain(`Arealbehov ${run}`);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('documents and meeting papers open in Chrome’s PDF viewer under the sandboxing CSP, without violations', async () => {
    if (!(await official.cookies()).some((c) => c.name === 'sekretariat_sid')) {
      const login = new LoginPage(await official.newPage());
      await login.open();
      await login.login('politiker', 'demo1234');
      await login.page.close();
    }
    for (const path of [`/api/documents/${documentId}/content`, `/api/public/demo/meetings/${readerMeeting}/notice.pdf`]) {
      const page = await watch(await official.newPage());
      // The headers as the server sends them (Chrome reports its PDF viewer's own for the navigation).
      const cookie = (await official.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
      const direct = await fetch(`${BASE_URL}${path}`, { headers: { cookie } });
      expect(direct.status).toBe(200);
      expect(direct.headers.get('content-type')).toBe('application/pdf');
      expect(direct.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
      expect(direct.headers.get('x-content-type-options')).toBe('nosniff');
      const res = await page.goto(`${BASE_URL}${path}`, { waitUntil: 'load' });
      expect(res?.status()).toBe(200);
      // Chrome shows a PDF in its viewer, an extension frame inside the page.
      await page.waitForFrame((frame) => frame.url().startsWith('chrome-extension://'), { timeout: 15000 });
      await page.close();
    }
    expect(violations).toEqual([]);
  });
});
