import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'puppeteer-core';
import { ApiSession } from './api-session.js';
import { launchBrowser } from './browser.js';
import { addDays, osloDate } from './election-dates.js';
import { LoginPage } from './pages/login-page.js';
import { WeddingsSetupPage } from './pages/weddings-setup-page.js';

/** Generated letters for this run's names: nobody real is meant. */
const tag = () =>
  [...randomBytes(6)].map((b) => 'bcdfghjklmnprstv'[b % 16]).join('').replace(/^./, (c) => c.toUpperCase());

/**
 * The staff's setup of civil weddings by keyboard only: a new place (after a refused empty
 * submit, with focus on the error summary) and a recurring time at it, previewed in words; the
 * new times on the public booking page; then a couple changes their guest count behind their
 * private link (over the capacity first, refused at the field). axe at 1366 and 360 px.
 */
describe('weddings setup: a place and its times, the public slots, the couple changes the guests', () => {
  let browser: Browser;
  let staffPage: Page;
  let couplePage: Page;
  let staff: ApiSession;
  const run = tag();
  const placeName = `${run}salen`;
  let placeId: string;

  beforeAll(async () => {
    staff = await ApiSession.signIn('vigsel', 'demo1234');
    browser = await launchBrowser();
    staffPage = await browser.newPage();
    await staffPage.setViewport({ width: 1366, height: 900 });
    couplePage = await (await browser.createBrowserContext()).newPage();
    await couplePage.setViewport({ width: 360, height: 780, isMobile: true, hasTouch: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the staff add a place by keyboard', async () => {
    const login = new LoginPage(staffPage);
    await login.open();
    await login.login('vigsel', 'demo1234');
    const app = new WeddingsSetupPage(staffPage);
    await app.goto('/vigsler');
    await app.waitForHeading('Vigsler');
    await app.tabTo('[data-testid="setup-link"]');
    await staffPage.keyboard.press('Enter');
    expect(await app.waitForHeading('Vigselssteder')).toBe('Vigselssteder');
    await staffPage.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await app.scan()).toEqual([]);

    // Nothing typed: the error summary gets focus, its links name the fields.
    await app.tabTo('[data-testid="place-save"]');
    await staffPage.keyboard.press('Enter');
    await app.focusOnErrorSummary();
    expect(await app.textOf('[data-testid="place-errors"]')).toContain('Skriv navnet på stedet.');
    expect(await app.scan()).toEqual([]);

    await app.typeText('#place-name', placeName);
    await app.typeText('#place-capacity', '25');
    await app.typeText('#place-accessibility', 'Trinnfri inngang');
    await app.tabTo('[data-testid="place-save"]');
    await staffPage.keyboard.press('Enter');
    expect(await app.waitForStatus(placeName)).toContain(`${placeName} er lagt til.`);
    expect(await staffPage.$('#place-errors .ds-error-summary')).toBeNull();
    expect(await app.textOf('[data-testid="places-table"]')).toContain(placeName);
    expect(await app.scan()).toEqual([]);
    placeId = (await staff.json<{ items: { id: string; name: string }[] }>('GET', '/api/weddings/places')).items.find((p) => p.name === placeName)!.id;
  });

  it('the staff add a recurring time with its preview, axe clean at 1366 and 360 px', async () => {
    const app = new WeddingsSetupPage(staffPage);
    await app.openArea('tider', 'Ledige tider');
    await app.chooseOption('#rule-place', placeId);
    // The defaults: Fridays 10:00–14:00, 30 minutes, 15 between, from today.
    expect(await app.textOf('[data-testid="rule-preview"]')).toContain('Fredager 10:00–14:00, 30 min, 15 min mellom');
    expect(await app.textOf('[data-testid="rule-preview"]')).toContain('10:00, 10:45, 11:30, 12:15, 13:00');
    await app.typeText('#rule-slot', '45');
    expect(await app.textOf('[data-testid="rule-preview"]')).toContain('Fredager 10:00–14:00, 45 min, 15 min mellom');
    await app.tabTo('[data-testid="rule-save"]');
    await staffPage.keyboard.press('Enter');
    expect(await app.waitForStatus(placeName)).toContain(`Lagt til: Fredager 10:00–14:00, 45 min, 15 min mellom på ${placeName}.`);
    expect(await app.scan()).toEqual([]);
    await staffPage.setViewport({ width: 360, height: 780, isMobile: true, hasTouch: true });
    expect(await app.scan()).toEqual([]);
    const sideways = await staffPage.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(sideways).toBe(false);
  });

  it('the new times are offered on the public booking page', async () => {
    const app = new WeddingsSetupPage(couplePage);
    await app.goto('/vigsel');
    await app.waitForHeading('Bestill borgerlig vigsel');
    await app.choosePlace(placeId);
    const first = await app.firstSlotText();
    expect(first).toContain('10:00');
    expect(first).toContain(placeName);
    expect(await app.scan()).toEqual([]);
  });

  it('the couple changes the guest count behind their link', async () => {
    // A booking at the new place, made through the public API.
    const today = osloDate();
    const slots = await new ApiSession().json<{ slots: { startsAt: string }[] }>(
      'GET',
      `/api/public/demo/weddings/slots?placeId=${placeId}&from=${addDays(today, 1)}&to=${addDays(today, 120)}`,
    );
    const publicApi = new ApiSession();
    const hold = await publicApi.json<{ holdId: string; holdToken: string }>('POST', '/api/public/demo/weddings/holds', { placeId, startsAt: slots.slots[0]!.startsAt });
    const created = await publicApi.json<{ reference: string; manageToken: string }>('POST', '/api/public/demo/weddings/bookings', {
      holdId: hold.holdId,
      holdToken: hold.holdToken,
      parties: [
        { name: `Ragna ${run}li`, birthDate: '1990-03-12', email: `ragna.${run.toLowerCase()}@epost.example`, phone: '91234567', residence: 'municipality' },
        { name: `Eilif ${run}haug`, birthDate: '1987-08-30', email: `eilif.${run.toLowerCase()}@epost.example`, phone: '+47 912 34 568', residence: 'abroad' },
      ],
      witnesses: [
        { name: `Signe ${run}rud`, birthDate: '1972-05-01' },
        { name: `Arne ${run}mo`, birthDate: '1968-11-20' },
      ],
      ceremonyLanguage: 'nb',
      guests: 10,
      certificateIssuedOn: today,
      locale: 'nb',
    });

    const app = new WeddingsSetupPage(couplePage);
    await app.goto(`/vigsel/${created.reference}?token=${encodeURIComponent(created.manageToken)}`);
    await app.waitForHeading();
    await couplePage.waitForSelector('[data-testid="manage-edit"]');
    expect(await app.scan()).toEqual([]);
    await app.tabTo('[data-testid="manage-edit"]');
    await couplePage.keyboard.press('Enter');
    await couplePage.waitForFunction(() => document.activeElement?.id === 'party-0-email');
    expect(await app.scan()).toEqual([]);

    // Over the place's capacity (25): refused at the field, focus on the summary.
    await app.typeText('#guests', '26');
    await app.tabTo('[data-testid="edit-save"]');
    await couplePage.keyboard.press('Enter');
    await app.focusOnErrorSummary();
    expect(await app.textOf('#guests-error')).toContain('25');
    expect(await app.scan()).toEqual([]);

    await app.typeText('#guests', '7');
    const [response] = await Promise.all([
      couplePage.waitForResponse((r) => r.url().includes(`/manage/${created.reference}`) && r.request().method() === 'PUT'),
      (async () => {
        await app.tabTo('[data-testid="edit-save"]');
        await couplePage.keyboard.press('Enter');
      })(),
    ]);
    expect(response.status()).toBe(200);
    await couplePage.waitForSelector('[data-testid="manage-saved"]');
    await couplePage.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await app.scan()).toEqual([]);
    const booking = (await staff.json<{ items: { reference: string; guests: number }[] }>('GET', `/api/weddings/bookings?from=${today}&to=${addDays(today, 365)}`)).items.find(
      (b) => b.reference === created.reference,
    )!;
    expect(booking.guests).toBe(7);
  });
});
