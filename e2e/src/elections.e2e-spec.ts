import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { ApiSession } from './api-session.js';
import { launchBrowser } from './browser.js';
import { addDays, osloDate } from './election-dates.js';
import { AppPage } from './pages/app-page.js';
import { CounterPage } from './pages/counter-page.js';
import { ElectionsPage } from './pages/elections-page.js';
import { LoginPage } from './pages/login-page.js';
import { ReviewPage } from './pages/review-page.js';
import { syntheticPersonalNumbers } from './synthetic.js';

interface Election {
  id: string;
  name: string;
  advanceFrom: string;
  advanceTo: string;
  earlyFrom: string;
  earlyTo: string;
}
interface RollReport {
  jobId: string | null;
  state: 'queued' | 'running' | 'completed' | 'failed';
  imported: number;
  message: string;
}

const ROLL_HEADER = 'fodselsnummer;fornavn;etternavn;fodselsdato;adresse;kommunenummer;krets';
const OWN = '9901';
const OTHER = '0301';

const today = osloDate();
// A referendum the municipality runs itself may set its own advance voting period: around today.
const electionDay = addDays(today, 7);

/**
 * Advance voting at the counter, the way a temporary clerk does it: keyboard and barcode scanner
 * only. A voter is never turned away: one who has voted, or is not in the roll, votes in an
 * envelope that the election board decides on in its prøving. The election, its voting place and
 * a small roll are set up through the API; every page visited is scanned with axe and must have
 * no WCAG 2.1 A/AA violation.
 */
