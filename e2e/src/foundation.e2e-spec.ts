import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser } from './browser.js';
import { AppPage } from './pages/app-page.js';
import { BodiesPage } from './pages/bodies-page.js';
import { LoginPage } from './pages/login-page.js';

/**
 * The walking skeleton, as a user meets it: the public pages, signing in, a body and its
 * member list as PDF, languages, the accessibility statement. Every page visited is scanned
 * with axe and must have no WCAG 2.1 A/AA violation.
 */
describe('Sekretariat in the browser', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the municipality and its open bodies to the public', async () => {
    const app = new AppPage(page);
    await app.goto('/');
    expect(await page.$eval('header', (h) => h.textContent)).toContain('Fjordvik kommune');
    expect(await app.scan()).toEqual([]);

    const bodies = new BodiesPage(page);
    await bodies.open();
    expect(await bodies.bodyNames()).toEqual(expect.arrayContaining(['Kommunestyret', 'Formannskapet']));
    expect(await bodies.scan()).toEqual([]);
  });

  it('starts keyboard navigation at a skip link to the main content', async () => {
    const app = new AppPage(page);
    await app.goto('/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      tag: document.activeElement?.tagName,
      href: document.activeElement?.getAttribute('href'),
    }));
    expect(focused.tag).toBe('A');
    expect(focused.href).toMatch(/#main$/);
  });

  it('tells a user who mistypes the password, accessibly', async () => {
    const login = new LoginPage(page);
    await login.open();
    expect(await login.scan()).toEqual([]);
    await login.login('sekretariat', 'feil-passord');
    await page.waitForSelector('[role="alert"]');
    expect(await page.$eval('[role="alert"]', (e) => e.textContent)).toMatch(/Feil brukernavn eller passord/);
    expect(await login.scan()).toEqual([]);
  });

  it('signs in the secretariat, opens a body and downloads its member list as PDF', async () => {
    const login = new LoginPage(page);
    await login.open();
    await login.login('sekretariat', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');
    expect(await login.currentUser()).toContain('Siri Sekretær');

    const bodies = new BodiesPage(page);
    await bodies.open();
    expect(await bodies.scan()).toEqual([]);
    await bodies.openBody('Kommunestyret');
    expect(await bodies.scan()).toEqual([]);
    const memberNames = await page.$$eval('table tbody tr td:first-child', (tds) => tds.map((td) => td.textContent?.trim() ?? ''));
    expect(memberNames.length).toBeGreaterThanOrEqual(27);

    const pdf = await bodies.downloadMembersPdf();
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sek-e2e-')), 'medlemsliste.pdf');
    writeFileSync(file, pdf.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Kommunestyret');
    expect(text).toContain(memberNames[0]!.split(/\s{2,}/)[0]!);
  });

  it('switches to nynorsk and English without reloading', async () => {
    const app = new AppPage(page);
    await app.goto('/tilgjengelighet');
    expect(await app.scan()).toEqual([]);
    await app.chooseLanguage('en');
    await page.waitForFunction(() => /Accessibility/i.test(document.querySelector('main h1')?.textContent ?? ''));
    expect(await app.scan()).toEqual([]);
    await app.chooseLanguage('nn');
    await page.waitForFunction(() => document.documentElement.lang === 'nn');
    expect(await app.scan()).toEqual([]);
    await app.chooseLanguage('nb');
  });

  it('works on a phone-sized screen', async () => {
    await page.setViewport({ width: 375, height: 740, isMobile: true, hasTouch: true });
    const bodies = new BodiesPage(page);
    await bodies.open();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await bodies.scan()).toEqual([]);
    await page.setViewport({ width: 1280, height: 900 });
  });

  it('signs out', async () => {
    const app = new AppPage(page);
    await app.goto('/');
    await app.logout();
    expect(await app.currentUser()).toBeNull();
  });

  it('found no accessibility violation on any page visited', () => {
    expect(AppPage.scans.length).toBeGreaterThanOrEqual(8);
    expect(AppPage.scans.filter((s) => s.violations.length > 0)).toEqual([]);
  });
});
