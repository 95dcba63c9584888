import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { type Browser, type CDPSession, type Page, TargetType } from 'puppeteer-core';
import { ApiSession } from './api-session.js';
import { BASE_URL, launchBrowser } from './browser.js';
import { addDays, osloDate } from './election-dates.js';
import { AppPage } from './pages/app-page.js';
import { LoginPage } from './pages/login-page.js';
import { ReaderPage } from './pages/reader-page.js';

interface BodySummary {
  id: string;
  kind: string;
}

const PDF_SENTENCE = 'Trafikktelling i Strandvegen viser 4200 biler i døgnet.';

/** A one-page PDF with a sentence the viewer's text layer must show. */
async function smallPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  page.drawText('Vedlegg 1', { x: 60, y: 760, size: 20, font });
  page.drawText(PDF_SENTENCE, { x: 60, y: 720, size: 12, font });
  return pdf.save();
}

/** Uploads a document to a case (multipart), signed in as the secretariat; null if uploads are not there. */
async function uploadDocument(caseId: string, title: string, bytes: Uint8Array): Promise<string | null> {
  const login = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'sekretariat', password: 'demo1234' }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';', 1)[0])
    .join('; ');
  const form = new FormData();
  form.append('title', title);
  form.append('public', 'true');
  form.append('file', new Blob([Buffer.from(bytes)], { type: 'application/pdf' }), 'vedlegg.pdf');
  const res = await fetch(`${BASE_URL}/api/cases/${caseId}/documents`, {
    method: 'POST',
    headers: { cookie },
    body: form,
  });
  if (res.status === 404) return null;
  const body = await res.text();
  if (res.status !== 201 && res.status !== 200) throw new Error(`Upload answered ${res.status}: ${body}`);
  return (JSON.parse(body) as { id: string }).id;
}

