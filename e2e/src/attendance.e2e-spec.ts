import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'puppeteer-core';
import { ApiSession } from './api-session.js';
import { launchBrowser } from './browser.js';
import { addDays, osloDate } from './election-dates.js';
import { linkIn, seenMail, waitForMail } from './mailbox.js';
import { AttendancePage } from './pages/attendance-page.js';
import { LoginPage } from './pages/login-page.js';

interface Seats {
  seats: { personId: string; name: string; absences: { summonses: { personId: string; name: string; status: string }[] }[] }[];
}

/**
 * Absence and substitutes: the secretariat publishes a meeting of Formannskapet; the demo official
 * reports absence through the personal link in the notice e-mail; the first substitute on the list
 * declines through the link in their summons, the second accepts; the secretariat sees it on the
 * seat overview. Every page is scanned with axe and driven by keyboard where it is answered.
 */
describe('attendance: absence, a substitute declines, the next accepts', () => {
  let browser: Browser;
  let page: Page;
  let secretariat: ApiSession;
  let meetingId: string;
  let officialPersonId: string;
  let officialEmail: string;
  /** Mail sent before this suite's meeting was published (other suites notify the same members). */
  let earlier: string[];
  const meetingDay = addDays(osloDate(), 12);

  const seats = () => secretariat.json<Seats>('GET', `/api/meetings/${meetingId}/seats`);
  const summonses = async () => (await seats()).seats.find((s) => s.personId === officialPersonId)!.absences[0]?.summonses ?? [];
  const emailOf = async (personId: string) => (await secretariat.json<{ email: string }>('GET', `/api/people/${personId}`)).email;

  beforeAll(async () => {
    secretariat = await ApiSession.signIn('sekretariat', 'demo1234');
    const official = await ApiSession.signIn('politiker', 'demo1234');
    officialPersonId = (await official.json<{ user: { personId: string } }>('GET', '/api/auth/me')).user.personId;
    officialEmail = await emailOf(officialPersonId);
    const bodies = await secretariat.json<{ items: { id: string; kind: string }[] }>('GET', '/api/bodies');
    const formannskap = bodies.items.find((b) => b.kind === 'formannskap')!;
    meetingId = (
      await secretariat.json<{ id: string }>('POST', `/api/bodies/${formannskap.id}/meetings`, {
        startsAt: `${meetingDay}T16:00:00+01:00`,
        place: 'Formannskapssalen, Rådhuset',
      })
    ).id;
    await secretariat.json('POST', `/api/meetings/${meetingId}/items`, { title: 'Orientering om fergetilbudet' });
    earlier = await seenMail();
    await secretariat.json('POST', `/api/meetings/${meetingId}/publish`, {}, [200]);

    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the official reports absence through the personal link in the notice e-mail', async () => {
    const notice = await waitForMail({ to: officialEmail, subject: /Møteinnkalling – Formannskapet/, exclude: earlier }, 45_000);
    expect(notice.attachments.map((a) => a.filename)).toEqual([expect.stringMatching(/\.pdf$/)]);
    const attendance = new AttendancePage(page);
    await attendance.openMailLink(linkIn(notice, /https?:\/\/[^\s]+\/forfall\/[A-Za-z0-9_-]+/));
    expect(await attendance.waitForHeading()).toBe('Meld forfall');
    expect(await page.$eval('main', (m) => m.textContent)).toContain('Formannskapet');
    expect(await attendance.scan()).toEqual([]);

    expect(await attendance.reportWholeMeeting('Jobbreise til Bergen')).toContain('Forfallet er meldt');
    expect(await attendance.scan()).toEqual([]);
  });

  it('the first substitute declines through the link in their summons', async () => {
    const [first] = await summonses();
    expect(first).toMatchObject({ status: 'pending' });
    const mail = await waitForMail({ to: await emailOf(first!.personId), subject: /Innkalling som varamedlem/, exclude: earlier }, 45_000);
    expect(mail.attachments.map((a) => a.filename)).toEqual([expect.stringMatching(/\.pdf$/)]);
    const attendance = new AttendancePage(page);
    await attendance.openMailLink(linkIn(mail, /https?:\/\/[^\s]+\/innkalling\/[A-Za-z0-9_-]+\?svar=nei/));
    expect(await attendance.waitForHeading()).toBe('Innkalling som varamedlem');
    expect(await page.$eval('main', (m) => m.textContent)).toContain(first!.name);
    expect(await attendance.scan()).toEqual([]);

    expect(await attendance.answer('decline')).toContain('Du har takket nei');
    expect(await attendance.scan()).toEqual([]);
  });

  it('the second substitute accepts', async () => {
    const second = (await summonses()).find((s) => s.status === 'pending')!;
    expect(second).toBeDefined();
    const mail = await waitForMail({ to: await emailOf(second.personId), subject: /Innkalling som varamedlem/, exclude: earlier }, 45_000);
    const attendance = new AttendancePage(page);
    await attendance.openMailLink(linkIn(mail, /https?:\/\/[^\s]+\/innkalling\/[A-Za-z0-9_-]+\?svar=ja/));
    expect(await attendance.waitForHeading()).toBe('Innkalling som varamedlem');
    expect(await attendance.answer('accept')).toContain('registrert som møtende varamedlem');
    expect(await attendance.scan()).toEqual([]);
    expect((await summonses()).map((s) => s.status)).toEqual(['declined', 'accepted']);
  });

  it('the secretariat sees the state of every seat', async () => {
    const login = new LoginPage(page);
    await login.open();
    await login.login('sekretariat', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');
    const attendance = new AttendancePage(page);
    await attendance.openSeats(meetingId);
    expect(await attendance.waitForHeading()).toBe('Oppmøte og forfall');
    const [first, second] = await summonses();
    const row = await attendance.seatText(officialPersonId);
    expect(row).toContain('Forfall');
    expect(row).toContain('Jobbreise til Bergen');
    expect(row).toContain(`${first!.name}`);
    expect(row).toContain('takket nei');
    expect(row).toContain(`${second!.name}`);
    expect(row).toContain('takket ja');
    expect(await attendance.textOf('[data-testid="seats-summary"]')).toContain('1 varamedlem(mer) har takket ja');
    expect(await attendance.scan()).toEqual([]);

    // The register dialog opens by keyboard, passes axe, and closes with Escape.
    const button = await page.$('[data-testid^="seat-"] button');
    await button!.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="register-absence-dialog"][open]');
    await page.waitForSelector('#register-absence-reason');
    // Scan once the dialog's opening animation is over (mid-fade the contrast is not final).
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid="register-absence-dialog"]')?.getAnimations({ subtree: true }) ?? []).every((a) => a.playState === 'finished'),
    );
    expect(await attendance.scan()).toEqual([]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-testid="register-absence-dialog"][open]'));
  });
});
