import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { BODY_ID, MUNICIPALITY, SECRETARIAT_USER, bodyDetail } from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { ANNE, BJORN, CARL, ITEM_1, MEETING, minutes } from './minutes-fixtures';
import { MinutesPage } from './minutes-page';

const URL = `/api/meetings/${MEETING}/minutes`;

/** The secretariat's forms on the page during a meeting: what each sends. */
describe('recording a meeting', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<MinutesPage>;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [MinutesPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionStore).load();
    http.expectOne('/api/auth/me').flush({ user: SECRETARIAT_USER });
    http.expectOne('/api/municipalities/current').flush(MUNICIPALITY);
    await loading;
    fixture = TestBed.createComponent(MinutesPage);
    fixture.componentRef.setInput('id', MEETING);
    TestBed.tick();
    http.expectOne(URL).flush(minutes());
    await settle();
    element = fixture.nativeElement as HTMLElement;
  });
  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }
  async function sent(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }
  function set(selector: string, value: string): void {
    const field = element.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
      selector,
    )!;
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
  }
  const click = (selector: string) => element.querySelector<HTMLElement>(selector)!.click();
  const text = (selector: string) =>
    (element.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

  it('records a member absent with the reason', async () => {
    click(`[data-testid="attendee-edit-${BJORN}"]`);
    await settle();
    click('#attendee-absent');
    await settle();
    set('#attendee-reason', 'Syk');
    click('[data-testid="attendee-save"]');
    await sent();
    const request = http.expectOne({
      method: 'PUT',
      url: `${URL}/attendees/a0000000-0000-4000-8000-000000000002`,
    });
    expect(request.request.body).toEqual({
      present: false,
      absenceReason: 'Syk',
      fromItemId: null,
      toItemId: null,
      arrivedAt: null,
      leftAt: null,
    });
    request.flush(minutes());
    await settle();
    expect(text('[data-testid="minutes-announcement"]')).toBe('Bjørn Bø er ført som fraværende.');
  });

  it('adds a substitute from the body’s list who meets for a member in one item', async () => {
    click('[data-testid="add-substitute"]');
    await sent();
    http.expectOne(`/api/meetings/${MEETING}`).flush({ id: MEETING, bodyId: BODY_ID });
    await sent();
    http.expectOne(`/api/bodies/${BODY_ID}`).flush(bodyDetail(false));
    await settle();
    const options = [...element.querySelectorAll('#add-attendee-person option')].map((o) =>
      o.textContent.trim(),
    );
    expect(options).toEqual([
      'Velg',
      'Per Første (Eksempelpartiet)',
      'Siri Andre (Eksempelpartiet)',
    ]);
    click('[data-testid="add-attendee-save"]');
    await settle();
    expect(text('[data-testid="add-attendee-dialog"] .ds-error-summary')).toContain(
      'Velg varamedlemmet.',
    );
    set('#add-attendee-person', 'b1000000-0000-4000-8000-000000000003');
    set('#add-attendee-for', CARL);
    set('#add-attendee-item', ITEM_1);
    click('[data-testid="add-attendee-save"]');
    await sent();
    const request = http.expectOne({ method: 'POST', url: `${URL}/attendees` });
    expect(request.request.body).toEqual({
      role: 'substitute',
      personId: 'b1000000-0000-4000-8000-000000000003',
      name: '',
      title: '',
      meetsForPersonId: CARL,
      onlyItemId: ITEM_1,
    });
    request.flush(minutes());
    await settle();
  });

  it('records a disqualification with its ground, and a member’s proposal', async () => {
    const prefix = `disq-${ITEM_1}`;
    const grounds = [...element.querySelectorAll(`#${prefix}-ground option`)].map((o) =>
      o.textContent.trim(),
    );
    expect(grounds[0]).toBe('fvl. § 6 første ledd bokstav a – er selv part i saken');
    expect(grounds).toContain(
      'fvl. § 6 annet ledd – særegne forhold som svekker tilliten til upartiskheten',
    );
    // The default ground is the one shown (options made after the select).
    expect(element.querySelector<HTMLSelectElement>(`#${prefix}-ground`)!.value).toBe('fvl6-2');
    set(`#${prefix}-person`, CARL);
    set(`#${prefix}-ground`, 'fvl6-1-b');
    set(`#${prefix}-note`, 'Bror av tiltakshaver');
    click('[data-testid="disq-add"]');
    await sent();
    const disq = http.expectOne({
      method: 'POST',
      url: `${URL}/items/${ITEM_1}/disqualifications`,
    });
    expect(disq.request.body).toEqual({
      personId: CARL,
      ground: 'fvl6-1-b',
      disqualified: true,
      note: 'Bror av tiltakshaver',
    });
    disq.flush(minutes());
    await settle();

    const p = `proposal-${ITEM_1}`;
    set(`#${p}-kind`, 'amendment');
    set(`#${p}-person`, ANNE);
    set(`#${p}-text`, '  Ferga går også søndag.  ');
    click('[data-testid="proposal-add"]');
    await sent();
    const add = http.expectOne({ method: 'POST', url: `${URL}/items/${ITEM_1}/proposals` });
    expect(add.request.body).toEqual({
      kind: 'amendment',
      personId: ANNE,
      onBehalfOf: '',
      text: 'Ferga går også søndag.',
    });
    add.flush(minutes());
    await settle();
    expect(element.querySelector<HTMLTextAreaElement>(`#${p}-text`)!.value).toBe('');
  });

  it('saves the decision as edited, exempt, with the outcome', async () => {
    const d = `decision-${ITEM_1}`;
    set(`#${d}-outcome`, 'treated');
    set(`#${d}-decision`, 'Fergetilbudet videreføres i 2027.');
    click(`#${d}-exempt`);
    click('[data-testid="decision-save"]');
    await sent();
    const request = http.expectOne({ method: 'PUT', url: `${URL}/items/${ITEM_1}` });
    expect(request.request.body).toEqual({
      outcome: 'treated',
      treatment: '',
      decision: 'Fergetilbudet videreføres i 2027.',
      decisionExempt: true,
      handledAs: null,
    });
    request.flush(minutes());
    await settle();
  });

  it('saves the protocol’s facts with the signatories chosen among the members present', async () => {
    const choices = [...element.querySelectorAll('[data-testid="record-signatories"] label')].map(
      (l) => l.textContent.trim(),
    );
    expect(choices).toEqual(['Anne Ås (Ap)', 'Bjørn Bø (Ap)', 'Carl Cø (H)', 'Dina Dø (H)']);
    expect(element.querySelector<HTMLSelectElement>('#record-chair')!.value).toBe(ANNE);
    click('#record-language-nn');
    set('#record-opened', '18:00');
    set('#record-remarks', 'Ingen merknader til innkallingen.');
    click(`#record-sign-${BJORN}`);
    click(`#record-sign-${CARL}`);
    click('[data-testid="record-save"]');
    await sent();
    const request = http.expectOne({ method: 'PUT', url: `${URL}/record` });
    expect(request.request.body).toEqual({
      language: 'nn',
      openedAt: '18:00',
      closedAt: null,
      chairPersonId: ANNE,
      remarks: 'Ingen merknader til innkallingen.',
      approvalMethod: 'signatures',
      signatoryPersonIds: [BJORN, CARL],
    });
    request.flush(
      {
        code: 'SIGNATORY_NOT_PRESENT',
        message: 'De som skal signere, og møtelederen, må være medlemmer til stede i møtet.',
        fields: [{ path: 'signatoryPersonIds', message: 'Velg blant medlemmene til stede.' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle();
    expect(text('#record-signatories-error')).toBe('Velg blant medlemmene til stede.');
    expect(text('[data-testid="record-form"] .ds-error-summary')).toContain(
      'må være medlemmer til stede',
    );
  });
});
