import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import type { Browser, Page } from 'puppeteer-core';
import { ApiSession } from './api-session.js';
import { BASE_URL, launchBrowser } from './browser.js';
import { PublicCalendarPage } from './pages/public-calendar-page.js';

const run = promisify(execFile);

/** The top-level bookmarks of a PDF with the 1-based page each opens, read with pdf-lib. */
function bookmarks(doc: PDFDocument): { title: string; page: number }[] {
  const pages = doc.getPages().map((p) => p.ref);
  const out: { title: string; page: number }[] = [];
  let item = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict);
  while (item) {
    const title = item.lookup(PDFName.of('Title'));
    const target = item.lookupMaybe(PDFName.of('Dest'), PDFArray)?.get(0);
    out.push({
      title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '',
      page: target instanceof PDFRef ? pages.indexOf(target) + 1 : 0,
    });
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return out;
}

/**
 * Issue 15, papers and calendars as a citizen meets them: the merged papers PDF navigates
 * (bookmarks per item, page numbers through the whole file), the calendar is subscribed to by a
 * webcal address that can be copied, an item with a video start time links to the debate, and a
 * nynorsk page never shows its dates in English. Axe at 1366 and 360 px.
 */
describe('papers that navigate and calendars that subscribe', () => {
  let browser: Browser;
  let page: Page;
  let calendar: PublicCalendarPage;
  let dir: string;
  const runId = randomInt(100000, 999999);
  const year = new Date().getFullYear() + 1;
  const yy = String(year % 100).padStart(2, '0');
  const SECRET = `Lukketsak${runId}`;
  let meetingId: string;
  let openItemId: string;
  let openNumber: string;
  let closedNumber: string;
  let orientationNumber: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'e2e-papers-'));
    const api = await ApiSession.signIn('sekretariat', 'demo1234');
    const bodies = await api.json<{ items: { id: string; kind: string }[] }>('GET', '/api/bodies');
    const bodyId = bodies.items.find((b) => b.kind === 'kommunestyre')!.id;
    const meeting = await api.json<{ id: string }>('POST', `/api/bodies/${bodyId}/meetings`, {
      startsAt: `${year}-12-15T18:00:00+01:00`,
      place: 'Rådhuset',
      videoUrl: 'https://video.example/kommunestyret',
    });
    meetingId = meeting.id;
    const open = await api.json<{ id: string }>('POST', '/api/cases', {
      archiveReference: `${year}/${runId}`,
      title: `Trafikksikkerhet ved skolen ${runId}`,
      summary: 'Kommunedirektøren foreslår fartsdumper.',
      background: 'Mange barn går til skolen langs fylkesvegen.',
      assessment: 'Fartsdumper senker farten.',
      recommendation: 'Kommunestyret vedtar tiltakene.',
    });
    const closed = await api.json<{ id: string }>('POST', '/api/cases', {
      archiveReference: `${year}/${runId + 1}`,
      title: `Tilsetting ${SECRET}`,
      public: false,
      legalGround: 'koml11-5-2b',
    });
    const openItem = await api.json<{ id: string; number: string }>('POST', `/api/meetings/${meetingId}/items`, { caseId: open.id });
    openItemId = openItem.id;
    openNumber = openItem.number;
    closedNumber = (await api.json<{ number: string }>('POST', `/api/meetings/${meetingId}/items`, { caseId: closed.id })).number;
    orientationNumber = (await api.json<{ number: string }>('POST', `/api/meetings/${meetingId}/items`, { type: 'OS', title: 'Orientering om økonomien' })).number;
    // The debate on the open item starts 1:02:05 into the meeting's video.
    await api.json('PUT', `/api/agenda-items/${openItemId}`, { videoStartSeconds: 3725 });
    await api.json('POST', `/api/meetings/${meetingId}/publish`);

    browser = await launchBrowser();
    await browser.defaultBrowserContext().overridePermissions(BASE_URL, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 900 });
    calendar = new PublicCalendarPage(page);
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('downloads papers with a bookmark per item and "Side X av N" through the whole file', async () => {
    await calendar.openMeeting(meetingId);
    const href = await page.$eval('[data-testid="papers-pdf"]', (a) => a.getAttribute('href') ?? '');
    const res = await fetch(`${BASE_URL}${href}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    const file = join(dir, 'papers.pdf');
    await writeFile(file, pdf);

    const info = Object.fromEntries(
      (await run('pdfinfo', [file])).stdout.split('\n').flatMap((l) => {
        const m = /^([^:]+):\s*(.*)$/.exec(l);
        return m ? [[m[1]!, m[2]!]] : [];
      }),
    );
    expect(info['Tagged']).toBe('yes');
    const total = Number(info['Pages']);
    const text = async (n: number) => (await run('pdftotext', ['-enc', 'UTF-8', '-f', String(n), '-l', String(n), file, '-'])).stdout;
    // The last page says it is the last: the numbers do not restart per case.
    expect(await text(total)).toContain(`Side ${total} av ${total}`);

    const marks = bookmarks(await PDFDocument.load(pdf));
    expect(marks.map((m) => m.title)).toEqual([
      `Møteinnkalling – Kommunestyret 15.12.${year}`,
      `${openNumber} Trafikksikkerhet ved skolen ${runId}`,
      `${closedNumber} Unntatt offentlighet`,
      `${orientationNumber} Orientering om økonomien`,
    ]);
    // Other suites may have numbered items of this body and year first: the number's form, not its value.
    expect(openNumber).toMatch(new RegExp(`^PS \\d+/${yy}$`));
    for (const m of marks) {
      const pageText = await text(m.page);
      expect(pageText).toContain(m.title);
      expect(pageText).toContain(`Side ${m.page} av ${total}`);
    }
    for (let n = 1; n <= total; n++) expect(await text(n)).not.toContain(SECRET);

    // A page as PNG, to look at (kept when E2E_KEEP_PNG names a folder).
    await run('pdftoppm', ['-png', '-r', '60', '-f', String(marks[1]!.page), '-l', String(marks[1]!.page), file, join(process.env['E2E_KEEP_PNG'] ?? dir, 'papers-item')]);
  });

  it('subscribes by a webcal address that can be copied, with the download as a second choice', async () => {
    await calendar.open();
    expect(await page.$eval('[data-testid="feed-name"]', (h) => h.textContent?.trim())).toBe('Kalender for alle organer');
    const webcal = await page.$eval('[data-testid="subscribe-link"]', (a) => a.getAttribute('href') ?? '');
    expect(webcal).toMatch(/^webcal:\/\/[^/]+\/api\/public\/demo\/calendar\.ics$/);
    expect(await page.$eval('[data-testid="feed-address"]', (i) => (i as HTMLInputElement).value)).toBe(webcal);

    // By keyboard: focus the copy button and press Enter; the live region says it is done.
    await page.focus('[data-testid="copy-feed"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="copy-status"]')?.textContent?.includes('Adressen er kopiert.'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(webcal);
    expect(await page.$eval('[data-testid="copy-status"]', (p) => p.getAttribute('aria-live'))).toBe('polite');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('copy-feed');

    // The feed behind it: this meeting with its page and agenda, never the closed item's title.
    const download = await page.$eval('[data-testid="download-feed"]', (a) => a.getAttribute('href') ?? '');
    const ics = (await (await fetch(`${BASE_URL}${download}`)).text()).replace(/\r\n /g, '');
    expect(ics).toContain(`UID:${meetingId}@sekretariat`);
    expect(ics).toMatch(new RegExp(`URL;VALUE=URI:[^\\r\\n]*/motekalender/${meetingId}`));
    expect(ics).toContain(`${closedNumber} Unntatt offentlighet (koml. § 11-5 annet ledd bokstav b)`);
    expect(ics).not.toContain(SECRET);
    expect(await calendar.scan()).toEqual([]);

    // Choosing a body gives that body's feed.
    await page.select('#calendar-body', (await page.$$eval('#calendar-body option', (os) => os.find((o) => o.textContent?.trim() === 'Kommunestyret')?.getAttribute('value') ?? '')));
    await page.waitForFunction(() => document.querySelector('[data-testid="feed-name"]')?.textContent?.includes('Kommunestyret'));
    expect(await page.$eval('[data-testid="subscribe-link"]', (a) => a.getAttribute('href') ?? '')).toMatch(/\/bodies\/[0-9a-f-]{36}\/meetings\.ics$/);
    expect(await page.$eval('[data-testid="copy-status"]', (p) => p.textContent?.trim())).toBe('');
    expect(await calendar.scan()).toEqual([]);
  });

  it('links an item with a video start time to the debate', async () => {
    await calendar.openItem(meetingId, openItemId);
    const link = await page.$eval('[data-testid="watch-debate"]', (a) => ({ href: a.getAttribute('href'), text: a.textContent?.replace(/\s+/g, ' ').trim() }));
    expect(link).toEqual({ href: 'https://video.example/kommunestyret#t=3725', text: 'Se debatten (1:02:05)' });
    expect(await calendar.scan()).toEqual([]);
  });

  it('shows nynorsk dates in nynorsk, never in English', async () => {
    await calendar.open();
    await calendar.chooseLanguage('nn');
    await calendar.openMeeting(meetingId);
    await page.waitForFunction(() => document.documentElement.lang === 'nn');
    const text = await calendar.text();
    expect(text).toMatch(new RegExp(`15\\. desember ${year}`));
    expect(text).not.toMatch(/December|Monday|Tuesday|Wednesday|Thursday|Friday|\b[AP]M\b/);
    expect(text).toContain('18:00');
    await calendar.openItem(meetingId, openItemId);
    expect(await page.$eval('[data-testid="watch-debate"]', (a) => a.textContent?.trim())).toContain('Sjå debatten');
    expect(await calendar.scan()).toEqual([]);
    await calendar.chooseLanguage('nb');
  });

  it('works at 360 px wide', async () => {
    await page.setViewport({ width: 360, height: 780 });
    await calendar.open();
    expect(await calendar.fitsWidth()).toBe(true);
    expect(await calendar.scan()).toEqual([]);
    await calendar.openItem(meetingId, openItemId);
    expect(await calendar.fitsWidth()).toBe(true);
    expect(await calendar.scan()).toEqual([]);
  });
});
