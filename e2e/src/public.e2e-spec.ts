import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomInt } from 'node:crypto';
import type { Browser, Page } from 'puppeteer-core';
import { ApiSession } from './api-session.js';
import { BASE_URL, launchBrowser } from './browser.js';
import { PublicCalendarPage } from './pages/public-calendar-page.js';

/**
 * The politisk møtekalender as a citizen meets it, without login: the secretariat publishes a
 * meeting with an open case and a closed one; the public sees the notice but never the closed
 * item's title or text, and a planned meeting not at all. Every page is scanned with axe.
 */
describe('the public meeting calendar', () => {
  let browser: Browser;
  let page: Page;
  let calendar: PublicCalendarPage;
  const run = randomInt(100000, 999999);
  const SECRET = `Hemmeligordet${run}`;
  const OPEN_WORD = `Fjellbekkparken${run}`;
  const PLANNED_WORD = `Planlagtmøte${run}`;
  const year = new Date().getFullYear() + 1;
  let meetingId: string;
  let plannedId: string;
  let openItemId: string;
  let closedNumber: string;

  beforeAll(async () => {
    const api = await ApiSession.signIn('sekretariat', 'demo1234');
    const bodies = await api.json<{ items: { id: string; kind: string }[] }>('GET', '/api/bodies');
    const bodyId = bodies.items.find((b) => b.kind === 'kommunestyre')!.id;
    const createCase = (n: number, extra: object) =>
      api.json<{ id: string }>('POST', '/api/cases', {
        archiveReference: `${year}/${run % 10000}${n}`,
        caseOfficer: 'Kari Saksbehandler',
        ...extra,
      });
    const meeting = await api.json<{ id: string }>('POST', `/api/bodies/${bodyId}/meetings`, {
      startsAt: `${year}-02-11T18:00:00+01:00`,
      endsAt: `${year}-02-11T22:00:00+01:00`,
      place: 'Rådhuset, kommunestyresalen',
      videoUrl: 'https://video.example/kommunestyret',
    });
    meetingId = meeting.id;
    const open = await createCase(1, {
      title: `Ny park i ${OPEN_WORD}`,
      summary: `Kommunedirektøren foreslår en ny park i ${OPEN_WORD}.`,
      background: 'Området er i dag en grusplass.',
      assessment: 'Parken gir et bedre nærmiljø.',
      recommendation: 'Kommunestyret vedtar planen for parken.',
    });
    const closed = await createCase(2, {
      title: `Tilsetting ${SECRET}`,
      summary: `Søkeren ${SECRET} er best kvalifisert.`,
      public: false,
      legalGround: 'koml11-5-2b',
    });
    openItemId = (await api.json<{ id: string }>('POST', `/api/meetings/${meetingId}/items`, { caseId: open.id })).id;
    closedNumber = (await api.json<{ number: string }>('POST', `/api/meetings/${meetingId}/items`, { caseId: closed.id })).number;
    await api.json('POST', `/api/meetings/${meetingId}/publish`);

    const planned = await api.json<{ id: string }>('POST', `/api/bodies/${bodyId}/meetings`, {
      startsAt: `${year}-02-25T18:00:00+01:00`,
      place: 'Rådhuset',
    });
    plannedId = planned.id;
    const plannedCase = await createCase(3, { title: `Sak om ${PLANNED_WORD}` });
    await api.json('POST', `/api/meetings/${plannedId}/items`, { caseId: plannedCase.id });

    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    calendar = new PublicCalendarPage(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the published meeting in the calendar, and not the planned one', async () => {
    await calendar.open();
    expect(await calendar.currentUser()).toBeNull();
    const links = await calendar.meetingLinks();
    expect(links.map((l) => l.href)).toContain(`/motekalender/${meetingId}`);
    expect(links.map((l) => l.href)).not.toContain(`/motekalender/${plannedId}`);
    expect(links.find((l) => l.href === `/motekalender/${meetingId}`)?.text).toBe(
      `Kommunestyret, torsdag 11. februar ${year}`,
    );
    expect(await page.$eval('[data-testid="subscribe-link"]', (a) => a.getAttribute('href'))).toMatch(/^webcal:\/\/.+\/api\/public\/demo\/calendar\.ics$/);
    expect(await calendar.text()).not.toContain(SECRET);
    expect(await calendar.scan()).toEqual([]);
  });

  it('keeps an archive by year at an address that can be shared', async () => {
    await calendar.open();
    await page.focus('#calendar-period');
    await page.select('#calendar-period', String(year));
    await page.waitForFunction((y) => document.querySelector('#meetings-heading')?.textContent?.includes(`Møter i ${y}`), {}, year);
    await page.waitForSelector(`[data-testid="meeting-card"] a[href="/motekalender/${meetingId}"]`);
    expect(new URL(page.url()).searchParams.get('aar')).toBe(String(year));
    // The select keeps focus: changing the filter is not a navigation.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('calendar-period');
    expect(await calendar.scan()).toEqual([]);
    await calendar.goto(`/motekalender?aar=${year}`);
    await page.waitForSelector(`[data-testid="meeting-card"] a[href="/motekalender/${meetingId}"]`);
    expect(await page.$eval('#calendar-period', (s) => (s as HTMLSelectElement).value)).toBe(String(year));
  });

  it('shows the notice with the open item, and the closed one only as "Unntatt offentlighet" with its ground', async () => {
    await calendar.openMeeting(meetingId);
    expect(await calendar.waitForHeading()).toBe('Møte i Kommunestyret');
    const agenda = await calendar.agenda();
    const open = agenda.find((i) => i.link === `/motekalender/${meetingId}/sak/${openItemId}`);
    expect(open?.text).toContain(`Ny park i ${OPEN_WORD}`);
    const closed = agenda.find((i) => i.number === closedNumber);
    expect(closed?.text).toBe(`${closedNumber} Unntatt offentlighet Hjemmel: koml. § 11-5 annet ledd bokstav b`);
    expect(closed?.link).toBeNull();
    const text = await calendar.text();
    expect(text).toContain('18:00');
    expect(text).toContain('Rådhuset, kommunestyresalen');
    expect(text).not.toContain(SECRET);
    expect(await page.$eval('[data-testid="meeting-video"]', (a) => a.getAttribute('href'))).toBe(
      'https://video.example/kommunestyret',
    );
    expect(await calendar.scan()).toEqual([]);
  });

  it('gives the public the notice PDF and JSON without the secret', async () => {
    const href = await page.$eval('[data-testid="notice-pdf"]', (a) => a.getAttribute('href') ?? '');
    const pdf = await fetch(`${BASE_URL}${href}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const slug = href.split('/')[3];
    for (const path of [`meetings/${meetingId}`, 'meetings', `meetings?year=${year}`]) {
      const res = await fetch(`${BASE_URL}/api/public/${slug}/${path}`);
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain(PLANNED_WORD);
    }
    expect((await fetch(`${BASE_URL}/api/public/${slug}/meetings/${plannedId}`)).status).toBe(404);
  });

  it('opens the open case by keyboard, with the short summary first', async () => {
    await calendar.openMeeting(meetingId);
    const link = `/motekalender/${meetingId}/sak/${openItemId}`;
    // Tab until the case link has focus, then follow it with Enter.
    for (let i = 0; i < 60; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((href) => document.activeElement?.getAttribute('href') === href, link)) break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(link);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="saksframlegg"]');
    expect(await calendar.caseHeadings()).toEqual(['Kort sammendrag', 'Bakgrunn', 'Vurdering', 'Innstilling']);
    expect(await page.$eval('[data-testid="summary"] p', (p) => p.textContent?.trim())).toBe(
      `Kommunedirektøren foreslår en ny park i ${OPEN_WORD}.`,
    );
    expect(await calendar.text()).not.toContain(SECRET);
    expect(await calendar.scan()).toEqual([]);
  });

  it('finds the open case in search, and nothing of the closed or planned ones', async () => {
    await calendar.search(OPEN_WORD);
    expect(await calendar.hitTitles()).toEqual([`Ny park i ${OPEN_WORD}`]);
    expect(await page.$$eval('[data-testid="snippet"] mark', (ms) => ms.length)).toBeGreaterThan(0);
    expect(await calendar.scan()).toEqual([]);
    await calendar.search(SECRET);
    expect(await calendar.hitTitles()).toEqual([]);
    expect(await calendar.text()).toContain('0 treff');
    await calendar.search(PLANNED_WORD);
    expect(await calendar.hitTitles()).toEqual([]);
    expect(await calendar.scan()).toEqual([]);
  });

  it('does not show a planned meeting, even by its address', async () => {
    await calendar.goto(`/motekalender/${plannedId}`);
    await page.waitForSelector('[role="alert"]');
    expect(await calendar.text()).not.toContain(PLANNED_WORD);
    expect(await calendar.scan()).toEqual([]);
  });

  it('works at 360 px wide, from the home page link', async () => {
    await page.setViewport({ width: 360, height: 740 });
    await calendar.goto('/');
    await page.waitForSelector('[data-testid="calendar-link"]');
    await calendar.clickLink('Politisk møtekalender');
    await page.waitForSelector('[data-testid="meeting-count"]');
    expect(await calendar.fitsWidth()).toBe(true);
    expect(await calendar.scan()).toEqual([]);
    await calendar.openMeeting(meetingId);
    expect(await calendar.fitsWidth()).toBe(true);
    expect(await calendar.scan()).toEqual([]);
    await calendar.openItem(meetingId, openItemId);
    expect(await calendar.fitsWidth()).toBe(true);
    expect(await calendar.scan()).toEqual([]);
  });
});