describe('advance voting at the counter', () => {
  let browser: Browser;
  let page: Page;
  let election: Election;
  let placeId: string;
  const [own, other, outside, spare] = syntheticPersonalNumbers(4, 9000);
  // Unique per run: the embedded database (.data/e2e) keeps earlier runs' elections.
  const name = `Folkeavstemning om skolestruktur (e2e ${today} ${Date.now().toString(36)})`;

  beforeAll(async () => {
    const organiser = await ApiSession.signIn('sekretariat', 'demo1234');
    election = await organiser.json<Election>('POST', '/api/elections', {
      name,
      type: 'folkeavstemning',
      electionDay,
      advanceFrom: addDays(today, -1),
      advanceTo: addDays(today, 2),
    });
    const place = await organiser.json<{ id: string }>('POST', `/api/elections/${election.id}/places`, {
      name: 'Servicetorget e2e',
      address: 'Rådhusplassen 1',
      // Today and tomorrow, so that a run just before midnight still finds the place open.
      openingHours: [today, addDays(today, 1)].map((date) => ({ date, from: '00:00', to: '23:59' })),
      staff: ['valgmedarbeider'],
    });
    placeId = place.id;

    const roll = [
      ROLL_HEADER,
      `${own!.personalNumber};Nora;Nordmann;${own!.birthDate};Storgata 1;${OWN};0001 Sentrum`,
      `${other!.personalNumber};Ola;Student;${other!.birthDate};Universitetsgata 2;${OTHER};0301 Sentrum`,
      `${spare!.personalNumber};Kari;Hytteeier;${spare!.birthDate};Fjellveien 9;${OTHER};0302 Nord`,
    ].join('\n');
    let job = await organiser.csv<RollReport>(`/api/elections/${election.id}/roll`, `${roll}\n`);
    for (let i = 0; i < 60 && (job.state === 'queued' || job.state === 'running'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      job = await organiser.json<RollReport>('GET', `/api/elections/${election.id}/roll/jobs/${job.jobId}`);
    }
    expect(job).toMatchObject({ state: 'completed', imported: 3 });

    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 768 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('gives the clerk the counter, with election and place chosen once', async () => {
    const login = new LoginPage(page);
    await login.open();
    await login.login('valgmedarbeider', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');

    const counter = new CounterPage(page);
    await counter.open();
    expect(await counter.scan()).toEqual([]);
    await counter.choose(election.id, placeId);
    expect(await counter.focusedId()).toBe('voter-search');
    expect(await page.$eval('[data-testid="counter-context"]', (e) => e.textContent)).toContain(
      'Servicetorget e2e',
    );
    expect(await counter.waitForTodayCount('0')).toBe('0');
    expect(await counter.scan()).toEqual([]);

    // The choice is remembered: the next visit starts in the search field.
    await counter.open();
    await counter.waitForFocus('voter-search');
  });

  it('shows own voters, other municipalities’ voters and unknown numbers unmistakably', async () => {
    const counter = new CounterPage(page);
    expect(await counter.lookUp(own!.personalNumber)).toBe('own');
    expect(await counter.resultText()).toContain('Kan stemme – egen kommune: legg stemmeseddelen i urnen');
    expect(await counter.resultText()).toContain('Nora Nordmann');
    expect(await page.$('[data-testid="can-vote"]')).not.toBeNull();
    expect(await counter.nextStep()).toBe('ballot_box');
    expect(await counter.focusedId()).toBe('identity-checked');
    expect(await counter.scan()).toEqual([]);

    expect(await counter.lookUp(other!.personalNumber, { scanner: true })).toBe('other');
    expect(await counter.resultText()).toContain(`Annen kommune (${OTHER}): bruk omslagskonvolutt`);
    expect(await page.$('[data-testid="other-municipality"]')).not.toBeNull();
    expect(await counter.nextStep()).toBe('envelope');
    expect(await counter.envelopeNote()).toBe('«Velger i annen kommune: send til kommunen»');
    expect(await counter.scan()).toEqual([]);

    // Not in the roll is no dead end: the vote is taken in an envelope for the board.
    expect(await counter.lookUp(outside!.personalNumber, { scanner: true })).toBe('notInRoll');
    expect(await page.$('[data-testid="not-in-roll"]')).not.toBeNull();
    expect(await counter.resultText()).toContain('Ikke i manntallet');
    expect(await counter.resultText()).toContain('Ta imot i omslagskonvolutt');
    expect(await counter.envelopeNote()).toBe('«Ikke funnet i manntallet»');
    expect(await counter.focusedId()).toBe('voter-search');
    expect(await counter.scan()).toEqual([]);
  });

  it('registers the own voter and the other municipality’s voter, once each', async () => {
    const counter = new CounterPage(page);
    expect(await counter.lookUp(own!.personalNumber)).toBe('own');
    expect(await counter.register()).toContain('Godkjent: Nora Nordmann');
    expect(await counter.doneStatus()).toBe('approved');
    expect(await counter.waitForTodayCount('1')).toBe('1');
    expect(await page.$eval('#voter-search', (e) => (e as HTMLInputElement).value)).toBe('');
    expect(await counter.scan()).toEqual([]);

    expect(await counter.lookUp(other!.personalNumber, { scanner: true })).toBe('other');
    const received = await counter.register('K-000123');
    expect(received).toContain('Mottatt i konvolutt: Ola Student');
    expect(received).not.toContain('Godkjent');
    expect(await counter.doneStatus()).toBe('received');
    expect(await counter.waitForTodayCount('2')).toBe('2');
  });

  it('takes the own voter’s vote the second time in an envelope, with what to write on it', async () => {
    const counter = new CounterPage(page);
    expect(await counter.lookUp(own!.personalNumber, { scanner: true })).toBe('alreadyVoted');
    const text = await page.$eval('[data-testid="already-voted"]', (e) =>
      (e.textContent ?? '').replace(/\s+/g, ' '),
    );
    expect(text).toContain('Har allerede stemt');
    expect(text).toContain('Servicetorget e2e');
    expect(text).toContain('Velgeren skal ikke avvises');
    expect(await counter.nextStep()).toBe('envelope');
    expect(await counter.envelopeNote()).toBe('«Har stemt tidligere»');
    expect(await counter.scan()).toEqual([]);

    const done = await counter.register('K-000124');
    expect(done).toContain('Mottatt i konvolutt: Nora Nordmann');
    expect(done).toContain('«Har stemt tidligere»');
    expect(done).not.toContain('Godkjent');
    expect(await counter.doneStatus()).toBe('received');
    expect(await counter.waitForTodayCount('3')).toBe('3');
    expect(await counter.scan()).toEqual([]);
  });

  it('takes a voter not in the roll with the municipality they name, and undoes it', async () => {
    const counter = new CounterPage(page);
    expect(await counter.lookUp(outside!.personalNumber)).toBe('notInRoll');
    const done = await counter.registerNotInRoll('K-000125', OTHER);
    expect(done).toContain('Mottatt i konvolutt: velger som ikke står i manntallet');
    expect(done).toContain('«Ikke funnet i manntallet»');
    expect(await counter.waitForTodayCount('4')).toBe('4');

    const undone = await counter.undo('Feil velger registrert');
    expect(undone.violations).toEqual([]);
    expect(undone.text).toContain('Registreringen av velger som ikke står i manntallet er angret.');
    expect(await counter.waitForTodayCount('3')).toBe('3');
    expect(await counter.scan()).toEqual([]);
  });

  it('fits a phone-sized screen', async () => {
    await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
    const counter = new CounterPage(page);
    await counter.open();
    expect(await counter.lookUp(own!.personalNumber)).toBe('alreadyVoted');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await counter.scan()).toEqual([]);
    await page.setViewport({ width: 1366, height: 768 });
    await counter.logout();
  });

  it('shows the organisers the election, its roll, place and figures', async () => {
    const login = new LoginPage(page);
    await login.open();
    await login.login('sekretariat', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');

    const elections = new ElectionsPage(page);
    await elections.openList();
    expect(await elections.electionNames()).toContain(name);
    expect(await elections.scan()).toEqual([]);

    await elections.openElection(name);
    expect(await elections.rollSize()).toBe('3');
    expect(await elections.placeNames()).toContain('Servicetorget e2e');
    // Received (waiting), approved, rejected, cancelled, envelopes: the undone vote is cancelled.
    expect(await elections.reportTotals()).toEqual(['2', '1', '0', '1', '2']);
    expect(await elections.scan()).toEqual([]);
  });

  it('lists a roll file’s bad lines and keeps the roll as it was', async () => {
    const elections = new ElectionsPage(page);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sek-roll-')), 'manntall.csv');
    writeFileSync(
      file,
      `${ROLL_HEADER}\n${own!.personalNumber};Nora;Nordmann;${own!.birthDate};Storgata 1;${OWN};0001\n12345678901;Feil;Nummer;1950-01-01;Gata 1;${OWN};0001\n`,
    );
    expect(await elections.uploadRoll(file)).toBe('failed');
    expect(await elections.rejectedLines()).toEqual([
      { line: '3', reason: expect.stringContaining('Fødselsnummer') },
    ]);
    expect(await elections.rollSize()).toBe('3');
    expect(await elections.scan()).toEqual([]);
    await elections.logout();
  });

  it('lets the board approve one received vote and reject another with a ground (prøving)', async () => {
    const login = new LoginPage(page);
    await login.open();
    await login.login('valgstyre', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');

    const elections = new ElectionsPage(page);
    await elections.openList();
    await elections.openElection(name);
    expect(await elections.scan()).toEqual([]);
    const review = new ReviewPage(page);
    await review.clickLink('Til prøvingen av forhåndsstemmer');
    await review.waitForQueue();
    expect(await review.waitForHeading()).toBe('Prøving av forhåndsstemmer');
    expect(await review.scan()).toEqual([]);

    const rows = await review.rows();
    expect(rows.map((row) => row.reason)).toEqual(['Velger i annen kommune', 'Har stemt tidligere']);
    const [student, nora] = rows;
    expect(student!.text).toContain('Ola Student');
    expect(student!.text).toContain('Servicetorget e2e');
    expect(student!.text).toContain('Vera Valgmedarbeider');
    // The voter's approved vote beside the one in the envelope.
    expect(nora!.text).toContain('Nora Nordmann');
    expect(nora!.otherVotes).toEqual([expect.stringContaining('Godkjent')]);

    await review.choose(student!.id);
    expect(await review.approve()).toContain('Godkjent: 1');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="review-row"]').length === 1);
    expect((await review.rows()).map((row) => row.id)).toEqual([nora!.id]);

    await review.choose(nora!.id);
    expect(await review.reject('already_approved')).toContain(
      'Forkastet: 1 stemmegivning(er), med grunnen «Velgeren har allerede en godkjent stemmegivning»',
    );
    await page.waitForSelector('[data-testid="review-empty"]');
    expect(await review.scan()).toEqual([]);
  });

  it('lets the board find a voter’s votes by name and cancel one, with a reason', async () => {
    const review = new ReviewPage(page);
    await review.clickLink('Tilbake til valget');
    await page.waitForSelector('[data-testid="cancel-panel"]');
    const found = await review.searchVotes('Ola Student');
    expect(found).toEqual([{ status: 'approved', text: expect.stringContaining('Ola Student') }]);
    expect(found[0]!.text).toContain('Servicetorget e2e');
    expect(found[0]!.text).toContain('Vera Valgmedarbeider');
    expect(await review.scan()).toEqual([]);

    const cancelled = await review.cancelFirst('Registrert på feil velger');
    expect(cancelled.violations).toEqual([]);
    expect(cancelled.summary).toContain('Ola Student');
    expect(cancelled.done).toContain('Stemmegivningen til Ola Student');
    await page.waitForSelector('[data-testid="cancel-row"][data-status="cancelled"]');
    const elections = new ElectionsPage(page);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="report-totals"] dd')[3]?.textContent?.trim() === '2',
    );
    expect(await elections.reportTotals()).toEqual(['0', '1', '1', '2', '1']);
  });

  it('found no accessibility violation on any page visited', () => {
    expect(AppPage.scans.length).toBeGreaterThanOrEqual(10);
    expect(AppPage.scans.filter((s) => s.violations.length > 0)).toEqual([]);
  });
});
