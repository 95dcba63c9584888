import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MeetingDetail } from '@sekretariat/contracts';
import { BODY_ID, MUNICIPALITY, SECRETARIAT_USER, bodyDetail } from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { MeetingPage } from './meeting-page';
import { toNoticeResendInput } from './notice-resend-dialog';

const MEETING_ID = '5b0c8e1a-9d2f-4e3a-8b7c-6d5e4f3a2b1c';

function meeting(overrides: Partial<MeetingDetail> = {}): MeetingDetail {
  return {
    id: MEETING_ID,
    bodyId: BODY_ID,
    bodyName: 'Formannskapet',
    startsAt: '2026-12-03T17:00:00.000Z',
    endsAt: null,
    place: 'Rådhuset',
    remote: false,
    status: 'notice_sent',
    videoUrl: null,
    items: [],
    ...overrides,
  };
}

describe('toNoticeResendInput', () => {
  it('trims the message, and an empty one is fine', () => {
    expect(toNoticeResendInput('  Nytt sted  ')).toEqual({ message: 'Nytt sted' });
    expect(toNoticeResendInput('')).toEqual({ message: '' });
  });

  it('stops a message over 1000 characters at the field', () => {
    expect(toNoticeResendInput('x'.repeat(1000))).toEqual({ message: 'x'.repeat(1000) });
    expect(toNoticeResendInput('x'.repeat(1001))).toEqual({
      field: 'resend-message',
      messageKey: 'meetings.resend.tooLong',
    });
  });
});

describe('MeetingPage: the changed notice', () => {
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

  async function show(detail: MeetingDetail): Promise<void> {
    fixture = TestBed.createComponent(MeetingPage);
    fixture.componentRef.setInput('id', MEETING_ID);
    element = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    http.expectOne(`/api/meetings/${MEETING_ID}`).flush(detail);
    await settle();
  }

  const byTestId = <T extends HTMLElement = HTMLElement>(testId: string) =>
    element.querySelector<T>(`[data-testid="${testId}"]`);

  const typeMessage = (text: string) => {
    const field = element.querySelector<HTMLTextAreaElement>('#resend-message')!;
    field.value = text;
    field.dispatchEvent(new Event('input'));
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
  });

  afterEach(() => {
    answerSideRequests();
    http.verify();
  });

  it('is offered only once the notice is sent', async () => {
    await show(meeting({ status: 'planned' }));
    expect(byTestId('resend-notice')).toBeNull();
    expect(byTestId('resend-dialog')).toBeNull();
  });

  it('explains who gets it, sends the message and shows that it is queued', async () => {
    await show(meeting());
    byTestId<HTMLButtonElement>('resend-notice')!.click();
    await settle();
    const dialog = byTestId('resend-dialog')!;
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.textContent).toContain('Medlemmene av organet');
    expect(dialog.textContent).toContain('Varamedlemmer som har takket ja');
    expect(element.querySelector('label[for="resend-message"]')?.textContent).toContain('Melding');

    typeMessage('  Møtet er flyttet til Formannskapssalen.  ');
    byTestId<HTMLButtonElement>('resend-confirm')!.click();
    await settle();
    const request = http.expectOne(`/api/meetings/${MEETING_ID}/notice/resend`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ message: 'Møtet er flyttet til Formannskapssalen.' });
    request.flush(meeting(), { status: 202, statusText: 'Accepted' });
    await settle();
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(byTestId('meeting-flash')?.textContent).toContain(
      'Den endrede innkallingen er satt i kø',
    );
  });

  it('keeps a too long message in the dialog with the reason at the field, and shows the API’s refusal', async () => {
    await show(meeting());
    byTestId<HTMLButtonElement>('resend-notice')!.click();
    await settle();
    typeMessage('x'.repeat(1001));
    byTestId<HTMLButtonElement>('resend-confirm')!.click();
    await settle();
    http.expectNone(`/api/meetings/${MEETING_ID}/notice/resend`);
    expect(element.querySelector('#resend-message-error')?.textContent).toContain(
      'høyst 1000 tegn',
    );
    expect(element.querySelector('#resend-message')?.getAttribute('aria-invalid')).toBe('true');

    typeMessage('Ny tid');
    byTestId<HTMLButtonElement>('resend-confirm')!.click();
    await settle();
    http
      .expectOne(`/api/meetings/${MEETING_ID}/notice/resend`)
      .flush(
        {
          code: 'MEETING_ALREADY_HELD',
          message: 'Møtet er allerede holdt; endret innkalling kan ikke sendes.',
        },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(byTestId('resend-dialog')?.textContent).toContain('Møtet er allerede holdt');
    expect(byTestId('meeting-flash')).toBeNull();
  });
});
