import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser } from './browser.js';
import { LoginPage } from './pages/login-page.js';
import { WeddingsPage } from './pages/weddings-page.js';

/** What the page fetches with the browser's own session: status, type and the first bytes. */
async function download(page: Page, href: string): Promise<{ status: number; type: string; head: string }> {
  return page.evaluate(async (url) => {
    const res = await fetch(url);
    const bytes = new Uint8Array(await res.arrayBuffer()).slice(0, 5);
    return { status: res.status, type: res.headers.get('content-type') ?? '', head: String.fromCharCode(...bytes) };
  }, href);
}

/**
 * The officiant's own page: the demo officiant (`vigsler`, linked to the mayor) reaches «Mine
 * vigsler» from the menu, focus lands on the h1, the ceremonies are there with the day list as
 * PDF reached by the keyboard; axe-clean at 1366 and 360 px without sideways scrolling. The staff's
 * day view links the day list too.
 */
describe("weddings: the officiant's own ceremonies", () => {
  let browser: Browser;
  let page: Page;
  let app: WeddingsPage;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 900 });
    const login = new LoginPage(page);
    await login.open();
    await login.login('vigsler', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');
    app = new WeddingsPage(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reaches «Mine vigsler» from the menu and shows their ceremonies with the day list', async () => {
    await app.goto('/');
    await app.clickLink('Mine vigsler');
    expect(await app.waitForHeading('Mine vigsler')).toBe('Mine vigsler');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.waitForSelector('[data-testid^="ceremony-V-"]');
    const card = await app.textOf('[data-testid^="ceremony-V-"]');
    expect(card).toContain('Brudeparet');
    expect(card).toContain('Vitner');
    expect(card).toContain('Vigselsformular');
    // The staff's list is not theirs.
    expect(await page.$$eval('nav a', (links) => links.map((a) => a.getAttribute('href')))).not.toContain('/vigsler');

    await app.tabTo('[data-testid="day-list-link"]');
    const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href') ?? '');
    expect(href).toMatch(/^\/api\/weddings\/my\/day-list\.pdf\?date=\d{4}-\d{2}-\d{2}$/);
    const pdf = await download(page, href);
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
    expect(await app.scan()).toEqual([]);
  });

  it('fits a phone: axe-clean at 360 px without sideways scrolling of the page', async () => {
    await page.setViewport({ width: 360, height: 780, isMobile: true, hasTouch: true });
    await page.waitForFunction(() => document.documentElement.clientWidth === 360);
    await page.waitForSelector('[data-testid^="ceremony-V-"]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await app.scan()).toEqual([]);
    await page.setViewport({ width: 1366, height: 900 });
  });

  it("the staff's day view links the day's list as PDF", async () => {
    await app.logout();
    const login = new LoginPage(page);
    await login.open();
    await login.login('vigsel', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');
    await app.goto('/vigsler');
    await page.waitForSelector('[data-testid="day-list-link"]');
    const href = await page.$eval('[data-testid="day-list-link"]', (a) => a.getAttribute('href') ?? '');
    expect(href).toMatch(/^\/api\/weddings\/day-list\.pdf\?date=\d{4}-\d{2}-\d{2}$/);
    expect(await download(page, href)).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
    expect(await app.scan()).toEqual([]);
  });
});
