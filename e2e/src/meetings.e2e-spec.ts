import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'puppeteer-core';
import { ApiSession } from './api-session.js';
import { launchBrowser } from './browser.js';
import { addDays, osloDate } from './election-dates.js';
import { seenMail, waitForMail } from './mailbox.js';
import { AppPage } from './pages/app-page.js';
import { CasesPage } from './pages/cases-page.js';
import { LoginPage } from './pages/login-page.js';
import { MeetingsPage } from './pages/meetings-page.js';

interface BodySummary {
  id: string;
  name: string;
  kind: string;
}
interface BodyDetail {
  members: { name: string; email: string | null }[];
}

/**
 * The secretariat builds a meeting of the municipal council the way it does in the browser:
 * three new cases, a meeting in the annual plan, the cases on its agenda, reordered by keyboard,
 * and the notice sent; a member receives it by e-mail with the PDF. Every page and dialog is
 * scanned with axe and must have no WCAG 2.1 A/AA violation.
 */
describe('meetings: the secretariat builds an agenda and sends the notice', () => {
  let browser: Browser;
  let page: Page;
  let council: BodySummary;
  let memberEmail: string;
  let meetingId: string;
  // No leading zero: the API writes archive references without one (26/0481 is 26/481).
  const run = String(10000 + (Date.now() % 90000));
  const meetingDay = addDays(osloDate(), 14);
  const yy = meetingDay.slice(2, 4);
  const cases = [
    { archiveReference: `${yy}/${run}1`, title: `Budsjett og økonomiplan (e2e ${run})` },
    { archiveReference: `${yy}/${run}2`, title: `Reguleringsplan for Strandvegen (e2e ${run})` },
    { archiveReference: `${yy}/${run}3`, title: `Skolestruktur i nord (e2e ${run})` },
  ];
  const numbers: string[] = [];
  const browserErrors: string[] = [];

  beforeAll(async () => {
    const secretariat = await ApiSession.signIn('sekretariat', 'demo1234');
    const bodies = await secretariat.json<{ items: BodySummary[] }>('GET', '/api/bodies');
    council = bodies.items.find((b) => b.kind === 'kommunestyre')!;
    const detail = await secretariat.json<BodyDetail>('GET', `/api/bodies/${council.id}`);
    memberEmail = detail.members.find((m) => m.email)!.email!;

    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 768 });
    page.on('pageerror', (e) => browserErrors.push(`pageerror: ${String(e)}`));
    page.on('console', (m) => {
      if (m.type() === 'error') browserErrors.push(`${m.type()}: ${m.text()} @ ${page.url()}`);
    });
  });
  afterAll(async () => {
    // Shown to explain a failure (a page without its heading, a request that failed).
    if (browserErrors.length) console.log(browserErrors.join('\n'));
    await browser?.close();
  });

  it('signs in and creates three cases with their case presentations', async () => {
    const login = new LoginPage(page);
    await login.open();
    await login.login('sekretariat', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');

    const casesPage = new CasesPage(page);
    for (const [index, kase] of cases.entries()) {
      await casesPage.openNew();
      if (index === 0) expect(await casesPage.scan()).toEqual([]);
      await casesPage.create({
        ...kase,
        caseOfficer: 'Siri Saksbehandler',
        summary: 'Syntetisk sak for ende-til-ende-test.',
        recommendation: 'Kommunestyret vedtar forslaget.',
      });
      if (index === 0) expect(await casesPage.scan()).toEqual([]);
    }

    await casesPage.openList();
    expect(await casesPage.listedTitles()).toEqual(expect.arrayContaining(cases.map((c) => c.title)));
    expect(await casesPage.scan()).toEqual([]);
  });

  it('plans a meeting of the municipal council from the annual plan', async () => {
    const meetings = new MeetingsPage(page);
    await meetings.openPlan();
    expect(await meetings.scan()).toEqual([]);
    meetingId = await meetings.createFromPlan({
      bodyId: council.id,
      date: meetingDay,
      start: '18:00',
      end: '21:00',
      place: 'Kommunestyresalen, Rådhuset',
    });
    expect(meetings.formScan).toEqual([]);
    expect(await meetings.status()).toBe('Planlagt');
    expect(await meetings.scan()).toEqual([]);
  });

  it('adds the three cases to the agenda, numbered per body and year', async () => {
    const meetings = new MeetingsPage(page);
    for (const [index, kase] of cases.entries()) {
      numbers.push(await meetings.addCase(kase.archiveReference));
      if (index === 0) {
        // The dialog, open again, is scanned too.
        await page.click('[data-testid="add-item"]');
        await meetings.waitForDialog('add-item-dialog');
        expect(await meetings.scan()).toEqual([]);
        await page.keyboard.press('Escape');
        await page.waitForSelector('[data-testid="add-item-dialog"]:not([open])', { hidden: true });
      }
    }
    for (const number of numbers) expect(number).toMatch(new RegExp(`^PS \\d+/${yy}$`));
    expect(await meetings.agendaNumbers()).toEqual(numbers);
    expect(await meetings.agendaTitles()).toEqual(cases.map((c) => c.title));
    expect(await meetings.scan()).toEqual([]);
  });

  it('reorders by keyboard and by dragging, announces each move, numbers in the new order before the notice, and keeps it after a reload', async () => {
    const meetings = new MeetingsPage(page);
    const [first, , third] = numbers as [string, string, string];
    const [t1, t2, t3] = cases.map((c) => c.title) as [string, string, string];
    /** The order saved and shown again; before the notice the numbers follow it (issue 13). */
    const shows = async (titles: string[]) => {
      await page.waitForFunction(
        (want: string[]) => JSON.stringify([...document.querySelectorAll('[data-testid="agenda-item"] .item-text a')].map((a) => a.textContent?.trim() ?? '')) === JSON.stringify(want),
        {},
        titles,
      );
      expect(await meetings.agendaNumbers()).toEqual(numbers);
    };

    const moved = await meetings.moveUpByKeyboard(third);
    expect(moved.announcement).toBe(`${third} flyttet til plass 2`);
    expect(moved.focused).toMatch(/^up-/);
    await shows([t1, t3, t2]);

    // Still on the same button: Enter again moves it to the top.
    await pressEnterAndWaitForSave(page);
    // At the top the up button is disabled: focus goes on to the item's down button.
    expect(await page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^down-/);
    await shows([t3, t1, t2]);

    await meetings.openMeeting(meetingId);
    await shows([t3, t1, t2]);
    expect(await meetings.scan()).toEqual([]);

    // With the mouse, by the drag handle: the last item onto the first place.
    await meetings.dragOnto(third, first);
    await shows([t2, t3, t1]);
    await meetings.openMeeting(meetingId);
    await shows([t2, t3, t1]);

    // On a phone (360 px) the agenda and its buttons fit without scrolling sideways.
    await page.setViewport({ width: 360, height: 740 });
    await meetings.openMeeting(meetingId);
    const layout = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      // Wide tables scroll in their own region; anything else sticking out is named here.
      outside: [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > 361 && !e.closest('.scroll-region'))
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
    }));
    expect(layout.outside).toEqual([]);
    expect(layout.width).toBeLessThanOrEqual(360);
    expect(await meetings.scan()).toEqual([]);
    await page.setViewport({ width: 1366, height: 768 });
    await meetings.openMeeting(meetingId);
  });

  it('changes the place and closes an item on its legal ground', async () => {
    const meetings = new MeetingsPage(page);
    expect(await meetings.changePlace('Formannskapssalen, Rådhuset')).toEqual([]);
    expect(await page.$eval('[data-testid="meeting-flash"]', (e) => e.textContent)).toContain('er endret');
    expect(await page.$eval('main', (e) => e.textContent)).toContain('Formannskapssalen, Rådhuset');

    const [, , first] = await meetings.agendaNumbers();
    expect(await meetings.closeItem(first!, 'offl23-1')).toEqual([]);
    expect(
      await page.$eval(
        `[data-testid="agenda-item"][data-number="${first}"] [data-testid="item-closed"]`,
        (e) => e.textContent,
      ),
    ).toContain('koml. § 11-5 tredje ledd bokstav b jf. offl. § 23 første ledd');
    expect(await meetings.scan()).toEqual([]);
  });

  it('sends the notice after a confirmation, and a member receives it with the PDF', async () => {
    const meetings = new MeetingsPage(page);
    const explanation = await meetings.openPublishDialog();
    expect(explanation).toContain('offentlige sidene');
    expect(explanation).toContain('e-post');
    expect(await meetings.scan()).toEqual([]);
    // Other suites notify the same members: only mail sent from here on counts.
    const earlier = await seenMail();
    await meetings.confirmPublish();
    expect(await meetings.status()).toBe('Innkalling sendt');
    expect(await meetings.scan()).toEqual([]);

    const mail = await waitForMail(
      { to: memberEmail, subject: new RegExp(`Møteinnkalling – ${council.name}`), exclude: earlier },
      30_000,
    );
    expect(mail.attachments.map((a) => a.filename)).toEqual([
      expect.stringMatching(/^moteinnkalling-.*\.pdf$/),
    ]);
  });

  it('sends a changed notice with a message, and the member receives it', async () => {
    const meetings = new MeetingsPage(page);
    const explanation = await meetings.openResendDialog();
    expect(explanation).toContain('endret innkalling');
    expect(await meetings.scan()).toEqual([]);
    const earlier = await seenMail();
    const flash = await meetings.sendChangedNotice('Møtet er flyttet til bystyresalen.');
    expect(flash.length).toBeGreaterThan(0);
    expect(await meetings.scan()).toEqual([]);
    const mail = await waitForMail(
      { to: memberEmail, subject: new RegExp(`Endret møteinnkalling – ${council.name}`), exclude: earlier },
      30_000,
    );
    expect(mail.text).toContain('Møtet er flyttet til bystyresalen.');
    expect(mail.attachments.map((a) => a.filename)).toEqual([expect.stringMatching(/\.pdf$/)]);
  });

  it('found no accessibility violations on any page visited', () => {
    expect(AppPage.scans.length).toBeGreaterThanOrEqual(13);
    expect(AppPage.scans.filter((s) => s.violations.length > 0)).toEqual([]);
  });
});

/** Presses Enter on the focused element (a move button) and waits for the order to be saved. */
async function pressEnterAndWaitForSave(page: Page): Promise<void> {
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/items/order') && r.request().method() === 'PUT',
  );
  await page.keyboard.press('Enter');
  await saved;
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="agenda-announcement"]')?.textContent?.includes('plass 1'),
  );
}