/** Takes the page and its service worker off the network and back (the worker fetches for the page). */
async function offlineSwitch(page: Page): Promise<(offline: boolean) => Promise<void>> {
  const worker = await page
    .browserContext()
    .waitForTarget((t) => t.type() === TargetType.SERVICE_WORKER, { timeout: 10000 });
  const session: CDPSession = await worker.createCDPSession();
  await session.send('Network.enable');
  return async (offline) => {
    await session.send('Network.emulateNetworkConditions', {
      offline,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.setOfflineMode(offline);
  };
}

/**
 * An elected official reads the papers of a meeting of Formannskapet: signs in, opens Mine møter,
 * the meeting and an item, reads the saksframlegg and the attached PDF, writes notes, marks the
 * item as read, and finds all of it again after a reload — and offline, once the papers are
 * cached, where a note written is queued and sent when back online. A note shared with the party
 * group is seen by `politiker2` (same party list), a private one is not. Every page is scanned with axe.
 */
describe('reader: an official reads, annotates and marks read', () => {
  let browser: Browser;
  let page: Page;
  let meetingId: string;
  let documentId: string | null = null;
  const run = String(Date.now()).slice(-5);
  const meetingDay = addDays(osloDate(), 10);
  const yy = meetingDay.slice(2, 4);
  const first = { archiveReference: `${yy}/${run}7`, title: `Trafikksikring i Strandvegen (e2e ${run})` };
  const second = { archiveReference: `${yy}/${run}8`, title: `Leieavtale for kulturhuset (e2e ${run})` };
  const documentTitle = `Trafikktelling ${run}`;

  beforeAll(async () => {
    const secretariat = await ApiSession.signIn('sekretariat', 'demo1234');
    const bodies = await secretariat.json<{ items: BodySummary[] }>('GET', '/api/bodies');
    const formannskap = bodies.items.find((b) => b.kind === 'formannskap')!;
    const caseIds: string[] = [];
    for (const kase of [first, second]) {
      const created = await secretariat.json<{ id: string }>('POST', '/api/cases', {
        ...kase,
        caseOfficer: 'Siri Saksbehandler',
        summary: 'Rådmannen foreslår fartsdumper og ny gangfelt ved skolen.',
        background: 'Foreldre har meldt om farlige kryssinger i Strandvegen.',
        assessment: 'Tiltakene er rimelige og kan gjøres innen budsjett.',
        recommendation: 'Formannskapet slutter seg til tiltakene.',
        public: true,
      });
      caseIds.push(created.id);
    }
    documentId = await uploadDocument(caseIds[0]!, documentTitle, await smallPdf());
    const meeting = await secretariat.json<{ id: string }>('POST', `/api/bodies/${formannskap.id}/meetings`, {
      startsAt: `${meetingDay}T16:00:00+01:00`,
      endsAt: `${meetingDay}T19:00:00+01:00`,
      place: 'Formannskapssalen, Rådhuset',
    });
    meetingId = meeting.id;
    for (const caseId of caseIds) {
      await secretariat.json('POST', `/api/meetings/${meetingId}/items`, { caseId });
    }
    await secretariat.json('POST', `/api/meetings/${meetingId}/publish`, {}, [200]);

    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in as an official and finds the meeting under Mine møter', async () => {
    const login = new LoginPage(page);
    await login.open();
    await login.login('politiker', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');

    const reader = new ReaderPage(page);
    await reader.openMyMeetings();
    expect(await reader.waitForHeading()).toBe('Mine møter');
    expect(await reader.scan()).toEqual([]);

    await reader.openMeetingFromList(meetingId);
    expect(await reader.itemReadStates()).toEqual({ [first.title]: false, [second.title]: false });
    expect(await reader.itemReadText(first.title)).toBe('Ulest');
    // Opening the meeting saves its papers for reading offline.
    expect(await reader.offlineState()).toBe('available');
    expect(await page.$eval('[data-testid="offline-state"]', (e) => e.textContent?.trim())).toContain(
      'Tilgjengelig uten nett',
    );
    expect(await reader.scan()).toEqual([]);
  });

  it('searches the meeting’s papers', async () => {
    const reader = new ReaderPage(page);
    const hits = await reader.search('Strandvegen');
    expect(hits.some((hit) => hit.includes(first.title))).toBe(true);
    expect(await reader.scan()).toEqual([]);
  });

  it('reads the saksframlegg, summary first, and writes a note on the item', async () => {
    const reader = new ReaderPage(page);
    await reader.openItem(first.title);
    expect(await reader.waitForHeading()).toMatch(
      new RegExp(`^PS \\d+/${yy} ${first.title.replace(/[()]/g, '\\$&')}$`),
    );
    expect(await reader.caseHeadings()).toEqual(['Sammendrag', 'Bakgrunn', 'Vurdering', 'Innstilling']);
    expect(await reader.caseText()).toContain('fartsdumper');
    expect(await reader.scan()).toEqual([]);

    expect(await reader.addNote('Spør om kostnaden for gangfeltet.')).toContain('Notatet er lagret');
    expect(await reader.scan()).toEqual([]);
  });

  it('opens the attached PDF in the viewer, with its text selectable, and notes a page', async () => {
    if (!documentId) {
      console.warn('No document upload endpoint: the PDF viewer is not tested.');
      return;
    }
    const reader = new ReaderPage(page);
    await reader.openDocument(documentTitle);
    expect(await reader.pdfText()).toContain('4200 biler');
    expect(await reader.scan()).toEqual([]);
    // Select a sentence in the document and quote it in the note.
    await page.evaluate(() => {
      const span = [...document.querySelectorAll('[data-testid="pdf-text"] span')].find((s) =>
        s.textContent?.includes('4200'),
      );
      const range = document.createRange();
      range.selectNodeContents(span!);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
    });
    await page.locator('[data-testid="notes-panel"] button::-p-text(Siter den markerte teksten)').click();
    const quote = await page.waitForSelector('[data-testid="note-quote"]');
    expect(await quote!.evaluate((e) => e.textContent)).toContain('4200 biler');
    // Tied to the page only when asked.
    expect(await page.$eval('#note-at-page', (e) => (e as HTMLInputElement).checked)).toBe(false);
    await page.click('#note-at-page');
    expect(await reader.addNote('Tallene er fra 2025?')).toContain('Notatet er lagret');
    expect(await page.$eval('[data-testid="note"] .quote', (e) => e.textContent)).toContain('4200 biler');
    expect(await page.$eval('[data-testid="notes-panel"]', (e) => e.textContent)).toContain('side 1');
    // The same sentence kept as a highlight on the page: drawn on the PDF and listed with the notes.
    await page.evaluate(() => {
      const span = [...document.querySelectorAll('[data-testid="pdf-text"] span')].find((s) =>
        s.textContent?.includes('4200'),
      );
      const range = document.createRange();
      range.selectNodeContents(span!);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
    });
    await page.click('[data-testid="highlight-save"]');
    await page.waitForSelector('[data-testid="pdf-highlight"]');
    await page.waitForSelector('[data-testid="note-highlight"]');
    expect(await reader.scan()).toEqual([]);
    // One read state per item: no separate mark for the document.
    expect(await page.$('[data-testid="mark-document-read"]')).toBeNull();
  });

  it('marks the item as read, moves to the next item by keyboard and back', async () => {
    const reader = new ReaderPage(page);
    await reader.markRead();
    expect(await page.$eval('[data-testid="read-message"]', (e) => e.textContent?.trim())).toBe(
      'Saken er merket som lest.',
    );
    await page.click('[data-testid="next-item"]');
    // The item is loaded on its own now: the heading reads «Sak» until it has arrived.
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent?.includes(t), {}, second.title);
    expect(await reader.waitForHeading()).toContain(second.title);
    // `[` (or k): the previous item; the shortcut hint is shown with a mouse, not on touch screens.
    // (Headless Chromium may report no fine pointer: the hint follows what the browser reports.)
    const mouse = await page.evaluate(() => matchMedia('(hover: hover) and (pointer: fine)').matches);
    expect((await page.$('[data-testid="shortcut-hint"]')) !== null).toBe(mouse);
    await page.keyboard.press('[');
    await page.waitForFunction(
      (t) => document.querySelector('main h1')?.textContent?.includes(t),
      {},
      first.title,
    );
    // The app's navigation, not the browser's Back (Alt+← stays the browser's): no document open.
    expect(await page.evaluate(() => location.search)).toBe('');
  });

  it('shows the item as read and the notes after going back and reloading', async () => {
    const reader = new ReaderPage(page);
    await reader.clickLink('Tilbake til sakslisten');
    await reader.waitForMeeting();
    expect(await reader.itemReadText(first.title)).toBe('Lest');
    await page.reload({ waitUntil: 'networkidle0' });
    await reader.waitForMeeting();
    expect(await reader.itemReadStates()).toEqual({ [first.title]: true, [second.title]: false });

    await reader.openItem(first.title);
    expect(await reader.isRead()).toBe(true);
    await reader.waitForNote('Spør om kostnaden for gangfeltet.');
    await page.reload({ waitUntil: 'networkidle0' });
    await reader.waitForHeading();
    await reader.waitForNote('Spør om kostnaden for gangfeltet.');
  });

  it('reads offline once the papers are cached, and sends a note written offline when back online', async () => {
    const reader = new ReaderPage(page);
    const setOffline = await offlineSwitch(page);

    await setOffline(true);
    try {
      await page.reload({ waitUntil: 'networkidle0' });
      expect(await reader.waitForHeading()).toContain(first.title);
      await page.waitForSelector('[data-testid="reader-offline"]');
      expect(await reader.caseHeadings()).toEqual(['Sammendrag', 'Bakgrunn', 'Vurdering', 'Innstilling']);
      await reader.waitForNote('Spør om kostnaden for gangfeltet.');
      expect(await reader.scan()).toEqual([]);

      await page.type('#note-text', 'Skrevet på flyet.');
      await page.click('[data-testid="note-save"]');
      await reader.waitForNote('Skrevet på flyet.');
      expect(await reader.status()).toContain('Du er uten nett. Notatet er lagret på enheten');
      await page.waitForSelector('[data-testid="note-pending"]');
    } finally {
      await setOffline(false);
    }
    // Back online: the outbox is sent, and the note is on the server.
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="reader-status"]')
          ?.textContent?.includes('sendt etter at du kom på nett'),
      { timeout: 20000 },
    );
    await page.reload({ waitUntil: 'networkidle0' });
    await reader.waitForHeading();
    await reader.waitForNote('Skrevet på flyet.');
    expect(await page.$('[data-testid="note-pending"]')).toBeNull();
  });

  it('works on a phone, by keyboard: next item from the heading by Tab and Enter', async () => {
    const reader = new ReaderPage(page);
    await page.setViewport({ width: 360, height: 740, isMobile: true, hasTouch: true });
    await reader.goto(`/lesesal/${meetingId}`);
    await reader.waitForMeeting();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await reader.scan()).toEqual([]);

    await reader.openItem(first.title);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await reader.scan()).toEqual([]);
    // Focus is on the heading after the navigation; the next item is a few Tabs away.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    let found = false;
    for (let i = 0; i < 10 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'next-item');
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (t) => document.querySelector('main h1')?.textContent?.includes(t),
      {},
      second.title,
    );
  });

  it('is readable offline after a first visit to the meeting, in a fresh browser', async () => {
    const context = await browser.createBrowserContext();
    const fresh = await context.newPage();
    try {
      await fresh.setViewport({ width: 1280, height: 900 });
      const login = new LoginPage(fresh);
      await login.open();
      await login.login('politiker', 'demo1234');
      await fresh.waitForSelector('[data-testid="current-user"]');
      const reader = new ReaderPage(fresh);
      await reader.goto(`/lesesal/${meetingId}`);
      await reader.waitForMeeting();
      expect(await reader.offlineState()).toBe('available');

      const setOffline = await offlineSwitch(fresh);
      await setOffline(true);
      // Pages not opened yet come from the cache: the item page and pdf.js were loaded with the meeting.
      await reader.openItem(second.title);
      expect(await reader.caseHeadings()).toEqual(['Sammendrag', 'Bakgrunn', 'Vurdering', 'Innstilling']);
      await fresh.reload({ waitUntil: 'networkidle0' });
      expect(await reader.waitForHeading()).toContain(second.title);
      expect(await reader.caseText()).toContain('fartsdumper');
      expect(await reader.scan()).toEqual([]);
      if (documentId) {
        await reader.clickLink('Tilbake til sakslisten');
        await reader.waitForMeeting();
        await reader.openItem(first.title);
        await reader.openDocument(documentTitle);
        expect(await reader.pdfText()).toContain('4200 biler');
      }
      await setOffline(false);
    } finally {
      await context.close();
    }
  });

  it('forgets the cached papers on logout', async () => {
    const reader = new ReaderPage(page);
    expect(await page.evaluate(() => caches.has('sekretariat-papers'))).toBe(true);
    await reader.logout();
    await page.waitForFunction(async () => !(await caches.has('sekretariat-papers')));
    expect(await page.evaluate(() => localStorage.getItem('sekretariat.reader.user'))).toBeNull();
  });

  it('shows a note shared with the party group to a colleague of the same party, and not a private one', async () => {
    const shared = `Partigruppen bør spørre om fartsdumpene (${run}).`;
    const secret = `Bare for meg: ring rådmannen (${run}).`;
    /** A fresh browser for a user, signed in; closed after `act`. */
    const asUser = async (username: string, act: (page: Page, reader: ReaderPage) => Promise<void>) => {
      const context = await browser.createBrowserContext();
      try {
        const fresh = await context.newPage();
        await fresh.setViewport({ width: 1280, height: 900 });
        const login = new LoginPage(fresh);
        await login.open();
        await login.login(username, 'demo1234');
        await fresh.waitForSelector('[data-testid="current-user"]');
        await act(fresh, new ReaderPage(fresh));
      } finally {
        await context.close();
      }
    };

    let author = '';
    await asUser('politiker', async (fresh, reader) => {
      author = (await reader.currentUser()) ?? '';
      await reader.goto(`/lesesal/${meetingId}`);
      await reader.waitForMeeting();
      await reader.openItem(second.title);
      // The private note first: «Del med partigruppen» stays ticked for the next note.
      expect(await reader.addNote(secret)).toContain('Notatet er lagret');
      expect(await reader.addNote(shared, { share: true })).toContain('Notatet er lagret');
      expect(await reader.noteMeta(shared)).toContain('Delt med gruppen');
      expect(await reader.noteMeta(secret)).not.toContain('Delt med gruppen');
      expect(await reader.scan()).toEqual([]);
    });
    expect(author).not.toBe('');

    // politiker2: the next on the same party list, substitute in Formannskapet, so reads the meeting.
    await asUser('politiker2', async (fresh, reader) => {
      expect(await reader.currentUser()).not.toBe(author);
      await reader.openMyMeetings();
      expect(await reader.waitForHeading()).toBe('Mine møter');
      expect(await reader.scan()).toEqual([]);
      await reader.openMeetingFromList(meetingId);
      expect(await reader.scan()).toEqual([]);
      await reader.openItem(second.title);
      await reader.waitForNote(shared);
      expect(await reader.noteMeta(shared)).toContain(`Fra ${author}`);
      expect(await reader.noteTexts()).toEqual([shared]);
      expect(await reader.scan()).toEqual([]);
    });
  });

  it('scanned every page without WCAG 2.1 A/AA violations', () => {
    expect(AppPage.scans.filter((s) => s.violations.length > 0)).toEqual([]);
  });
});
