import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AgendaItem, MeetingDetail } from '@sekretariat/contracts';
import { BODY_ID, MUNICIPALITY, SECRETARIAT_USER, bodyDetail } from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { MeetingPage } from './meeting-page';

const MEETING_ID = '5b0c8e1a-9d2f-4e3a-8b7c-6d5e4f3a2b1c';
const ITEM_ID = '00000000-0000-4000-8000-000000000001';

const ITEM: AgendaItem = {
  id: ITEM_ID,
  type: 'PS',
  number: 'PS 1/26',
  position: 1,
  title: 'Budsjett 2027',
  closed: false,
  legalGround: null,
  citation: null,
  videoStartSeconds: null,
  case: null,
  recommendation: '',
  decision: '',
  askerPersonId: null,
  askerName: null,
};

function meeting(overrides: Partial<MeetingDetail> = {}): MeetingDetail {
  return {
    id: MEETING_ID,
    bodyId: BODY_ID,
    bodyName: 'Formannskapet',
    startsAt: '2026-12-03T17:00:00.000Z',
    endsAt: null,
    place: 'Rådhuset',
    remote: false,
    status: 'planned',
    videoUrl: null,
    items: [ITEM],
    ...overrides,
  };
}

describe('MeetingPage (secretariat)', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<MeetingPage>;
  let element: HTMLElement;

  /** The seat overview and the body's members load beside the meeting: not what these tests are about. */
  const answerSideRequests = () => {
    for (const request of http.match(`/api/meetings/${MEETING_ID}/seats`))
      request.flush({}, { status: 503, statusText: 'x' });
    for (const request of http.match(`/api/bodies/${BODY_ID}`)) request.flush(bodyDetail(true));
    for (const request of http.match(`/api/meetings/${MEETING_ID}/notice-timeliness`))
      request.flush({ requiredDays: 14, daysBefore: 20, late: false, sentAt: null });
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [MeetingPage, translocoTesting()],
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
    fixture = TestBed.createComponent(MeetingPage);
    fixture.componentRef.setInput('id', MEETING_ID);
    element = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    http.expectOne(`/api/meetings/${MEETING_ID}`).flush(meeting());
    await settle();
  });

  afterEach(() => {
    answerSideRequests();
    http.verify();
  });

  async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) {
      TestBed.tick();
      answerSideRequests();
      await Promise.resolve();
    }
  }

  const click = (testId: string) =>
    element.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)!.click();

  it('explains what sending the notice does, then publishes and shows the new status', async () => {
    expect(element.querySelector('h1')?.textContent).toContain('Møte i Formannskapet');
    click('publish');
    await settle();
    const dialog = element.querySelector('[data-testid="publish-dialog"]')!;
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.textContent).toContain('publiseres på de offentlige sidene');
    expect(dialog.textContent).toContain('får innkallingen med sakslisten som PDF på e-post');

    click('publish-confirm');
    await settle();
    const publish = http.expectOne(`/api/meetings/${MEETING_ID}/publish`);
    expect(publish.request.method).toBe('POST');
    publish.flush(meeting({ status: 'notice_sent' }));
    await settle();
    http.expectOne(`/api/meetings/${MEETING_ID}`).flush(meeting({ status: 'notice_sent' }));
    await settle();
    expect(element.querySelector('[data-testid="meeting-status"]')?.textContent?.trim()).toBe(
      'Innkalling sendt',
    );
    expect(element.querySelector('[data-testid="meeting-flash"]')?.textContent).toContain(
      'Innkallingen er publisert',
    );
    expect(element.querySelector('[data-testid="publish"]')).toBeNull();
    expect(element.querySelector('[data-testid="advance-status"]')?.textContent).toContain(
      'Merk møtet som avholdt',
    );
  });

  it('shows the API’s reason when publishing fails', async () => {
    click('publish');
    await settle();
    click('publish-confirm');
    await settle();
    http
      .expectOne(`/api/meetings/${MEETING_ID}/publish`)
      .flush(
        { code: 'MEETING_ALREADY_PUBLISHED', message: 'Innkallingen til møtet er allerede sendt.' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(element.querySelector('[data-testid="meeting-error"]')?.textContent).toContain(
      'Innkallingen til møtet er allerede sendt.',
    );
    expect(element.querySelector('[data-testid="publish-dialog"]')?.hasAttribute('open')).toBe(
      false,
    );
  });

  it('removes an item after asking', async () => {
    const remove = [
      ...element.querySelectorAll<HTMLButtonElement>('[data-testid="agenda-item"] button'),
    ].find((b) => b.textContent.includes('Fjern'))!;
    remove.click();
    await settle();
    expect(element.querySelector('[data-testid="remove-dialog"]')?.textContent).toContain(
      'Fjerne PS 1/26 fra sakslisten?',
    );
    click('remove-confirm');
    await settle();
    const request = http.expectOne(`/api/agenda-items/${ITEM_ID}`);
    expect(request.request.method).toBe('DELETE');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    http.expectOne(`/api/meetings/${MEETING_ID}`).flush(meeting({ items: [] }));
    await settle();
    expect(element.querySelector('[data-testid="agenda-empty"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="meeting-flash"]')?.textContent).toContain(
      'PS 1/26 er fjernet fra sakslisten.',
    );
  });
});

