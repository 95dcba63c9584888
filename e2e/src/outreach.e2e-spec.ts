import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'puppeteer-core';
import { ApiSession } from './api-session.js';
import { launchBrowser } from './browser.js';
import { addDays, osloDate } from './election-dates.js';
import { waitForMail } from './mailbox.js';
import { AppPage } from './pages/app-page.js';
import { LoginPage } from './pages/login-page.js';
import { syntheticPersonalNumbers } from './synthetic.js';

interface RollReport {
  jobId: string | null;
  state: 'queued' | 'running' | 'completed' | 'failed';
}
interface Stop {
  position: number;
  outcome: string | null;
  applicationId: string;
}

const ROLL_HEADER = 'fodselsnummer;fornavn;etternavn;fodselsdato;adresse;kommunenummer;krets';
const today = osloDate();

/**
 * Outreach voting as the election office does it: staff register two home-voting applications
 * from phone calls and an institution session (the institution gets its e-mail), plan the day's
 * route, and an official marks the visits on a 360 px phone, one of them without network: the
 * mark waits in IndexedDB and is sent when the phone is online again, registering the vote once.
 * Every page visited is scanned with axe.
 */
describe('outreach voting', () => {
  let browser: Browser;
  let page: Page;
  let electionId: string;
  let staff: ApiSession;
  const [first, second, resident] = syntheticPersonalNumbers(3, 9500);
  const name = `Folkeavstemning om bibliotek (e2e ${today} ${Date.now().toString(36)})`;
  const contactEmail = `sykehjem-${Date.now().toString(36)}@fjordvik.example`;

  beforeAll(async () => {
    const organiser = await ApiSession.signIn('sekretariat', 'demo1234');
    const election = await organiser.json<{ id: string }>('POST', '/api/elections', {
      name,
      type: 'folkeavstemning',
      electionDay: addDays(today, 7),
      advanceFrom: addDays(today, -1),
      advanceTo: addDays(today, 2),
    });
    electionId = election.id;
    const roll = [
      ROLL_HEADER,
      `${first!.personalNumber};Eldbjørg;Heimstad;${first!.birthDate};Bakkevegen 3;9901;0001 Sentrum`,
      `${second!.personalNumber};Torleif;Heimstad;${second!.birthDate};Åsvegen 12;9901;0001 Sentrum`,
      `${resident!.personalNumber};Signe;Omsorg;${resident!.birthDate};Omsorgsvegen 1;9901;0001 Sentrum`,
    ].join('\n');
    let job = await organiser.csv<RollReport>(`/api/elections/${electionId}/roll`, `${roll}\n`);
    for (let i = 0; i < 60 && (job.state === 'queued' || job.state === 'running'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      job = await organiser.json<RollReport>('GET', `/api/elections/${electionId}/roll/jobs/${job.jobId}`);
    }
    expect(job.state).toBe('completed');
    // The deadline as late as the law allows, so that the test runs on any weekday.
    staff = await ApiSession.signIn('valgmedarbeider', 'demo1234');
    const settings = await staff.json<{ latest: string }>('GET', `/api/outreach/elections/${electionId}/settings`);
    await staff.json('PUT', `/api/outreach/elections/${electionId}/settings`, { deadlineDate: settings.latest });

    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const app = () => new AppPage(page);

  it('staff register two home-voting applications from phone calls and approve them', async () => {
    const login = new LoginPage(page);
    await login.open();
    await login.login('valgmedarbeider', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');
    await app().goto('/utekontakt');
    expect(await app().waitForHeading()).toBe('Ambulerende stemmegivning');
    await page.waitForSelector('#outreach-election');
    await page.select('#outreach-election', electionId);
    await page.waitForSelector('[data-testid="outreach-deadline"]');
    expect(await app().scan()).toEqual([]);

    const voters = [
      { pn: first!.personalNumber, name: 'Eldbjørg Heimstad', address: 'Bakkevegen 3', postcode: '9991', phone: '911 11 111', reason: 'Sengeliggende' },
      { pn: second!.personalNumber, name: 'Torleif Heimstad', address: 'Åsvegen 12', postcode: '9990', phone: '922 22 222', reason: 'Bruker rullestol' },
    ];
    for (const [i, v] of voters.entries()) {
      await app().setValue('#app-personalNumber', v.pn);
      await app().setValue('#app-name', v.name);
      await app().setValue('#app-address', v.address);
      await app().setValue('#app-postcode', v.postcode);
      await app().setValue('#app-phone', v.phone);
      await app().setValue('#app-reason', v.reason);
      await page.click('[data-testid="application-submit"]');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="applications-table"] tbody tr').length === n, {}, i + 1);
    }
    // Staff see the reason.
    expect(await page.$eval('[data-testid="applications-table"]', (t) => t.textContent)).toContain('Sengeliggende');
    for (let left = 2; left > 0; left--) {
      await page.click('[data-testid^="approve-"]');
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="approve-"]').length === n, {}, left - 1);
    }
    const statuses = await page.$$eval('[data-testid="application-status"]', (els) => els.map((e) => e.textContent?.trim()));
    expect(statuses).toEqual(['Godkjent', 'Godkjent']);
    expect(await app().scan()).toEqual([]);
  });

  it('staff register an institution and a session there; the institution gets the e-mail', async () => {
    await page.select('#inst-kind', 'care_home');
    await app().setValue('#inst-name', 'Heimstad omsorgssenter');
    await app().setValue('#inst-address', 'Omsorgsvegen 1');
    await app().setValue('#inst-postcode', '9990');
    await app().setValue('#inst-contactName', 'Kari Kontakt');
    await app().setValue('#inst-contactEmail', contactEmail);
    await app().setValue('#inst-contactPhone', '77 00 00 00');
    await page.click('[data-testid="institution-submit"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="institutions-list"]')?.textContent?.includes('Heimstad omsorgssenter'));
    const institutionId = await page.$$eval('#session-institution option', (opts) => opts.find((o) => o.textContent?.includes('Heimstad omsorgssenter'))?.getAttribute('value') ?? '');
    await page.select('#session-institution', institutionId);
    await app().setValue('#session-date', today);
    await app().setValue('#session-from', '08:00');
    await app().setValue('#session-to', '09:00');
    const officials = await page.$$eval('#session-official1 option', (opts) => opts.map((o) => ({ id: o.getAttribute('value') ?? '', name: o.textContent?.trim() ?? '' })));
    const vera = officials.find((o) => o.name === 'Vera Valgmedarbeider')!.id;
    const viktor = officials.find((o) => o.name === 'Viktor Valgmedarbeider')!.id;
    await page.select('#session-official1', vera);
    await page.select('#session-official2', viktor);
    await page.click('[data-testid="session-submit"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="sessions-list"]')?.textContent?.includes('Heimstad omsorgssenter'));
    const mail = await waitForMail({ to: contactEmail, subject: /Forhåndsstemming på Heimstad omsorgssenter/ }, 45_000);
    expect(mail.text).toContain('Vera Valgmedarbeider');
    expect(await app().scan()).toEqual([]);
    // An official of the session registers a resident's vote there: the counter's rules.
    await page.waitForSelector('[data-testid="session-vote-form"] input');
    await app().setValue('[data-testid="session-vote-form"] input', resident!.personalNumber);
    await page.click('[data-testid="session-vote-submit"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="session-vote-done"]')?.textContent?.includes('urnen'));
    expect(await app().scan()).toEqual([]);
    const board = await ApiSession.signIn('valgstyre', 'demo1234');
    const votes = await board.json<{ items: { status: string; kind: string }[] }>('GET', `/api/elections/${electionId}/votes/search?q=${resident!.personalNumber}`);
    expect(votes.items).toEqual([expect.objectContaining({ status: 'approved', kind: 'institution' })]);
  });

  it('staff plan the day’s route by area and change the order with the keyboard', async () => {
    await app().setValue('#plan-date', today);
    await page.click('[data-testid="plan-load"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="plan-stops"] li').length === 2);
    const order = () => page.$$eval('[data-testid="plan-stops"] li strong', (els) => els.map((e) => e.textContent?.trim()));
    // By postcode: 9990 before 9991.
    expect(await order()).toEqual(['1. Torleif Heimstad', '2. Eldbjørg Heimstad']);
    // Keyboard only: focus "move down" on the first and press Enter.
    await page.focus('[data-testid="plan-stops"] li:first-child button:nth-of-type(2)');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="plan-stops"] li strong')?.textContent?.includes('Eldbjørg'));
    expect(await order()).toEqual(['1. Eldbjørg Heimstad', '2. Torleif Heimstad']);
    await app().setValue('#plan-start', '09:00');
    const ids = await page.$$eval('#plan-official1 option', (opts) => opts.map((o) => ({ id: o.getAttribute('value') ?? '', name: o.textContent?.trim() ?? '' })));
    await page.select('#plan-official1', ids.find((o) => o.name === 'Vera Valgmedarbeider')!.id);
    await page.select('#plan-official2', ids.find((o) => o.name === 'Viktor Valgmedarbeider')!.id);
    expect(await app().scan()).toEqual([]);
    await page.click('[data-testid="plan-create"]');
    await page.waitForSelector('[data-testid="route-open"]');
    expect(await app().scan()).toEqual([]);
  });

  it('an official marks the visits on a 360 px phone, one of them offline, and the vote is registered once', async () => {
    const routeHref = await page.$eval('[data-testid="route-open"]', (a) => a.getAttribute('href') ?? '');
    const routeId = routeHref.split('/').pop()!;
    // A phone-sized, touch screen (Puppeteer reloads the page for it); the official opens the route's address.
    await page.setViewport({ width: 360, height: 740, isMobile: true, hasTouch: true });
    await app().goto(routeHref);
    await page.waitForSelector('[data-testid="stop-2"]');
    expect(await app().waitForHeading()).toBe('Rute for ambulerende stemmegivning');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await app().scan()).toEqual([]);

    await page.click('[data-testid="stop-1"] [data-testid="mark-voted"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="stop-1"] [data-testid="stop-outcome"]')?.textContent?.includes('registrert'));
    expect(await page.$eval('[data-testid="stop-1"]', (e) => e.textContent)).toContain('urnen');

    await page.setOfflineMode(true);
    await page.click('[data-testid="stop-2"] [data-testid="mark-voted"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="stop-2"] [data-testid="stop-outcome"]')?.textContent?.includes('lagret på telefonen'));
    await page.waitForFunction(() => document.querySelector('[data-testid="route-sync"]')?.textContent?.includes('Ingen nettforbindelse'));
    expect(await app().scan()).toEqual([]);
    const before = await staff.json<{ stops: Stop[] }>('GET', `/api/outreach/routes/${routeId}`);
    expect(before.stops.map((s) => s.outcome)).toEqual(['voted', null]);

    await page.setOfflineMode(false);
    await page.waitForFunction(() => document.querySelector('[data-testid="stop-2"] [data-testid="stop-outcome"]')?.textContent?.includes('registrert'), { timeout: 30_000 });
    const after = await staff.json<{ stops: Stop[] }>('GET', `/api/outreach/routes/${routeId}`);
    expect(after.stops.map((s) => s.outcome)).toEqual(['voted', 'voted']);
    const board = await ApiSession.signIn('valgstyre', 'demo1234');
    for (const voter of [first!, second!]) {
      const votes = await board.json<{ items: { status: string; kind: string }[] }>('GET', `/api/elections/${electionId}/votes/search?q=${voter.personalNumber}`);
      expect(votes.items).toEqual([expect.objectContaining({ status: 'approved', kind: 'home' })]);
    }
    // The board reads the applications without the reasons.
    const apps = await board.json<{ items: { status: string; reason: string | null }[] }>('GET', `/api/outreach/elections/${electionId}/applications`);
    expect(apps.items.map((a) => [a.status, a.reason])).toEqual([['voted', null], ['voted', null]]);
    expect(await app().scan()).toEqual([]);
  });

  it('the public form takes an application in the voter’s words and explains a refusal', async () => {
    await app().logout();
    await page.setViewport({ width: 360, height: 740, isMobile: true, hasTouch: true });
    await app().goto('/stemme-hjemme');
    expect(await app().waitForHeading()).toBe('Søk om å stemme hjemme');
    await page.waitForSelector('[data-testid="home-form"]');
    expect(await app().scan()).toEqual([]);
    await page.click('[data-testid="home-submit"]');
    await page.waitForSelector('[data-testid="home-errors"]');
    expect(await app().scan()).toEqual([]);
    const [outsider] = syntheticPersonalNumbers(1, 9700);
    await page.select('#home-election', electionId);
    await app().setValue('#home-personalNumber', outsider!.personalNumber);
    await app().setValue('#home-name', 'Ukjent Person');
    await app().setValue('#home-address', 'Ingensteds 1');
    await app().setValue('#home-postcode', '9990');
    await app().setValue('#home-phone', '933 33 333');
    await app().setValue('#home-reason', 'Brukket bein');
    await page.click('#home-consent');
    expect(await page.$eval('#home-consent', (c) => (c as HTMLInputElement).checked)).toBe(true);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/outreach/applications') && r.request().method() === 'POST'),
      page.click('[data-testid="home-submit"]'),
    ]);
    expect(answer.status()).toBe(422);
    await page.waitForFunction(() => document.querySelector('[data-testid="home-errors"]')?.textContent?.includes('manntallet'));
    expect(await app().scan()).toEqual([]);
  });
});
