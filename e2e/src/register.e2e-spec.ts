import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser } from './browser.js';
import { AppPage } from './pages/app-page.js';
import { BodiesPage } from './pages/bodies-page.js';
import { BodyFormPage } from './pages/body-form-page.js';
import { ImportPage } from './pages/import-page.js';
import { LoginPage } from './pages/login-page.js';

const BODY = { name: 'Ungdomsrådet', kind: 'ungdomsraad', seats: 5, termFrom: '2023-10-01', termTo: '2027-09-30' };
const HEADER = 'organ;medlemstype;varanr;fornavn;etternavn;kjønn;parti;rolle;fra;til;epost;telefon';
const ROWS = [
  'Ungdomsrådet;medlem;;Ingrid;Ungstad;K;Ap;leder;01.10.2023;;ingrid.ungstad@example.org;',
  'Ungdomsrådet;medlem;;Jonas;Ungstad;M;H;nestleder;01.10.2023;;;',
  'Ungdomsrådet;medlem;;Sofie;Lia;K;Ap;;01.10.2023;;;',
  'Ungdomsrådet;medlem;;Emil;Berge;M;H;;01.10.2023;;;',
  'Ungdomsrådet;medlem;;Nora Sølvi;Fjell;K;SV;;01.10.2023;;;',
  'Ungdomsrådet;vara;1;Aksel;Strand;M;Ap;;01.10.2023;;;',
  'Ungdomsrådet;vara;2;Maja;Strand;K;Ap;;01.10.2023;;;',
  'Ungdomsrådet;vara;1;Ella;Bakke;K;H;;01.10.2023;;;',
  'Ungdomsrådet;vara;2;Oskar;Bakke;M;H;;01.10.2023;;;',
  'Ungdomsrådet;vara;1;Tobias;Vik;M;SV;;01.10.2023;;;',
];
/** The same file with the substitute number left out on one line (Maja Strand, line 8). */
const BAD_ROWS = ROWS.map((row) => (row.includes('Maja') ? row.replace(';vara;2;', ';vara;;') : row));
const BAD_LINE = BAD_ROWS.findIndex((row) => row.includes('Maja')) + 2;

/**
 * The register as the secretariat uses it after an election: create a body in the form,
 * import its members and substitutes from a spreadsheet (first a file with a mistake), see
 * them on the body's page per list, download the member list, end a membership. Every page
 * visited is scanned with axe and must have no WCAG 2.1 A/AA violation.
 */
