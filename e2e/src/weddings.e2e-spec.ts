import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { ApiSession } from './api-session.js';
import { launchBrowser } from './browser.js';
import { addDays, osloDate } from './election-dates.js';
import { linkIn, waitForMail } from './mailbox.js';
import { LoginPage } from './pages/login-page.js';
import { type WeddingForm, WeddingsPage } from './pages/weddings-page.js';

interface StaffBooking {
  id: string;
  reference: string;
  status: string;
  startsAt: string;
  parties: { name: string; email: string }[];
  officiant: { id: string; name: string } | null;
  cancelReason: string | null;
}

/** Generated letters for this run's names and addresses: nobody real is meant. */
const tag = () =>
  [...randomBytes(6)].map((b) => 'bcdfghjklmnprstv'[b % 16]).join('').replace(/^./, (c) => c.toUpperCase());

/** The same calendar day `years` earlier (29 February in a year without one: 28 February). */
function yearsBefore(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - years, m, 0)).getUTCDate();
  return `${String(y - years)}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function formFor(weddingDay: string, run: string, witness2Birth = yearsBefore(weddingDay, 18)): WeddingForm {
  const phone = () => `9${String(randomBytes(3).readUIntBE(0, 3) % 10_000_000).padStart(7, '0')}`;
  return {
    parties: [
      { name: `Sunniva ${run}dal`, birthDate: '1991-04-17', email: `sunniva.${run.toLowerCase()}@epost.example`, phone: phone(), residence: 0 },
      { name: `Torvald ${run}berg`, birthDate: '1989-10-03', email: `torvald.${run.toLowerCase()}@epost.example`, phone: `+47 ${phone()}`, residence: 1 },
    ],
    // The first witness long of age; the second turns 18 on the wedding day (the birthday counts).
    witnesses: [
      { name: `Ingeborg ${run}vik`, birthDate: '1970-02-11' },
      { name: `Halvard ${run}stad`, birthDate: witness2Birth },
    ],
    // «Velg språk», Bokmål, Nynorsk.
    languageSteps: 2,
    guests: 12,
    certificateIssuedOn: addDays(osloDate(), -3),
  };
}

/**
 * Civil weddings: a couple books on a phone by keyboard only, a witness under 18 is refused at
 * the field, the confirmation e-mail arrives, the service centre assigns an officiant, and the
 * couple cancels through their private link. Every page and state is scanned with axe.
 */
describe('weddings: book, confirm, assign an officiant, cancel', () => {
  let browser: Browser;
  let couple: Page;
  let staffContext: BrowserContext;
  let staff: ApiSession;
  const run = tag();
  let form: WeddingForm;
  let reference: string;
  let manageLink: string;

  const today = osloDate();
  const bookings = async () =>
    (await staff.json<{ items: StaffBooking[] }>('GET', `/api/weddings/bookings?from=${today}&to=${addDays(today, 365)}`)).items;
  const booked = async () => (await bookings()).find((b) => b.reference === reference)!;

  beforeAll(async () => {
    staff = await ApiSession.signIn('vigsel', 'demo1234');
    browser = await launchBrowser();
    couple = await browser.newPage();
    await couple.setViewport({ width: 360, height: 780, isMobile: true, hasTouch: true });
    staffContext = await browser.createBrowserContext();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a couple books on a phone with the keyboard only', async () => {
    const app = new WeddingsPage(couple);
    await app.goto('/vigsel');
    expect(await app.waitForHeading()).toBe('Bestill borgerlig vigsel');
    await couple.waitForSelector('input[name="wedding-place"]');
    expect(await app.scan()).toEqual([]);

    const place = await app.chooseFirstPlace();
    expect(await app.scan()).toEqual([]);
    const startsAt = await app.holdFirstFreeSlot();
    expect(await app.textOf('[data-testid="hold"]')).toContain(place);
    expect(await app.scan()).toEqual([]);

    form = formFor(osloDate(new Date(startsAt)), run);
    await app.fill(form);
    expect(await app.scan()).toEqual([]);
    const [response] = await Promise.all([
      couple.waitForResponse((r) => r.url().endsWith('/weddings/bookings') && r.request().method() === 'POST'),
      app.submit(),
    ]);
    expect(response.status()).toBe(201);

    expect(await app.waitForHeading('Vigselen er bestilt')).toBe('Vigselen er bestilt');
    reference = await app.textOf('[data-testid="booking-reference"]');
    expect(reference).toMatch(/^V-\d{4}-\d{4,}$/);
    expect(await app.textOf('[data-testid="receipt"]')).toContain(reference);
    expect(await app.textOf('[data-testid="booking-status"]')).toBe('Bestilt');
    expect(await app.textOf('[data-testid="booking-facts"]')).toContain(form.parties[0].name);
    manageLink = await couple.$eval('[data-testid="manage-link"]', (i) => (i as HTMLInputElement).value);
    expect(manageLink).toMatch(new RegExp(`/vigsel/${reference}\\?token=[A-Za-z0-9_-]+$`));
    expect(await couple.$eval('[data-testid="open-manage"]', (a) => (a as HTMLAnchorElement).href)).toBe(manageLink);
    expect(await couple.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await app.scan()).toEqual([]);

    const stored = await booked();
    expect(stored.status).toBe('booked');
    expect(Date.parse(stored.startsAt)).toBe(Date.parse(startsAt));
    expect(stored.parties.map((p) => p.name)).toEqual(form.parties.map((p) => p.name));
  });

  it('a witness under 18 on the day is refused at the field, and nothing is booked', async () => {
    const before = await bookings();
    const app = new WeddingsPage(couple);
    await app.goto('/vigsel');
    await app.chooseFirstPlace();
    const startsAt = await app.holdFirstFreeSlot();
    const day = osloDate(new Date(startsAt));
    const bad = formFor(day, tag(), addDays(yearsBefore(day, 18), 1));
    const posted: string[] = [];
    couple.on('request', (r) => {
      if (r.url().endsWith('/weddings/bookings') && r.method() === 'POST') posted.push(r.url());
    });
    await app.fill(bad);
    await app.submit();

    await couple.waitForSelector('[data-testid="booking-errors"]');
    const message = 'Vitne 2 må være fylt 18 år på vigselsdagen. Velg et annet vitne.';
    expect(await app.textOf('#witness-1-birth-error')).toBe(message);
    expect(await couple.$$eval('[data-testid="booking-errors"] li', (lis) => lis.map((li) => li.textContent?.trim()))).toEqual([message]);
    expect(await couple.$eval('[data-testid="booking-errors"] a', (a) => a.getAttribute('href'))).toBe('#witness-1-birth');
    expect(await couple.$eval('#witness-1-birth', (i) => [i.getAttribute('aria-invalid'), i.getAttribute('aria-describedby')])).toEqual([
      'true',
      expect.stringContaining('witness-1-birth-error'),
    ]);
    expect(new URL(couple.url()).pathname).toBe('/vigsel');
    expect(await app.scan()).toEqual([]);

    // The summary's link takes focus to the field (Enter on the link).
    await app.tabTo('[data-testid="booking-errors"] a', 400);
    await couple.keyboard.press('Enter');
    await couple.waitForFunction(() => document.activeElement?.id === 'witness-1-birth');

    expect(posted).toEqual([]);
    const after = await bookings();
    expect(after.map((b) => b.id)).toEqual(before.map((b) => b.id));
    expect(after.filter((b) => b.parties.some((p) => bad.parties.some((q) => q.name === p.name)))).toEqual([]);
  });

  it("the confirmation e-mail reaches both parties' addresses with the reference and the calendar file", async () => {
    for (const party of form.parties) {
      const mail = await waitForMail({ to: party.email, subject: new RegExp(`Vigsel bestilt – ${reference}$`) }, 45_000);
      expect(mail.text).toContain(reference);
      expect(linkIn(mail, new RegExp(`https?://\\S+/vigsel/${reference}\\?token=[A-Za-z0-9_-]+`))).not.toBe(manageLink);
      expect(mail.attachments).toEqual([
        expect.objectContaining({ filename: `vigsel-${reference}.pdf`, contentType: 'application/pdf' }),
        expect.objectContaining({ filename: `vigsel-${reference}.ics`, contentType: 'text/calendar' }),
      ]);
    }
  });

  it('the service centre sees the booking and assigns an officiant', async () => {
    const page = await staffContext.newPage();
    await page.setViewport({ width: 1366, height: 900 });
    const login = new LoginPage(page);
    await login.open();
    await login.login('vigsel', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');
    const app = new WeddingsPage(page);
    await app.goto('/vigsler');
    expect(await app.waitForHeading()).toBe('Vigsler');
    const row = `[data-testid="booking-${reference}"]`;
    await page.waitForSelector(row);
    const text = await app.textOf(row);
    expect(text).toContain(form.parties[0].name);
    expect(text).toContain(form.parties[1].name);
    expect(await app.textOf(`${row} [data-testid="officiant"]`)).toBe('Ikke tildelt');
    expect(await app.textOf(`${row} [data-testid="status"]`)).toBe('Bestilt');
    expect(await app.scan()).toEqual([]);

    const officiants = (await staff.json<{ items: { id: string; name: string; kind: string; active: boolean }[] }>('GET', '/api/weddings/officiants')).items;
    const deputy = officiants.find((o) => o.kind === 'deputy_mayor' && o.active)!;
    expect(deputy).toBeDefined();

    await page.focus(`${row} [data-testid="assign"]`);
    await page.keyboard.press('Enter');
    await app.dialogSettled('assign-dialog');
    expect(await app.textOf('[data-testid="assign-dialog"] h2')).toMatch(/^Vigsler for /);
    expect(await app.scan()).toEqual([]);
    await page.select('#assign-officiant', deputy.id);
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/officiant') && r.request().method() === 'PUT' && r.status() === 200),
      page.click('[data-testid="assign-dialog-confirm"]'),
    ]);
    await page.waitForFunction(() => !document.querySelector('[data-testid="assign-dialog"][open]'));
    await page.waitForFunction(
      (sel, name) => document.querySelector(`${sel} [data-testid="officiant"]`)?.textContent?.trim() === name,
      {},
      row,
      deputy.name,
    );
    expect(await app.textOf('[data-testid="staff-status"]')).not.toBe('');
    expect(await app.scan()).toEqual([]);

    expect((await booked()).officiant).toEqual({ id: deputy.id, name: deputy.name });
    await page.close();
  });

  it('the couple cancels through the private link', async () => {
    const app = new WeddingsPage(couple);
    const url = new URL(manageLink);
    await app.goto(`${url.pathname}${url.search}`);
    expect(await app.waitForHeading()).toBe(`Vigsel ${reference}`);
    await couple.waitForFunction(() => document.querySelector('[data-testid="booking-status"]')?.textContent?.trim() === 'Bestilt');
    await couple.waitForSelector('[data-testid="manage-cancel"]');
    expect(await app.scan()).toEqual([]);

    await app.tabTo('[data-testid="manage-cancel"]');
    await couple.keyboard.press('Enter');
    await app.dialogSettled('manage-cancel-dialog');
    expect(await app.textOf('[data-testid="manage-cancel-dialog"] h2')).toBe('Avlyse vigselen?');
    expect(await app.scan()).toEqual([]);
    await app.tabTo('#manage-reason');
    await couple.keyboard.type('Vi har flyttet bryllupet til neste år.');
    await app.tabTo('[data-testid="manage-cancel-dialog-confirm"]');
    await Promise.all([
      couple.waitForResponse((r) => r.url().includes(`/manage/${reference}`) && r.request().method() === 'DELETE' && r.status() === 200),
      couple.keyboard.press('Enter'),
    ]);
    await couple.waitForFunction(() => document.querySelector('[data-testid="booking-status"]')?.textContent?.trim() === 'Avlyst');
    expect(await app.textOf('[data-testid="manage-status"]')).toContain('Vigselen er avlyst');
    expect(await couple.$('[data-testid="manage-cancel"]')).toBeNull();
    expect(await couple.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await app.scan()).toEqual([]);

    expect(await booked()).toMatchObject({ status: 'cancelled', cancelReason: 'Vi har flyttet bryllupet til neste år.' });
  });
});
