import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PublicAbsenceLink, PublicSummons } from '@sekretariat/contracts';
import { MUNICIPALITY } from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { AbsenceLinkPage } from './absence-link-page';
import { SummonsPage } from './summons-page';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const meeting = { bodyName: 'Formannskapet', startsAt: '2027-03-10T17:00:00.000Z', endsAt: null, place: 'Rådhuset', remote: false };

const summons = (over: Partial<PublicSummons> = {}): PublicSummons => ({
  substituteName: 'Vera Vara',
  replaces: 'Anne Ås',
  agendaItem: null,
  meeting,
  status: 'pending',
  deadline: '2027-03-09T17:00:00.000Z',
  pastDeadline: false,
  ...over,
});

describe('the public pages for the links in e-mails', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionStore).load();
    http.expectOne('/api/auth/me').flush({ user: null });
    http.expectOne('/api/municipalities/current').flush(MUNICIPALITY);
    await loading;
  });
  afterEach(() => http.verify());

  const text = (element: HTMLElement, selector: string) => (element.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

  it('shows a substitute the meeting and whom they replace, and takes their answer by a button', async () => {
    const fixture = TestBed.createComponent(SummonsPage);
    fixture.componentRef.setInput('token', TOKEN);
    TestBed.tick();
    http.expectOne(`/api/public/eksempel/summons/${TOKEN}`).flush(summons());
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(text(element, 'h1')).toBe('Innkalling som varamedlem');
    expect(text(element, '.lead')).toBe('Vera Vara, du kalles inn som varamedlem fordi Anne Ås ikke kan møte.');
    expect(text(element, 'dl')).toContain('Rådhuset');

    element.querySelector<HTMLButtonElement>('[data-testid="summons-decline"]')!.click();
    TestBed.tick();
    http.expectOne({ method: 'POST', url: `/api/public/eksempel/summons/${TOKEN}/decline` }).flush(summons({ status: 'declined' }));
    await fixture.whenStable();
    expect(text(element, '[data-testid="summons-declined"]')).toBe('Du har takket nei. Neste varamedlem blir spurt.');
    expect(element.querySelector('[data-testid="summons-accept"]')).toBeNull();
  });

  it('tells a substitute whose deadline has passed, without answer buttons', async () => {
    const fixture = TestBed.createComponent(SummonsPage);
    fixture.componentRef.setInput('token', TOKEN);
    TestBed.tick();
    http.expectOne(`/api/public/eksempel/summons/${TOKEN}`).flush(summons({ pastDeadline: true }));
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-testid="summons-expired"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="summons-accept"]')).toBeNull();
  });

  it('lets a member report absence for the whole meeting through their link', async () => {
    const info: PublicAbsenceLink = { memberName: 'Anne Ås', meeting, items: [{ id: '22222222-2222-4222-8222-222222222222', number: 'PS 1/27', title: 'Fergetilbudet' }], reported: [], open: true };
    const fixture = TestBed.createComponent(AbsenceLinkPage);
    fixture.componentRef.setInput('token', TOKEN);
    TestBed.tick();
    http.expectOne(`/api/public/eksempel/absence-links/${TOKEN}`).flush(info);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(text(element, 'h1')).toBe('Meld forfall');
    const reason = element.querySelector<HTMLTextAreaElement>('#link-absence-reason')!;
    reason.value = 'Syk';
    reason.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid="link-absence-submit"]')!.click();
    TestBed.tick();
    const request = http.expectOne({ method: 'POST', url: `/api/public/eksempel/absence-links/${TOKEN}` });
    expect(request.request.body).toEqual({ agendaItemId: null, reason: 'Syk' });
    request.flush({ kind: 'absent', agendaItemNumber: null, reportedAt: '2027-03-01T10:00:00.000Z', substituteAsked: true });
    await new Promise((r) => setTimeout(r));
    TestBed.tick();
    http.expectOne(`/api/public/eksempel/absence-links/${TOKEN}`).flush({ ...info, reported: [{ kind: 'absent', agendaItemNumber: null, reportedAt: '2027-03-01T10:00:00.000Z' }] });
    await fixture.whenStable();
    expect(text(element, '[data-testid="absence-reported"]')).toBe('Forfallet er meldt. Et varamedlem er spurt.');
    expect(element.querySelector('[data-testid="link-absence-submit"]')).toBeNull();
  });
});
