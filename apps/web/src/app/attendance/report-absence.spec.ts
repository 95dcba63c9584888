import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Absence } from '@sekretariat/contracts';
import { MUNICIPALITY, OFFICIAL_USER } from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { ReportAbsence } from './report-absence';

const MEETING = '11111111-1111-4111-8111-111111111111';
const ABSENCE: Absence = {
  id: '55555555-5555-4555-8555-555555555555',
  meetingId: MEETING,
  personId: '33333333-3333-4333-8333-333333333333',
  name: 'Per Politiker',
  kind: 'absent',
  agendaItemId: null,
  agendaItemNumber: null,
  reason: 'Syk',
  source: 'self',
  reportedBy: 'Per Politiker',
  reportedAt: '2027-03-01T10:00:00.000Z',
  withdrawnAt: null,
  deadlineHours: 24,
  summonses: [],
  exhausted: null,
};

describe('ReportAbsence', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ReportAbsence, translocoTesting()],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionStore).load();
    http.expectOne('/api/auth/me').flush({ user: OFFICIAL_USER });
    http.expectOne('/api/municipalities/current').flush(MUNICIPALITY);
    await loading;
  });
  afterEach(() => http.verify());

  it('reports the official’s own absence, then offers to withdraw it', async () => {
    const fixture = TestBed.createComponent(ReportAbsence);
    fixture.componentRef.setInput('meetingId', MEETING);
    TestBed.tick();
    http.expectOne(`/api/meetings/${MEETING}/my-absences`).flush({ items: [] });
    http.expectOne(`/api/meetings/${MEETING}`).flush({ items: [] });
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    element.querySelector<HTMLButtonElement>('[data-testid="report-absence-open"]')!.click();
    await fixture.whenStable();
    const reason = element.querySelector<HTMLTextAreaElement>('#own-absence-reason')!;
    reason.value = 'Syk';
    reason.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid="own-absence-submit"]')!.click();
    TestBed.tick();
    const request = http.expectOne({ method: 'POST', url: `/api/meetings/${MEETING}/my-absence` });
    expect(request.request.body).toEqual({ agendaItemId: null, reason: 'Syk' });
    request.flush(ABSENCE);
    await new Promise((r) => setTimeout(r));
    TestBed.tick();
    http.expectOne(`/api/meetings/${MEETING}/my-absences`).flush({ items: [ABSENCE] });
    await fixture.whenStable();

    expect(element.querySelector('[data-testid="report-absence-done"]')?.textContent).toContain('Forfallet er meldt');
    expect(element.querySelector('[data-testid="own-absences"]')?.textContent).toContain('Du har meldt forfall til møtet.');
    expect(element.querySelector('[data-testid="report-absence-open"]')).toBeNull();
  });
});