describe('The register: a new body filled by import', () => {
  let browser: Browser;
  let page: Page;
  let badFile: string;
  let goodFile: string;
  let bodyId: string;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sek-e2e-import-'));
    badFile = path.join(dir, 'ungdomsradet-med-feil.csv');
    goodFile = path.join(dir, 'ungdomsradet.csv');
    writeFileSync(badFile, `${[HEADER, ...BAD_ROWS].join('\n')}\n`, 'utf8');
    // As Excel saves "CSV (semikolonseparert)" on Windows: Windows-1252, CRLF.
    writeFileSync(goodFile, Buffer.from(`${[HEADER, ...ROWS].join('\r\n')}\r\n`, 'latin1'));
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in the secretariat', async () => {
    const login = new LoginPage(page);
    await login.open();
    await login.login('sekretariat', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');
    expect(await login.currentUser()).toContain('Siri Sekretær');
  });

  it('creates the body through the form', async () => {
    const bodies = new BodiesPage(page);
    await bodies.open();
    await page.waitForSelector('[data-testid="new-body"]');
    expect(await bodies.scan()).toEqual([]);
    await bodies.clickLink('Nytt organ');
    const form = new BodyFormPage(page);
    expect(await form.waitForHeading()).toBe('Nytt organ');
    expect(await form.scan()).toEqual([]);

    // Submitting with nothing filled in is refused with a summary that links to the fields.
    await page.click('[data-testid="body-form-submit"]');
    await page.waitForSelector('[data-testid="body-form-errors"]');
    expect(await page.$eval('#body-name', (e) => e.getAttribute('aria-invalid'))).toBe('true');
    expect(await form.scan()).toEqual([]);

    bodyId = await form.create(BODY);
    expect(await form.waitForHeading()).toBe('Ungdomsrådet');
    expect(await page.$eval('[data-testid="body-status"]', (e) => e.textContent)).toContain('er opprettet');
    expect(await form.scan()).toEqual([]);
  });

  it('shows the problem in a file with one mistake by its line, and will not import it', async () => {
    const importer = new ImportPage(page);
    await importer.clickLink('Import');
    expect(await importer.waitForHeading()).toBe('Importer medlemmer og varamedlemmer');
    expect(await importer.scan()).toEqual([]);

    await importer.chooseFile(badFile);
    await importer.check();
    expect(await importer.summary()).toContain('Fila har 1 feil');
    expect(await importer.problems()).toEqual([
      { line: String(BAD_LINE), field: 'varanr', message: expect.stringContaining('nummer') },
    ]);
    expect(await importer.canImport()).toBe(false);
    expect(await importer.scan()).toEqual([]);
  });

  it('checks the corrected file (Windows-1252, as Excel saves it) and imports it', async () => {
    const importer = new ImportPage(page);
    await importer.chooseFile(goodFile);
    await importer.check();
    const summary = await importer.summary();
    expect(summary).toContain('Fila er i orden');
    expect(summary).toContain('Windows-1252');
    expect(summary).toContain('Ungdomsrådet');
    expect(await page.$('[data-testid="import-problems"]')).toBeNull();
    expect(await importer.canImport()).toBe(true);

    const done = await importer.run();
    expect(done).toContain('10 verv er lagt inn');
    expect(await importer.canImport()).toBe(false);
    expect(await importer.scan()).toEqual([]);
    await importer.openImportedBody('Ungdomsrådet');
  });

  it("shows the body's members, and its substitutes per list in elected order", async () => {
    const bodies = new BodiesPage(page);
    expect(page.url()).toContain(`/organer/${bodyId}`);
    expect(await bodies.memberNames()).toEqual(
      expect.arrayContaining(['Ingrid Ungstad', 'Jonas Ungstad', 'Sofie Lia', 'Emil Berge', 'Nora Sølvi Fjell']),
    );
    expect(await bodies.memberNames()).toHaveLength(5);
    expect(await bodies.substitutesByList()).toEqual({
      Ap: ['1. Aksel Strand', '2. Maja Strand'],
      H: ['1. Ella Bakke', '2. Oskar Bakke'],
      SV: ['1. Tobias Vik'],
    });
    expect(await page.$eval('[data-testid="gender-checks"]', (e) => e.textContent)).toContain('Medlemmer');
    expect(await bodies.scan()).toEqual([]);
  });

  it('downloads the member list as PDF and CSV with the new names', async () => {
    const bodies = new BodiesPage(page);
    const pdf = await bodies.downloadMembersPdf();
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sek-e2e-')), 'ungdomsradet.pdf');
    writeFileSync(file, pdf.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Ungdomsrådet');
    expect(text).toContain('Ingrid Ungstad');
    expect(text).toContain('Tobias Vik');

    const csv = await bodies.download('[data-testid="members-csv"]');
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.bytes.toString('utf8')).toContain('ingrid.ungstad@example.org');
  });

  it('ends a membership in a dialog and says who moves up', async () => {
    const bodies = new BodiesPage(page);
    const buttons = await page.$$('[data-testid="members-table"] [data-testid="end-membership"]');
    let opened = false;
    for (const button of buttons) {
      if ((await button.evaluate((b) => b.textContent ?? '')).includes('Nora Sølvi Fjell')) {
        await button.click();
        opened = true;
        break;
      }
    }
    expect(opened).toBe(true);
    await page.waitForSelector('[data-testid="end-dialog"][open] #end-to');
    await page.waitForFunction(() => document.activeElement?.id === 'end-to');
    // Scan when the dialog has faded in: half-transparent text would fail the contrast rule.
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid="end-dialog"]')?.getAnimations() ?? []).every((a) => a.playState === 'finished'),
    );
    expect(await bodies.scan()).toEqual([]);
    // Registered after the fact: she moved away last summer.
    await bodies.setValue('#end-to', '2025-06-30');
    await page.select('#end-reason', 'moved');
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/end') && r.request().method() === 'POST'),
      page.click('[data-testid="end-submit"]'),
    ]);
    await page.waitForSelector('[data-testid="end-prompt"]');
    expect(await page.$eval('[data-testid="end-prompt"]', (e) => e.textContent)).toContain('Tobias Vik');
    await page.waitForFunction(() => !document.querySelector('[data-testid="end-dialog"][open]'));
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="members-table"]')?.textContent?.includes('Nora Sølvi Fjell'),
    );
    // The history is loaded on its own after the members: wait for it rather than read it at once.
    await page.waitForFunction(() => document.querySelector('[data-testid="history-table"]')?.textContent?.includes('Flyttet fra kommunen'));
    expect(await bodies.scan()).toEqual([]);
  });

  it("opens an official's page from the body", async () => {
    const app = new AppPage(page);
    await app.clickLink('Ingrid Ungstad');
    // The page shows "Folkevalgt" until the person is loaded.
    expect(await app.waitForHeading('Ingrid Ungstad')).toBe('Ingrid Ungstad');
    await page.waitForSelector('[data-testid="roles-current"]');
    expect(await page.$eval('[data-testid="roles-current"]', (e) => e.textContent)).toContain('Ungdomsrådet');
    expect(await app.scan()).toEqual([]);
  });

  it('shows the people, grants and edit pages without accessibility violations', async () => {
    const app = new AppPage(page);
    await app.clickLink('Personer');
    await page.waitForSelector('[data-testid="people-table"]');
    expect(await app.scan()).toEqual([]);

    await app.clickLink('Gruppestøtte');
    await page.waitForSelector('[data-testid="grants-groups"]');
    expect(await page.$eval('[data-testid="grants-groups-total"]', (e) => e.textContent)).toMatch(/\d[\s\u00a0]?\d{3}.*kr/);
    expect(await app.scan()).toEqual([]);

    await app.goto(`/organer/${bodyId}/rediger`);
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('#body-name')?.value ?? '') === 'Ungdomsrådet');
    expect(await app.scan()).toEqual([]);
  });

  it('works on a phone-sized screen', async () => {
    await page.setViewport({ width: 360, height: 740, isMobile: true, hasTouch: true });
    const app = new AppPage(page);
    for (const url of [`/organer/${bodyId}`, '/organer/import', '/gruppestotte']) {
      await app.goto(url);
      const overflow = await page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
      expect({ url, overflow }).toEqual({ url, overflow: 0 });
      expect(await app.scan()).toEqual([]);
    }
    await page.setViewport({ width: 1280, height: 900 });
  });

  it('found no accessibility violation on any page visited', () => {
    expect(AppPage.scans.length).toBeGreaterThanOrEqual(14);
    expect(AppPage.scans.filter((s) => s.violations.length > 0)).toEqual([]);
  });
});
