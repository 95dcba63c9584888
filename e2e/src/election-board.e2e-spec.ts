import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'puppeteer-core';
import { ApiSession } from './api-session.js';
import { launchBrowser } from './browser.js';
import { addDays, osloDate } from './election-dates.js';
import { AppPage } from './pages/app-page.js';
import { CounterPage } from './pages/counter-page.js';
import { LoginPage } from './pages/login-page.js';
import { syntheticPersonalNumbers } from './synthetic.js';

interface RollReport {
  jobId: string | null;
  state: 'queued' | 'running' | 'completed' | 'failed';
  imported: number;
}
interface PlaceCounts {
  total: number;
  hours: { hour: number; count: number }[];
}

const ROLL_HEADER = 'fodselsnummer;fornavn;etternavn;fodselsdato;adresse;kommunenummer;krets';
const today = osloDate();

const pdfText = (pdf: Buffer): string => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'e2e-board-')), 'r.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

/**
 * The election board's side of advance voting and the clerk's start: an envelope received from
 * another municipality registered on the election's page by keyboard; the board's record
 * downloaded and its counts read back against the figures; the clerk signing in lands on the
 * counter and sees the place's count per hour. Every page is scanned with axe.
 */
describe("the election board's record and the clerk's screen", () => {
  let browser: Browser;
  let page: Page;
  let electionId: string;
  let placeId: string;
  const [own, other, spare] = syntheticPersonalNumbers(3, 9400);
  const name = `Folkeavstemning om kommunesammenslåing (e2e ${today} ${Date.now().toString(36)})`;
  const serial = `R-${Date.now().toString(36)}`;

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
    placeId = (
      await organiser.json<{ id: string }>('POST', `/api/elections/${electionId}/places`, {
        name: 'Biblioteket e2e',
        openingHours: [today, addDays(today, 1)].map((date) => ({ date, from: '00:00', to: '23:59' })),
        staff: ['valgmedarbeider'],
      })
    ).id;
    const roll = [
      ROLL_HEADER,
      `${own!.personalNumber};Nora;Nordmann;${own!.birthDate};Storgata 1;9901;0001 Sentrum`,
      `${other!.personalNumber};Ola;Student;${other!.birthDate};Universitetsgata 2;0301;0301 Sentrum`,
      `${spare!.personalNumber};Kari;Hytteeier;${spare!.birthDate};Fjellveien 9;9901;0002 Nord`,
    ].join('\n');
    let job = await organiser.csv<RollReport>(`/api/elections/${electionId}/roll`, `${roll}\n`);
    for (let i = 0; i < 60 && (job.state === 'queued' || job.state === 'running'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      job = await organiser.json<RollReport>('GET', `/api/elections/${electionId}/roll/jobs/${job.jobId}`);
    }
    expect(job).toMatchObject({ state: 'completed', imported: 3 });
    const clerk = await ApiSession.signIn('valgmedarbeider', 'demo1234');
    for (const p of [own!, other!]) {
      await clerk.json('POST', `/api/elections/${electionId}/votes`, {
        personalNumber: p.personalNumber,
        votingPlaceId: placeId,
        identityChecked: true,
        envelopeSerial: p === other ? 'K-1' : null,
        idempotencyKey: randomUUID(),
      });
    }

    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 768 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('registers an envelope received from another municipality, by keyboard', async () => {
    const login = new LoginPage(page);
    await login.open();
    await login.login('valgstyre', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');
    const app = new AppPage(page);
    await app.goto(`/valg/${electionId}`);
    await page.waitForSelector('[data-testid="received-form"]');
    expect(await app.scan()).toEqual([]);

    // Submitting empty shows what is missing at the fields.
    await page.focus('#received-number');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="received-errors"]');
    expect(await app.scan()).toEqual([]);

    await page.focus('#received-number');
    await page.keyboard.type('0301');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Oslo');
    await page.keyboard.press('Tab');
    await page.keyboard.type(serial);
    await page.keyboard.press('Tab');
    await page.keyboard.type(spare!.personalNumber);
    await page.keyboard.press('Enter');
    const done = await page.waitForSelector('[data-testid="received-done"]');
    expect(await done!.evaluate((e) => e.textContent ?? '')).toContain(
      `Konvolutt ${serial} fra Oslo er registrert.`,
    );
    await page.waitForFunction(
      (s) =>
        [...document.querySelectorAll('[data-testid="received-row"]')].some((r) =>
          r.textContent?.includes(s),
        ),
      {},
      serial,
    );
    expect(await app.scan()).toEqual([]);
  });

  it('gives the board its record as PDF, with the counts of the figures and the envelope', async () => {
    const href = await page.$eval('[data-testid="board-record-link"]', (a) =>
      (a as HTMLAnchorElement).getAttribute('href'),
    );
    expect(href).toBe(`/api/elections/${electionId}/board-record.pdf`);
    const board = await ApiSession.signIn('valgstyre', 'demo1234');
    const pdf = await board.bytes(href!);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(pdf.body);
    expect(text.replace(/\s+/g, ' ')).toContain(`Valgstyrets protokoll for forhåndsstemmer – ${name}`);
    const report = await board.json<{
      days: { received: number; approved: number; rejected: number; cancelled: number }[];
    }>('GET', `/api/elections/${electionId}/report`);
    const sum = (k: 'received' | 'approved' | 'rejected' | 'cancelled') =>
      report.days.reduce((s, d) => s + d[k], 0);
    const all = sum('received') + sum('approved') + sum('rejected') + sum('cancelled');
    expect(all).toBe(2);
    const line = new RegExp(
      `^\\s*Mottatt i alt\\s+${all}\\s+${sum('approved')}\\s+${sum('rejected')}\\s+${sum('cancelled')}\\s+${sum('received')}\\s*$`,
      'm',
    );
    expect(text).toMatch(line);
    expect(text).toMatch(new RegExp(`^\\s*Biblioteket e2e\\s+2\\s+1\\s+0\\s+0\\s+1\\s*$`, 'm'));
    expect(text).toMatch(new RegExp(`^\\s*${serial}\\s+0301 Oslo\\s+.*I tide\\s+Mottatt\\s*$`, 'm'));
    await new AppPage(page).logout();
  });

  it('lands the clerk on the counter after signing in, with the place’s count per hour', async () => {
    const login = new LoginPage(page);
    await login.open();
    await login.login('valgmedarbeider', 'demo1234');
    await page.waitForFunction(() => location.pathname === '/valg/skranke');
    const counter = new CounterPage(page);
    await counter.waitForHeading();
    await page.waitForSelector('[data-testid="counter-setup"] select, #voter-search');
    if (await page.$('#counter-election')) await counter.choose(electionId, placeId);
    else {
      await page.click('[data-testid="counter-change"]');
      await counter.choose(electionId, placeId);
    }
    expect(await counter.waitForTodayCount('2')).toBe('2');
    const clerk = await ApiSession.signIn('valgmedarbeider', 'demo1234');
    const counts = await clerk.json<PlaceCounts>(
      'GET',
      `/api/elections/${electionId}/places/${placeId}/counts?date=${today}`,
    );
    expect(counts.total).toBe(2);
    await page.waitForSelector('[data-testid="hourly-row"]');
    const rows = await page.$$eval('[data-testid="hourly-row"]', (trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '').join(' ')),
    );
    const pad = (h: number) => String(h).padStart(2, '0');
    expect(rows).toEqual(counts.hours.map((h) => `${pad(h.hour)}–${pad((h.hour + 1) % 24)} ${h.count}`));
    expect(await counter.scan()).toEqual([]);
  });
});
