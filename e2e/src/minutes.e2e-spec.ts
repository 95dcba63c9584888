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

interface Minutes {
  meetingStatus: string;
  locked: boolean;
  record: Record<string, unknown>;
  attendees: { id: string; personId: string | null; role: string; present: boolean; party: string | null }[];
  items: { id: string; number: string; proposals: { id: string; kind: string; result: { sentence: string; namedAgainst: string[] } | null }[]; votingPresent: number }[];
  versions: { version: number; status: string }[];
}

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

const pdfText = (pdf: Buffer): string => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'e2e-protocol-')), 'p.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
};

/**
 * The møtebok, as the secretariat records it beside the chair: a formannskap meeting today with an
 * open and a closed item; a member absent and a substitute (politiker2) meeting for them; a
 * disqualified member; a split vote; marked held in the Protokoll page; signed by the two chosen
 * members through their own sign-in; both PDFs read back with pdftotext, the open data checked,
 * and the public meeting page showing the protocol. Every page and dialog is scanned with axe.
 */
describe('minutes: record a meeting and approve its protocol', () => {
  let browser: Browser;
  let page: Page;
  let secretariat: ApiSession;
  let official: ApiSession;
  let official2: ApiSession;
  let meetingId: string;
  let openItem: string;
  let closedTitle: string;
  const members: { person_id: string; party: string }[] = [];
  const base = () => `/api/meetings/${meetingId}/minutes`;

  beforeAll(async () => {
    secretariat = await ApiSession.signIn('sekretariat', 'demo1234');
    official = await ApiSession.signIn('politiker', 'demo1234');
    official2 = await ApiSession.signIn('politiker2', 'demo1234');
    const bodies = await secretariat.json<{ items: { id: string; kind: string }[] }>('GET', '/api/bodies');
    const fsk = bodies.items.find((b) => b.kind === 'formannskap')!;
    // Today, just after midnight: the meeting's day has come, whenever the test runs.
    meetingId = (await secretariat.json<{ id: string }>('POST', `/api/bodies/${fsk.id}/meetings`, { startsAt: `${osloDate()}T00:05:00+01:00`, place: 'Formannskapssalen' })).id;
    const stamp = Date.now().toString(36);
    const open = await secretariat.json<{ id: string }>('POST', '/api/cases', { archiveReference: `26/${7000 + (Date.now() % 1000)}`, title: `Gatelys i sentrum ${stamp}`, recommendation: 'Formannskapet vedtar planen for gatelys.' });
    closedTitle = `Tomtesalg Hemmelig ${stamp}`;
    const closed = await secretariat.json<{ id: string }>('POST', '/api/cases', { archiveReference: `26/${8000 + (Date.now() % 1000)}`, title: closedTitle, recommendation: 'Tomten selges.', public: false, legalGround: 'offl23-1' });
    openItem = (await secretariat.json<{ id: string }>('POST', `/api/meetings/${meetingId}/items`, { caseId: open.id })).id;
    await secretariat.json('POST', `/api/meetings/${meetingId}/items`, { caseId: closed.id });
    await secretariat.json('POST', `/api/meetings/${meetingId}/publish`, {}, [200]);

    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1366, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the secretariat opens the Protokoll page and starts the minutes from the seat overview', async () => {
    const login = new LoginPage(page);
    await login.open();
    await login.login('sekretariat', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');
    const minutes = new AppPage(page);
    await minutes.goto(`/moter/${meetingId}/protokoll`);
    await page.waitForSelector('[data-testid="start-minutes"]');
    expect(await minutes.scan()).toEqual([]);
    await page.click('[data-testid="start-minutes"]');
    await page.waitForSelector('[data-testid="item-panel"]');
    expect(await minutes.scan()).toEqual([]);
    const state = await secretariat.json<Minutes>('GET', base());
    members.push(...state.attendees.filter((a) => a.role === 'member').map((a) => ({ person_id: a.personId!, party: '' })));
    expect(members).toHaveLength(7);
  });

  it('records a substitute, a disqualified member and a split vote; the page shows the result', async () => {
    const me = (await official.json<{ user: { personId: string } }>('GET', '/api/auth/me')).user.personId;
    const substitute = (await official2.json<{ user: { personId: string } }>('GET', '/api/auth/me')).user.personId;
    let state = await secretariat.json<Minutes>('GET', base());
    // The other Ap member (the leader) is absent; politiker2, the first Ap substitute, meets for them.
    const absent = state.attendees.find((a) => a.role === 'member' && a.party === 'Ap' && a.personId !== me)!;
    await secretariat.json('PUT', `${base()}/attendees/${absent.id}`, { present: false, absenceReason: 'Sykdom' });
    const added = await secretariat.json<Minutes>('POST', `${base()}/attendees`, { role: 'substitute', personId: substitute, meetsForPersonId: absent.personId }, [200, 422]);
    if ('code' in (added as object)) throw new Error(JSON.stringify(added));
    const others = state.attendees.filter((a) => a.role === 'member' && a.personId !== me && a.personId !== absent.personId);
    await secretariat.json('POST', `${base()}/items/${openItem}/disqualifications`, { personId: others[0]!.personId, ground: 'fvl6-1-b', disqualified: true, note: 'Søsteren eier tomten.' });
    state = await secretariat.json<Minutes>('GET', base());
    const item = state.items.find((i) => i.id === openItem)!;
    expect(item.votingPresent).toBe(6);
    await secretariat.json('PUT', `${base()}/proposals/${item.proposals[0]!.id}/vote`, { outcome: 'voted', againstPersonIds: [others[1]!.personId] });

    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector('[data-testid="item-panel"]');
    await page.waitForSelector('[data-testid="vote-sentence"]');
    const sentence = await page.$eval('[data-testid="vote-sentence"]', (e) => e.textContent?.trim() ?? '');
    expect(sentence).toMatch(/Innstillingen ble vedtatt med 5 mot 1 stemmer/);
    expect(await new AppPage(page).scan()).toEqual([]);
  });

  it('marks the meeting held from the Protokoll page, after a confirmation', async () => {
    await page.waitForSelector('[data-testid="mark-held"]');
    await page.click('[data-testid="mark-held"]');
    await dialogSettled(page, '[data-testid="held-confirm"]');
    expect(await new AppPage(page).scan()).toEqual([]);
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/minutes/held') && r.request().method() === 'POST'), page.click('[data-testid="held-confirm"]')]);
    await page.waitForSelector('[data-testid="unmark-held"]');
    const state = await secretariat.json<Minutes>('GET', base());
    expect(state.meetingStatus).toBe('held');
  });

  it('is signed by the two chosen members, each with their own sign-in, and locked', async () => {
    const me = (await official.json<{ user: { personId: string } }>('GET', '/api/auth/me')).user.personId;
    const substitute = (await official2.json<{ user: { personId: string } }>('GET', '/api/auth/me')).user.personId;
    const state = await secretariat.json<Minutes>('GET', base());
    // The leader is absent: politiker chairs the meeting.
    await secretariat.json('PUT', `${base()}/record`, { ...state.record, chairPersonId: me, openedAt: '00:05', closedAt: '02:10', signatoryPersonIds: [me, substitute] });

    const app = new AppPage(page);
    await app.logout();
    const login = new LoginPage(page);
    await login.open();
    await login.login('politiker', 'demo1234');
    await page.waitForSelector('[data-testid="current-user"]');
    await app.goto(`/moter/${meetingId}/protokoll`);
    await page.waitForSelector('[data-testid="sign-open"]');
    expect(await app.scan()).toEqual([]);
    await page.click('[data-testid="sign-open"]');
    await dialogSettled(page, '[data-testid="sign-confirm"]');
    expect(await app.scan()).toEqual([]);
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/protocol/sign')), page.click('[data-testid="sign-confirm"]')]);
    await page.waitForFunction(() => !document.querySelector('[data-testid="sign-open"]'));

    const approved = await official2.json<Minutes>('POST', `${base()}/protocol/sign`, {}, [200]);
    expect(approved).toMatchObject({ locked: true, meetingStatus: 'minutes_approved', versions: [{ version: 1, status: 'approved' }] });
  });

  it('publishes both editions: the public PDF and open data without the closed item, the internal one with it', async () => {
    const internal = await secretariat.bytes(`${base()}/protocol.pdf`);
    expect(internal.status).toBe(200);
    const internalText = pdfText(internal.body);
    expect(internalText).toContain(closedTitle);
    expect(internalText).toContain('erklært inhabil (fvl. § 6 første ledd bokstav b)');
    expect(internalText).toMatch(/for \S+ \S+/); // the substitute and whom they met for

    const visitor = new ApiSession();
    const pub = await visitor.bytes(`/api/public/demo/meetings/${meetingId}/protocol.pdf`);
    expect(pub.status).toBe(200);
    expect(pub.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
    const publicText = pdfText(pub.body);
    expect(publicText).not.toContain('Hemmelig');
    expect(publicText).toContain('Unntatt offentlighet');
    expect(publicText).toContain('Formannskapet vedtar planen for gatelys.');
    expect(publicText).not.toContain('UTKAST');

    const open = await visitor.json<{ meetingState: string; agendaItem: { public: boolean; name: string; voteEvent: { result: string; group_results: { group: string }[] }[] }[] }>('GET', `/api/public/demo/meetings/${meetingId}/protocol.json`);
    expect(open.meetingState).toBe('approved');
    expect(JSON.stringify(open)).not.toContain('Hemmelig');
    expect(open.agendaItem[0]!.voteEvent[0]).toMatchObject({ result: 'pass' });
    expect(open.agendaItem[0]!.voteEvent[0]!.group_results.length).toBeGreaterThan(1);
    expect(open.agendaItem[1]).toMatchObject({ public: false, name: 'Unntatt offentlighet' });
  });

  it('shows the approved protocol on the public meeting page', async () => {
    const app = new AppPage(page);
    await app.logout();
    await app.goto(`/motekalender/${meetingId}`);
    await page.waitForSelector('[data-testid="protocol"]');
    const links = await page.$$eval('[data-testid="protocol"] a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.some((h) => h.endsWith('/protocol.pdf'))).toBe(true);
    expect(links.some((h) => h.endsWith('/protocol.json'))).toBe(true);
    expect(await app.scan()).toEqual([]);
  });
});
