import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'puppeteer-core';
import { ApiSession } from './api-session.js';
import { launchBrowser } from './browser.js';
import { addDays, osloDate } from './election-dates.js';
import { LoginPage } from './pages/login-page.js';
import { WeddingsPage } from './pages/weddings-page.js';

interface Statistics {
  year: number;
  totals: { total: number; held: number; booked: number; cancelled: number };
}

/** What the page fetches with the browser's own session: status, headers and the body as text. */
async function download(page: Page, href: string): Promise<{ status: number; type: string; disposition: string; text: string }> {
  return page.evaluate(async (url) => {
    const res = await fetch(url);
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      disposition: res.headers.get('content-disposition') ?? '',
      text: await res.text(),
    };
  }, href);
}

/**
 * The weddings' records for the service centre: the statistics page reached from the staff page
 * (axe-clean at 1366 and 360 px, no sideways scrolling on a phone), its CSV download in the
 * interface's language, and the export of a couple's data from the staff page.
 */
describe('weddings records: statistics and export', () => {
  let browser: Browser;
  let page: Page;
  let app: WeddingsPage;
  let staff: ApiSession;
  let year: number;

  beforeAll(async () => {
    staff = await ApiSession.signIn('vigsel', 'demo1234');
    // The year of the demo's bookings (they are around today), so that the tables are there.
    const today = osloDate();
    const bookings = (await staff.json<{ items: { startsAt: string }[] }>('GET', `/api/weddings/bookings?from=${today}&to=${addDays(today, 365)}`)).items;
    expect(bookings.length).toBeGreaterThan(0);
    year = Number(bookings[0]!.startsAt.slice(0, 4));
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 900 });
    const login = new LoginPage(page);
    await login.open();
    await login.login('vigsel', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');
    app = new WeddingsPage(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the staff page links to the statistics; the page shows the year in tables and a chart', async () => {
    await app.goto('/vigsler');
    await page.waitForSelector('[data-testid="statistics-link"]');
    await app.clickLink('Statistikk per år');
    expect(await app.waitForHeading('Vigselsstatistikk')).toBe('Vigselsstatistikk');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.waitForSelector('[data-testid="statistics-summary"] p');

    // This year is chosen at first; the demo's bookings may be in the next.
    await page.select('#statistics-year', String(year));
    await page.waitForFunction(
      (y) => document.querySelector('[data-testid="statistics-summary"]')?.textContent?.includes(`I ${y}:`),
      {},
      String(year),
    );
    const expected = await staff.json<Statistics>('GET', `/api/weddings/statistics?year=${String(year)}`);
    await page.waitForSelector('[data-testid="statistics-month"]');
    expect(await app.textOf('[data-testid="statistics-summary"]')).toContain(`${String(expected.totals.total)} vigsler i alt`);
    const sum = await page.$eval('[data-testid="statistics-month"] tfoot tr', (tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''),
    );
    expect(sum).toEqual([`Sum ${String(year)}`, ...[expected.totals.total, expected.totals.held, expected.totals.booked, expected.totals.cancelled].map(String)]);
    expect(await page.$eval('[data-testid="statistics-chart"]', (svg) => svg.getAttribute('aria-hidden'))).toBe('true');
    expect(await app.scan()).toEqual([]);
  });

  it('downloads the CSV in the interface language', async () => {
    const href = await page.$eval('[data-testid="statistics-csv"]', (a) => a.getAttribute('href') ?? '');
    expect(href).toBe(`/api/weddings/statistics.csv?year=${String(year)}&lang=nb`);
    const nb = await download(page, href);
    expect(nb.status).toBe(200);
    expect(nb.type).toMatch(/^text\/csv/);
    expect(nb.disposition).toBe(`attachment; filename="vigsler-statistikk-${String(year)}.csv"`);
    expect(nb.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Gruppe;Verdi;Vigsler i alt;Gjennomført;Bestilt;Avlyst');

    await app.chooseLanguage('nn');
    await page.waitForFunction(() => document.querySelector('[data-testid="statistics-csv"]')?.getAttribute('href')?.endsWith('lang=nn'));
    const nn = await download(page, await page.$eval('[data-testid="statistics-csv"]', (a) => a.getAttribute('href') ?? ''));
    expect(nn.text).toContain('Gruppe;Verdi;Vigslar i alt;Gjennomført;Bestilt;Avlyst');
    expect(nn.text).toContain('Månad;januar;');
    expect(await app.scan()).toEqual([]);
    await app.chooseLanguage('nb');
  });

  it('fits a phone: axe-clean at 360 px without sideways scrolling of the page', async () => {
    await page.setViewport({ width: 360, height: 780, isMobile: true, hasTouch: true });
    await page.waitForFunction(() => document.documentElement.clientWidth === 360);
    await page.waitForSelector('[data-testid="statistics-month"]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await app.scan()).toEqual([]);
    await page.setViewport({ width: 1366, height: 900 });
  });

  it("exports a couple's data from the staff page as a JSON download", async () => {
    await app.goto('/vigsler');
    await page.waitForSelector('[data-testid="export"]');
    const href = await page.$eval('[data-testid="export"]', (a) => a.getAttribute('href') ?? '');
    expect(href).toMatch(/^\/api\/weddings\/bookings\/[0-9a-f-]{36}\/export$/);
    expect(await page.$eval('[data-testid="export"]', (a) => a.hasAttribute('download'))).toBe(true);
    const file = await download(page, href);
    expect(file.status).toBe(200);
    expect(file.disposition).toMatch(/^attachment; filename="vigsel-V-\d{4}-\d{4,}\.json"$/);
    const data = JSON.parse(file.text) as { booking: { parties: { name: string }[] }; audit: { action: string }[] };
    expect(data.booking.parties).toHaveLength(2);
    expect(Array.isArray(data.audit)).toBe(true);
    expect(await app.scan()).toEqual([]);
  });
});