describe('MeetingPage: changes after the notice was sent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<MeetingPage>;
  let element: HTMLElement;

  const answerSideRequests = () => {
    for (const request of http.match(`/api/meetings/${MEETING_ID}/seats`))
      request.flush({}, { status: 503, statusText: 'x' });
    for (const request of http.match(`/api/bodies/${BODY_ID}`)) request.flush(bodyDetail(true));
    for (const request of http.match(`/api/meetings/${MEETING_ID}/notice-timeliness`))
      request.flush({ requiredDays: 14, daysBefore: 20, late: false, sentAt: null });
  };

  async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) {
      TestBed.tick();
      answerSideRequests();
      await Promise.resolve();
    }
  }

  async function show(detail: MeetingDetail, endret?: string): Promise<void> {
    fixture = TestBed.createComponent(MeetingPage);
    fixture.componentRef.setInput('id', MEETING_ID);
    if (endret !== undefined) fixture.componentRef.setInput('endret', endret);
    element = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    http.expectOne(`/api/meetings/${MEETING_ID}`).flush(detail);
    await settle();
  }

  const byTestId = <T extends HTMLElement = HTMLElement>(testId: string) =>
    element.querySelector<T>(`[data-testid="${testId}"]`);

  async function removeItem(after: MeetingDetail): Promise<void> {
    [...element.querySelectorAll<HTMLButtonElement>('[data-testid="agenda-item"] button')]
      .find((b) => b.textContent.includes('Fjern'))!
      .click();
    await settle();
    byTestId<HTMLButtonElement>('remove-confirm')!.click();
    await settle();
    http
      .expectOne(`/api/agenda-items/${ITEM_ID}`)
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    http.expectOne(`/api/meetings/${MEETING_ID}`).flush(after);
    await settle();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [MeetingPage, translocoTesting()],
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
  });

  afterEach(() => {
    answerSideRequests();
    http.verify();
  });

  it('asks before marking the meeting held and says what becomes locked; «Avbryt» sends nothing', async () => {
    await show(meeting({ status: 'notice_sent' }));
    byTestId<HTMLButtonElement>('advance-status')!.click();
    await settle();
    const dialog = byTestId('held-dialog')!;
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.textContent).toContain('Merke møtet som avholdt?');
    expect(dialog.textContent).toContain('Sakslisten låses');
    expect(dialog.textContent).toContain('endret innkalling kan ikke sendes');
    byTestId<HTMLButtonElement>('held-dialog-cancel')!.click();
    await settle();
    expect(dialog.hasAttribute('open')).toBe(false);
    http.expectNone(`/api/meetings/${MEETING_ID}/status`);
  });

  it('marks the meeting held after the confirmation, and shows a refusal on the page', async () => {
    await show(meeting({ status: 'notice_sent' }));
    byTestId<HTMLButtonElement>('advance-status')!.click();
    await settle();
    byTestId<HTMLButtonElement>('held-dialog-confirm')!.click();
    await settle();
    const refused = http.expectOne(`/api/meetings/${MEETING_ID}/status`);
    expect(refused.request.body).toEqual({ status: 'held' });
    refused.flush(
      { code: 'MEETING_NOT_YET_HELD', message: 'Møtet kan ikke merkes som holdt før møtedagen.' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(byTestId('held-dialog')!.hasAttribute('open')).toBe(false);
    expect(byTestId('meeting-error')?.textContent).toContain('før møtedagen');

    byTestId<HTMLButtonElement>('advance-status')!.click();
    await settle();
    byTestId<HTMLButtonElement>('held-dialog-confirm')!.click();
    await settle();
    http.expectOne(`/api/meetings/${MEETING_ID}/status`).flush(meeting({ status: 'held' }));
    await settle();
    http.expectOne(`/api/meetings/${MEETING_ID}`).flush(meeting({ status: 'held' }));
    await settle();
    expect(byTestId('held-dialog')).toBeNull();
    expect(byTestId('meeting-status')?.textContent?.trim()).toBe('Avholdt');
  });

  it('says nothing until something changes', async () => {
    await show(meeting({ status: 'notice_sent' }));
    expect(byTestId('resend-pending')).toBeNull();
  });

  it('reminds to send a changed notice after an agenda change, in a polite live region, until it is sent', async () => {
    await show(meeting({ status: 'notice_sent' }));
    await removeItem(meeting({ status: 'notice_sent', items: [] }));

    const notice = byTestId('resend-pending')!;
    expect(notice.textContent).toContain(
      'Innkallingen er allerede sendt. Medlemmene får ikke vite om endringen før du sender endret innkalling.',
    );
    expect(notice.getAttribute('data-color')).toBe('info');
    expect(notice.parentElement?.getAttribute('aria-live')).toBe('polite');

    byTestId<HTMLButtonElement>('resend-pending-open')!.click();
    await settle();
    expect(byTestId('resend-dialog')?.hasAttribute('open')).toBe(true);
    byTestId<HTMLButtonElement>('resend-confirm')!.click();
    await settle();
    http
      .expectOne(`/api/meetings/${MEETING_ID}/notice/resend`)
      .flush(meeting({ status: 'notice_sent', items: [] }), {
        status: 202,
        statusText: 'Accepted',
      });
    await settle();
    expect(byTestId('resend-pending')).toBeNull();
  });

  it('reminds after the order of the agenda is saved', async () => {
    const second: AgendaItem = {
      ...ITEM,
      id: '00000000-0000-4000-8000-000000000002',
      number: 'PS 2/26',
      position: 2,
      title: 'Økonomiplan',
    };
    await show(meeting({ status: 'notice_sent', items: [ITEM, second] }));
    element.querySelector<HTMLButtonElement>(`#down-${ITEM_ID}`)!.click();
    await settle();
    const request = http.expectOne(`/api/meetings/${MEETING_ID}/items/order`);
    request.flush(
      meeting({
        status: 'notice_sent',
        items: [
          { ...second, position: 1 },
          { ...ITEM, position: 2 },
        ],
      }),
    );
    await settle();
    expect(byTestId('resend-pending')).not.toBeNull();
  });

  it('reminds when the edit form saved a change (?endret=1)', async () => {
    await show(meeting({ status: 'notice_sent' }), '1');
    expect(byTestId('resend-pending')).not.toBeNull();
  });

  it('does not remind before the notice is sent', async () => {
    await show(meeting({ status: 'planned' }), '1');
    expect(byTestId('resend-pending')).toBeNull();
    await removeItem(meeting({ status: 'planned', items: [] }));
    expect(byTestId('resend-pending')).toBeNull();
  });
});
