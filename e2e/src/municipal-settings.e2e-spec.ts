import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'puppeteer-core';
import { ApiSession } from './api-session.js';
import { launchBrowser } from './browser.js';
import { osloDate } from './election-dates.js';
import { AppPage } from './pages/app-page.js';
import { LoginPage } from './pages/login-page.js';

const DAY = 24 * 3_600_000;

const pdfText = (pdf: Buffer): string => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'e2e-notice-')), 'n.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

/** Waits until the open dialog holding `selector` has faded in (half-transparent text would fail the contrast rule). */
async function dialogSettled(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { visible: true });
  await page.waitForFunction(
    (sel: string) => {
      const dialog = document.querySelector(sel)?.closest('dialog') ?? document.querySelector(sel);
      return (dialog?.getAnimations({ subtree: true }) ?? []).every((a) => a.playState === 'finished');
    },
    {},
    selector,
  );
}

type Settings = Record<string, unknown> & { noticeDays: Record<string, number> };

/**
 * The municipality's own rules: the admin raises the council's notice period to 21 days and
 * chooses nynorsk on /innstillinger with the keyboard; the secretariat then sends the notice of a
 * council meeting 16 days ahead (in time by the default 14, late by the new 21) and is warned in
 * the dialog and on the meeting page; the notice PDF reads in nynorsk. Axe at 360 and 1366 px.
 */
describe('municipal settings', () => {
  let browser: Browser;
  let page: Page;
  let admin: ApiSession;
  let secretariat: ApiSession;
  let original: Settings;
  let meetingId: string;

  beforeAll(async () => {
    admin = await ApiSession.signIn('admin', 'demo1234');
    secretariat = await ApiSession.signIn('sekretariat', 'demo1234');
    original = await admin.json<Settings>('GET', '/api/municipality/settings');
    const bodies = await secretariat.json<{ items: { id: string; kind: string }[] }>('GET', '/api/bodies');
    const ks = bodies.items.find((b) => b.kind === 'kommunestyre')!;
    // Noon on the Norwegian day 16 days from now: 16 calendar days whatever the time of the run.
    const day = osloDate(new Date(Date.now() + 16 * DAY));
    meetingId = (
      await secretariat.json<{ id: string }>('POST', `/api/bodies/${ks.id}/meetings`, {
        startsAt: `${day}T12:00:00+01:00`,
        place: 'Kommunestyresalen',
      })
    ).id;
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 900 });
  });
  afterAll(async () => {
    // The suites share one system: put the demo municipality's settings back.
    const keys = [
      'noticeDays',
      'writtenStandard',
      'remoteMeetingsAllowed',
      'remoteMeetingsDecision',
      'protocolSignatories',
      'substituteAnswerHours',
      'documentName',
    ];
    await admin.json(
      'PUT',
      '/api/municipality/settings',
      Object.fromEntries(keys.map((k) => [k, original[k]])),
    );
    await browser?.close();
  });

  it('the admin changes the notice period and the written standard with the keyboard', async () => {
    const login = new LoginPage(page);
    await login.open();
    await login.login('admin', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');
    const app = new AppPage(page);
    await app.clickLink('Innstillinger');
    expect(await app.waitForHeading('Kommunens innstillinger')).toBe('Kommunens innstillinger');
    // Focus moves to the page's heading after the navigation.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await page.waitForSelector('#notice-kommunestyre');
    expect(await page.$eval('#notice-kommunestyre', (i) => (i as HTMLInputElement).value)).toBe('14');
    expect(await app.scan()).toEqual([]);

    await page.focus('#notice-kommunestyre');
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.type('21');
    await page.focus('#written-standard-nn');
    await page.keyboard.press('Space');
    await page.focus('[data-testid="settings-submit"]');
    await Promise.all([
      page.waitForResponse(
        (r) =>
          r.url().endsWith('/api/municipality/settings') &&
          r.request().method() === 'PUT' &&
          r.status() === 200,
      ),
      page.keyboard.press('Enter'),
    ]);
    await page.waitForSelector('[data-testid="settings-saved"]');
    expect(await app.scan()).toEqual([]);

    // A bad value is named in the error summary; its link takes focus to the field.
    await page.focus('#substitute-hours');
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.type('0');
    await page.focus('[data-testid="settings-submit"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="settings-errors"] a[href="#substitute-hours"]');
    expect(await app.scan()).toEqual([]);
    await page.focus('[data-testid="settings-errors"] a[href="#substitute-hours"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'substitute-hours');

    await page.setViewport({ width: 360, height: 780, isMobile: true, hasTouch: true });
    await app.goto('/innstillinger');
    await page.waitForSelector('#notice-kommunestyre');
    expect(await page.$eval('#notice-kommunestyre', (i) => (i as HTMLInputElement).value)).toBe('21');
    expect(await page.$eval('#written-standard-nn', (i) => (i as HTMLInputElement).checked)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await app.scan()).toEqual([]);
    await app.logout();
  });

  it('the secretariat is warned that the notice goes out late, sends it, and the meeting page says so', async () => {
    await page.setViewport({ width: 1366, height: 900 });
    const login = new LoginPage(page);
    await login.open();
    await login.login('sekretariat', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');
    const app = new AppPage(page);
    await app.goto(`/moter/${meetingId}`);
    await page.waitForSelector('[data-testid="publish"]');
    await page.focus('[data-testid="publish"]');
    await page.keyboard.press('Enter');
    await dialogSettled(page, '[data-testid="notice-late-warning"]');
    const warning = await page.$eval('[data-testid="notice-late-warning"]', (e) =>
      e.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(warning).toContain('går den ut 16 dager før møtet. Reglementet sier 21 dager');
    expect(await app.scan()).toEqual([]);
    const [published] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/meetings/${meetingId}/publish`)),
      page.click('[data-testid="publish-confirm"]'),
    ]);
    expect(published.status()).toBe(200);
    await page.waitForSelector('[data-testid="notice-late"]');
    // The figures from the API (the browser may already have dropped the publish response's body).
    expect(await secretariat.json('GET', `/api/meetings/${meetingId}/notice-timeliness`)).toMatchObject({
      late: true,
      daysBefore: 16,
      requiredDays: 21,
    });
    expect(await page.$eval('[data-testid="notice-late"]', (e) => e.textContent?.trim())).toBe(
      'Innkallingen gikk ut 16 dager før møtet (reglementet: 21).',
    );
    expect(await app.scan()).toEqual([]);
    await page.setViewport({ width: 360, height: 780, isMobile: true, hasTouch: true });
    await app.goto(`/moter/${meetingId}`);
    await page.waitForSelector('[data-testid="notice-late"]');
    expect(await app.scan()).toEqual([]);
  });

  it("the notice PDF is in the municipality's nynorsk", async () => {
    const pdf = await secretariat.bytes(`/api/meetings/${meetingId}/notice.pdf`);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.body);
    expect(text).toContain('Stad');
    expect(text).toContain('Forfall skal meldast snarast til sekretariatet');
    expect(text).not.toContain('Forfall meldes');
    expect(text).toContain('Kommunestyresalen');
  });
});
