import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Minutes, SessionUser } from '@sekretariat/contracts';
import { MUNICIPALITY, OFFICIAL_USER, SECRETARIAT_USER } from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { ANNE, BJORN, ITEM_2, MEETING, item, minutes, proposal, version } from './minutes-fixtures';
import { MinutesPage } from './minutes-page';

const URL = `/api/meetings/${MEETING}/minutes`;

/** The meeting after approval: signed by two, its decision recorded. */
function approved(): Minutes {
  const sentence = 'Innstillingen ble enstemmig vedtatt.';
  const result = {
    for: 4,
    against: 0,
    adopted: true,
    chairDecided: false,
    byParty: [],
    namedFor: [],
    namedAgainst: [],
    sentence,
  };
  return minutes({
    meetingStatus: 'minutes_approved',
    locked: true,
    record: {
      ...minutes().record,
      signatoryPersonIds: [ANNE, BJORN],
      openedAt: '18:00',
      closedAt: '20:15',
    },
    items: [
      item({
        outcome: 'treated',
        decision: 'Fergetilbudet videreføres.',
        proposals: [proposal({ outcome: 'voted', result })],
      }),
    ],
    versions: [
      version({
        status: 'approved',
        approvedAt: '2027-03-12T10:00:00.000Z',
        signatures: [
          { personId: ANNE, name: 'Anne Ås', signedAt: '2027-03-11T09:00:00.000Z' },
          { personId: BJORN, name: 'Bjørn Bø', signedAt: '2027-03-12T10:00:00.000Z' },
        ],
      }),
    ],
  });
}

