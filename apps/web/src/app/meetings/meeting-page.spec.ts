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
