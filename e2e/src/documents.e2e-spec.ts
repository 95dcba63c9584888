import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Page } from 'puppeteer-core';
import { ApiSession } from './api-session.js';
import { launchBrowser } from './browser.js';
import { osloDate } from './election-dates.js';
import { DocumentsPage } from './pages/documents-page.js';
import { LoginPage } from './pages/login-page.js';

/** A one-page PDF with text the extraction job must find (generated here: no binary fixtures). */
async function pdfWith(lines: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 60, y: 760 - i * 20, size: 12, font }));
  return pdf.save();
}

/**
 * The secretariat attaches a PDF to a case in the browser, sees it listed, is refused a text
 * file with a clear message, and finds the PDF by a word of its text in the search (the text is
 * extracted by a background job: the test searches again until it is there). Every page is
 * scanned with axe.
 */
describe('documents: upload to a case and find it by its text', () => {
  let browser: Browser;
  let page: Page;
  let documents: DocumentsPage;
  let caseId: string;
  const run = String(10000 + (Date.now() % 90000));
  // A made-up word, so the search finds this run's document only: the PDF has "…barnehage",
  // the search asks for "…barnehager" and must find it by the Norwegian stem.
  const prefix = [...run].map((digit) => String.fromCharCode(97 + Number(digit))).join('');
  const word = `${prefix}barnehage`;
  const title = `Utredning om barnehager (e2e ${run})`;

  beforeAll(async () => {
    const secretariat = await ApiSession.signIn('sekretariat', 'demo1234');
    const kase = await secretariat.json<{ id: string }>('POST', '/api/cases', {
      archiveReference: `${osloDate().slice(2, 4)}/${run}`,
      title: `Barnehagekapasitet i Nordbygda (e2e ${run})`,
      caseOfficer: 'Siri Saksbehandler',
      summary: 'Syntetisk sak for ende-til-ende-test av dokumenter.',
    });
    caseId = kase.id;
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 768 });
    documents = new DocumentsPage(page);
    const login = new LoginPage(page);
    await login.open();
    await login.login('sekretariat', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('uploads a PDF to the case and lists it', async () => {
    await documents.openCase(caseId);
    expect(await documents.scan()).toEqual([]);
    await documents.upload(title, 'utredning.pdf', await pdfWith(['Kapasitet i barnehagene', `Behovet for ${word} i Nordbygda vokser.`]));
    await documents.waitForListed(title);
    expect(await documents.listedTitles()).toContain(title);
    expect(await documents.scan()).toEqual([]);
  });

  it('refuses a text file and says why', async () => {
    await documents.upload('Notat', 'notat.txt', new TextEncoder().encode('Bare tekst, ikke et dokument.\n'));
    const message = await documents.refusal();
    expect(message).toContain('Filtypen er ikke tillatt');
    expect(message).toContain('PDF');
    // Focus moves to the message, so a keyboard user meets it at once.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('refusal-box'))).toBe(true);
    expect(await documents.listedTitles()).not.toContain('Notat');
    expect(await documents.scan()).toEqual([]);
  });

  it('finds the PDF by a word of its text once the extraction job has run', async () => {
    const deadline = Date.now() + 60_000;
    let titles: string[] = [];
    // The text is extracted in a job: search again until the document is found (no fixed sleep).
    while (Date.now() < deadline) {
      await documents.search(`${word}r`);
      titles = await documents.hitTitles();
      if (titles.includes(title)) break;
    }
    expect(titles).toContain(title);
    expect((await documents.markedWords()).map((w) => w.toLowerCase())).toContain(word);
    expect(await documents.scan()).toEqual([]);
  });

  it('fits a phone screen (360 px): search hits and the documents section without sideways scrolling', async () => {
    await page.setViewport({ width: 360, height: 740 });
    await documents.search(`${word}r`);
    expect(await documents.hitTitles()).toContain(title);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await documents.scan()).toEqual([]);
    await documents.openCase(caseId);
    const overflow = await page.$eval('[data-testid="case-documents"]', (e) => e.scrollWidth - e.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await documents.scan()).toEqual([]);
  });
});
