import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomInt } from 'node:crypto';
import type { Browser, Page } from 'puppeteer-core';
import { ApiSession } from './api-session.js';
import { launchBrowser } from './browser.js';
import { PublicCalendarPage } from './pages/public-calendar-page.js';

/**
 * Search that finds (issue 15), as a visitor: a Norwegian compound by a part inside it, a case
 * number and an archive reference leading to their case first, a filter kept in the address, and
 * the public case page with its path through bodies (saksgang) — at 1366 and 360 px, axe clean,
 * nothing of an exempt case.
 */
describe('search and the public case page', () => {
  let browser: Browser;
  let page: Page;
  let calendar: PublicCalendarPage;
  const run = randomInt(100000, 999999);
  const PLACE = `Vestvik${run}`;
  const TITLE = `Trafikksikkerhetsplan for ${PLACE}`;
  const SECRET = `Hemmeligsak${run}`;
  // A year of its own, so the case numbers are this spec's alone.
  const year = new Date().getFullYear() + 3;
  const yy = String(year % 100).padStart(2, '0');
  const archiveReference = `${yy}/${run % 10000}`;
  let caseId: string;
  let kommunestyreNumber: string;
  let formannskapId: string;

  beforeAll(async () => {
    const api = await ApiSession.signIn('sekretariat', 'demo1234');
    const bodies = await api.json<{ items: { id: string; kind: string }[] }>('GET', '/api/bodies');
    const kommunestyre = bodies.items.find((b) => b.kind === 'kommunestyre')!.id;
    formannskapId = bodies.items.find((b) => b.kind === 'formannskap')!.id;
    caseId = (
      await api.json<{ id: string }>('POST', '/api/cases', {
        archiveReference,
        title: TITLE,
        caseOfficer: 'Kari Saksbehandler',
        summary: `Planen prioriterer skoleveiene i ${PLACE}.`,
        recommendation: 'Planen vedtas.',
      })
    ).id;
    const secret = await api.json<{ id: string }>('POST', '/api/cases', {
      archiveReference: `${yy}/${(run % 10000) + 1}`,
      title: `Trafikksikkerhet ${SECRET}`,
      summary: `Klage fra ${SECRET} i ${PLACE}.`,
      public: false,
      legalGround: 'offl13-fvl13',
    });
    // The saksgang: the formannskap in March, the kommunestyre in April.
    for (const [bodyId, startsAt, caseIds] of [
      [formannskapId, `${year}-03-10T18:00:00+01:00`, [caseId]],
      [kommunestyre, `${year}-04-21T18:00:00+02:00`, [caseId, secret.id]],
    ] as const) {
      const meeting = await api.json<{ id: string }>('POST', `/api/bodies/${bodyId}/meetings`, { startsAt, place: 'Rådhuset' });
      for (const id of caseIds) {
        const item = await api.json<{ number: string }>('POST', `/api/meetings/${meeting.id}/items`, { caseId: id });
        if (bodyId === kommunestyre && id === caseId) kommunestyreNumber = item.number;
      }
      await api.json('POST', `/api/meetings/${meeting.id}/publish`);
    }

    browser = await launchBrowser();
    page = await browser.newPage();
    calendar = new PublicCalendarPage(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of [1366, 360]) {
    it(`finds the compound by a part inside it and the case by its number and reference, at ${width} px`, async () => {
      await page.setViewport({ width, height: width > 400 ? 900 : 780 });
      // "sikkerhet" inside "Trafikksikkerhetsplan"; the place by its beginning.
      await calendar.search(`sikkerhet ${PLACE.slice(0, -2)}`);
      expect(await calendar.hitTitles()).toEqual([TITLE]);
      expect(await calendar.text()).not.toContain(SECRET);
      expect(await page.$eval('[role="status"]', (e) => e.textContent ?? '')).toContain('1 treff');
      expect(await calendar.fitsWidth()).toBe(true);
      expect(await calendar.scan()).toEqual([]);

      for (const q of [kommunestyreNumber, kommunestyreNumber.toLowerCase().replace(`/${yy}`, `/${year}`), archiveReference, `${year}/${run % 10000}`]) {
        await calendar.search(q);
        expect({ q, first: (await calendar.hitTitles())[0] }).toEqual({ q, first: TITLE });
        expect(await calendar.text()).not.toContain(SECRET);
      }
      expect(await calendar.scan()).toEqual([]);
    });
  }

  it('narrows by body and keeps the filter in the address', async () => {
    await page.setViewport({ width: 1366, height: 900 });
    await calendar.search(`sikkerhet ${PLACE}`);
    await page.select('[data-testid="filter-body"]', formannskapId);
    await page.click('[data-testid="filter-apply"]');
    await page.waitForFunction((id) => location.search.includes(`organ=${id}`), {}, formannskapId);
    await page.waitForSelector('[data-testid="hit"]');
    expect(await calendar.hitTitles()).toEqual([TITLE]);
    // Reloaded from the address: the same filter, the same hits.
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector('[data-testid="hit"]');
    expect(await page.$eval('[data-testid="filter-body"]', (s) => (s as HTMLSelectElement).value)).toBe(formannskapId);
    expect(await calendar.hitTitles()).toEqual([TITLE]);
    expect(await calendar.scan()).toEqual([]);
  });

  for (const width of [1366, 360]) {
    it(`opens the case page from a hit: title as h1, reference, summary, saksgang, at ${width} px`, async () => {
      await page.setViewport({ width, height: width > 400 ? 900 : 780 });
      await calendar.search(archiveReference);
      await page.click('[data-testid="hit"] h3 a');
      await page.waitForSelector('[data-testid="case-steps"]');
      expect(await calendar.waitForHeading(TITLE)).toBe(TITLE);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      expect(await page.$eval('[data-testid="case-archive-reference"]', (e) => e.textContent?.trim())).toBe(archiveReference);
      expect(await calendar.text()).toContain(`Planen prioriterer skoleveiene i ${PLACE}.`);
      const steps = await page.$$eval('[data-testid="case-step"] h3', (hs) => hs.map((h) => h.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
      expect(steps).toHaveLength(2);
      expect(steps[0]).toMatch(/^Formannskapet/);
      expect(steps[1]).toMatch(/^Kommunestyret/);
      expect(await calendar.text()).toContain(kommunestyreNumber);
      expect(await calendar.text()).not.toContain(SECRET);
      expect(await calendar.fitsWidth()).toBe(true);
      expect(await calendar.scan()).toEqual([]);
    });
  }
});
