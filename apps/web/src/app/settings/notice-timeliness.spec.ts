import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { NoticeTimeliness } from '@sekretariat/contracts';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { NoticeTimelinessNote } from './notice-timeliness';

const MEETING = 'a1000000-0000-4000-8000-000000000001';

describe('NoticeTimelinessNote', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<NoticeTimelinessNote>;

  async function render(mode: 'before' | 'after', answer: NoticeTimeliness): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [NoticeTimelinessNote, translocoTesting()],
      providers: [
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NoticeTimelinessNote);
    fixture.componentRef.setInput('meetingId', MEETING);
    fixture.componentRef.setInput('status', answer.sentAt ? 'notice_sent' : 'planned');
    fixture.componentRef.setInput('mode', mode);
    TestBed.tick();
    http.expectOne(`/api/meetings/${MEETING}/notice-timeliness`).flush(answer);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => {
    http.verify();
  });

  it('warns in the send dialog when a notice sent now is late', async () => {
    const element = await render('before', {
      requiredDays: 14,
      daysBefore: 5,
      late: true,
      sentAt: null,
    });
    expect(element.querySelector('[data-testid="notice-late-warning"]')?.textContent).toContain(
      'Sendes innkallingen nå, går den ut 5 dager før møtet. Reglementet sier 14 dager',
    );
  });

  it('says nothing in the dialog when the notice is in time', async () => {
    const element = await render('before', {
      requiredDays: 7,
      daysBefore: 20,
      late: false,
      sentAt: null,
    });
    expect(element.textContent?.trim()).toBe('');
  });

  it('tells on the meeting page how late the notice went out', async () => {
    const element = await render('after', {
      requiredDays: 14,
      daysBefore: 5,
      late: true,
      sentAt: '2026-12-07T10:00:00Z',
    });
    expect(element.querySelector('[data-testid="notice-late"]')?.textContent?.trim()).toBe(
      'Innkallingen gikk ut 5 dager før møtet (reglementet: 14).',
    );
  });
});