describe('MinutesPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [MinutesPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const settle = async (fixture: ComponentFixture<MinutesPage>) => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };
  /** Until a change is sent: a save keeps the app unstable until its answer, so no whenStable here. */
  const sent = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };
  const text = (element: ParentNode, selector: string) =>
    (element.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const click = (element: HTMLElement, selector: string) =>
    element.querySelector<HTMLElement>(selector)!.click();

  async function render(
    user: SessionUser,
    answer: Minutes | { error: { code: string; message: string }; status: number },
  ): Promise<{ fixture: ComponentFixture<MinutesPage>; element: HTMLElement }> {
    const loading = TestBed.inject(SessionStore).load();
    http.expectOne('/api/auth/me').flush({ user });
    http.expectOne('/api/municipalities/current').flush(MUNICIPALITY);
    await loading;
    const fixture = TestBed.createComponent(MinutesPage);
    fixture.componentRef.setInput('id', MEETING);
    TestBed.tick();
    const request = http.expectOne({ method: 'GET', url: URL });
    if ('error' in answer)
      request.flush(answer.error, { status: answer.status, statusText: 'Conflict' });
    else request.flush(answer);
    await settle(fixture);
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  const NOT_STARTED = {
    error: {
      code: 'MINUTES_NOT_STARTED',
      message: 'Protokollføringen er ikke startet for dette møtet.',
    },
    status: 409,
  };

  it('offers «Start protokollføring» when the minutes are not started, and then shows them', async () => {
    const { fixture, element } = await render(SECRETARIAT_USER, NOT_STARTED);
    expect(text(element, 'h1')).toBe('Protokoll');
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(text(element, '[data-testid="minutes-not-started"]')).toContain(
      'Protokollføringen er ikke startet',
    );
    click(element, '[data-testid="start-minutes"]');
    await sent();
    const start = http.expectOne({ method: 'POST', url: `${URL}/start` });
    expect(start.request.body).toEqual({});
    expect(start.request.headers.get('Content-Type')).toBe('application/json');
    start.flush(minutes());
    await settle(fixture);
    expect(text(element, 'h1')).toBe('Protokoll: Formannskapet 10. mars 2027');
    expect(element.querySelector('[data-testid="minutes-not-started"]')).toBeNull();
    expect(document.activeElement?.id).toBe('items-heading');
    expect(text(element, '[data-testid="minutes-announcement"]')).toBe(
      'Protokollføringen er startet.',
    );
    expect(text(element, '[data-testid="item-panel"] h3')).toBe('PS 1/27 Fergetilbudet');
    expect(element.querySelector('[data-testid="record-form"]')).not.toBeNull();
    expect(text(element, '[data-testid="attendance-summary"]')).toBe(
      '4 medlemmer og varamedlemmer til stede, 1 fraværende, 0 fra administrasjonen.',
    );
  });

  it('shows why the minutes cannot start yet, and tells an official to wait', async () => {
    const { fixture, element } = await render(SECRETARIAT_USER, NOT_STARTED);
    click(element, '[data-testid="start-minutes"]');
    await sent();
    http.expectOne(`${URL}/start`).flush(
      {
        code: 'MINUTES_MEETING_NOT_OPEN',
        message: 'Møtet er ikke kunngjort ennå; protokollen kan føres fra innkallingen er sendt.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(text(element, '[data-testid="start-errors"]')).toContain('Møtet er ikke kunngjort ennå');
  });

  it('gives an official who may not start it no button', async () => {
    const { element } = await render(OFFICIAL_USER, NOT_STARTED);
    expect(element.querySelector('[data-testid="start-minutes"]')).toBeNull();
    expect(text(element, '[data-testid="minutes-not-started"]')).toContain(
      'Sekretariatet har ikke startet',
    );
  });

  it('moves focus to the chosen item, and warns when the body is not quorate in it (koml. § 11-9)', async () => {
    const base = minutes();
    const { fixture, element } = await render(
      SECRETARIAT_USER,
      minutes({
        items: [
          base.items[0]!,
          item({
            id: ITEM_2,
            number: 'PS 2/27',
            title: 'Budsjett',
            quorate: false,
            votingPresent: 2,
          }),
        ],
      }),
    );
    expect(element.querySelector('[data-testid="item-not-quorate"]')).toBeNull();
    const choose = element.querySelector<HTMLButtonElement>('[data-testid="choose-PS 2/27"]')!;
    choose.click();
    await settle(fixture);
    expect(choose.getAttribute('aria-current')).toBe('true');
    expect(document.activeElement).toBe(element.querySelector('[data-testid="item-panel"] h3'));
    expect(text(element, '[data-testid="item-not-quorate"]')).toContain(
      '2 av 5 medlemmer er til stede og stemmer, og minst 3 må være det (kommuneloven § 11-9)',
    );
  });

  it('marks the meeting held after saying what becomes locked', async () => {
    const { fixture, element } = await render(SECRETARIAT_USER, minutes());
    click(element, '[data-testid="mark-held"]');
    await settle(fixture);
    const dialog = element.querySelector<HTMLDialogElement>('[data-testid="held-dialog"]')!;
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(text(dialog, 'ul')).toContain('Sakslisten låses');
    click(element, '[data-testid="held-confirm"]');
    await sent();
    const held = http.expectOne({ method: 'POST', url: `${URL}/held` });
    held.flush(minutes({ meetingStatus: 'held' }));
    await settle(fixture);
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(text(element, '[data-testid="held-state"]')).toContain('Møtet er merket som holdt');
    expect(element.querySelector('[data-testid="unmark-held"]')).not.toBeNull();
  });

  it('shows an approved protocol read-only with a clear note, and corrects it with a reason', async () => {
    const { fixture, element } = await render(SECRETARIAT_USER, approved());
    expect(text(element, '[data-testid="minutes-locked"]')).toContain(
      'Protokollen er godkjent og låst',
    );
    // Nothing to change outside the correction dialog: no fields, no vote or attendance buttons.
    const outside = [...element.querySelectorAll('input, select, textarea')].filter(
      (e) => !e.closest('dialog'),
    );
    expect(outside).toEqual([]);
    expect(element.querySelector('[data-testid="vote-unanimous"]')).toBeNull();
    expect(element.querySelector('[data-testid="attendance-table"] button')).toBeNull();
    expect(element.querySelector('[data-testid="mark-held"]')).toBeNull();
    expect(text(element, '[data-testid="summary-decision"]')).toBe('Fergetilbudet videreføres.');
    expect(text(element, '[data-testid="summary-sentence"]')).toBe(
      'Innstillingen ble enstemmig vedtatt.',
    );
    expect(text(element, '[data-testid="version-1"]')).toContain('Godkjent');
    expect(text(element, '[data-testid="version-1"]')).toContain('Bjørn Bø: signert 12. mars 2027');
    expect(element.querySelector('[data-testid="protocol-public-pdf"]')?.getAttribute('href')).toBe(
      `${URL}/protocol.pdf?edition=public`,
    );

    click(element, '[data-testid="correct-open"]');
    await settle(fixture);
    click(element, '[data-testid="correct-submit"]');
    await settle(fixture);
    expect(text(element, '[data-testid="correct-dialog"] .ds-error-summary')).toContain(
      'Skriv hvorfor protokollen rettes.',
    );
    const reason = element.querySelector<HTMLTextAreaElement>('#correct-reason')!;
    reason.value = 'Feil stemmetall i sak 1';
    reason.dispatchEvent(new Event('input'));
    click(element, '[data-testid="correct-submit"]');
    await sent();
    const correction = http.expectOne({ method: 'POST', url: `${URL}/protocol/corrections` });
    expect(correction.request.body).toEqual({ reason: 'Feil stemmetall i sak 1' });
    const reopened = approved();
    correction.flush({
      ...reopened,
      locked: false,
      versions: [
        ...reopened.versions,
        version({ version: 2, correctionReason: 'Feil stemmetall i sak 1' }),
      ],
    });
    await settle(fixture);
    expect(element.querySelector('[data-testid="minutes-locked"]')).toBeNull();
    expect(element.querySelector('[data-testid="record-form"]')).not.toBeNull();
    expect(text(element, '[data-testid="version-2"]')).toContain('Utkast');
    expect(document.activeElement?.id).toBe('protocol-heading');
  });

  it('lets an official chosen to sign read the draft and sign it after confirming', async () => {
    const signatory: SessionUser = { ...OFFICIAL_USER, personId: ANNE };
    const draft = (signedAt: string | null) =>
      minutes({
        meetingStatus: 'held',
        record: { ...minutes().record, signatoryPersonIds: [ANNE, BJORN] },
        versions: [
          version({
            signatures: [
              { personId: ANNE, name: 'Anne Ås', signedAt },
              { personId: BJORN, name: 'Bjørn Bø', signedAt: null },
            ],
          }),
        ],
      });
    const { fixture, element } = await render(signatory, draft(null));
    expect(element.querySelector('[data-testid="record-form"]')).toBeNull();
    expect(element.querySelector('[data-testid="vote-unanimous"]')).toBeNull();
    expect(element.querySelector('[data-testid="items-summary"]')).not.toBeNull();
    click(element, '[data-testid="sign-open"]');
    await settle(fixture);
    expect(text(element, '[data-testid="sign-dialog"]')).toContain(
      'Du godkjenner versjon 1 av protokollen fra møtet i Formannskapet 10. mars 2027.',
    );
    click(element, '[data-testid="sign-confirm"]');
    await sent();
    const sign = http.expectOne({ method: 'POST', url: `${URL}/protocol/sign` });
    expect(sign.request.body).toEqual({});
    sign.flush(draft('2027-03-11T09:00:00.000Z'));
    await settle(fixture);
    expect(text(element, '[data-testid="sign-done"]')).toBe(
      'Du signerte protokollen 11. mars 2027 kl. 10:00.',
    );
    expect(element.querySelector('[data-testid="sign-open"]')).toBeNull();
  });
});
