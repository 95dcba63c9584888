import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Absence, MeetingSeats as MeetingSeatsDto, SessionUser } from '@sekretariat/contracts';
import { MUNICIPALITY, OFFICIAL_USER, SECRETARIAT_USER } from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { MeetingSeats } from './meeting-seats';

const MEETING = '11111111-1111-4111-8111-111111111111';
const ITEM = '22222222-2222-4222-8222-222222222222';
const ANNE = '33333333-3333-4333-8333-333333333333';
const BJORN = '44444444-4444-4444-8444-444444444444';

function absence(over: Partial<Absence> = {}): Absence {
  return {
    id: '55555555-5555-4555-8555-555555555555',
    meetingId: MEETING,
    personId: ANNE,
    name: 'Anne Ås',
    kind: 'absent',
    agendaItemId: null,
    agendaItemNumber: null,
    reason: 'Jobbreise',
    source: 'link',
    reportedBy: 'Anne Ås',
    reportedAt: '2027-03-01T10:00:00.000Z',
    withdrawnAt: null,
    deadlineHours: 24,
    summonses: [
      { id: '66666666-6666-4666-8666-666666666661', personId: '77777777-7777-4777-8777-777777777771', name: 'Vera Vara', list: 'Ap', rank: 1, status: 'declined', deadline: '2027-03-02T10:00:00.000Z', answeredAt: '2027-03-01T11:00:00.000Z', createdAt: '2027-03-01T10:00:00.000Z' },
      { id: '66666666-6666-4666-8666-666666666662', personId: '77777777-7777-4777-8777-777777777772', name: 'Viggo Vara', list: 'Ap', rank: 2, status: 'pending', deadline: '2027-03-02T11:00:00.000Z', answeredAt: null, createdAt: '2027-03-01T11:00:00.000Z' },
    ],
    exhausted: null,
    ...over,
  };
}

function seats(): MeetingSeatsDto {
  return {
    meetingId: MEETING,
    bodyId: '88888888-8888-4888-8888-888888888888',
    bodyName: 'Formannskapet',
    startsAt: '2027-03-10T17:00:00.000Z',
    status: 'notice_sent',
    items: [{ id: ITEM, number: 'PS 1/27', title: 'Fergetilbudet' }],
    seats: [
      { membershipId: '99999999-9999-4999-8999-999999999991', personId: ANNE, name: 'Anne Ås', party: 'Ap', state: 'absent', absences: [absence()] },
      { membershipId: '99999999-9999-4999-8999-999999999992', personId: BJORN, name: 'Bjørn Bø', party: 'H', state: 'present', absences: [] },
    ],
    calledIn: [],
    emptySeats: 0,
  };
}

describe('MeetingSeats', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [MeetingSeats, translocoTesting()],
      providers: [provideRouter([]), provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(user: SessionUser): Promise<{ fixture: ComponentFixture<MeetingSeats>; element: HTMLElement }> {
    const loading = TestBed.inject(SessionStore).load();
    http.expectOne('/api/auth/me').flush({ user });
    http.expectOne('/api/municipalities/current').flush(MUNICIPALITY);
    await loading;
    const fixture = TestBed.createComponent(MeetingSeats);
    fixture.componentRef.setInput('meetingId', MEETING);
    TestBed.tick();
    http.expectOne(`/api/meetings/${MEETING}/seats`).flush(seats());
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  const text = (element: HTMLElement, selector: string) => (element.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

  it('shows each seat with its state in words, the substitutes asked and their answers', async () => {
    const { element } = await render(SECRETARIAT_USER);
    expect(text(element, `[data-testid="seat-${ANNE}"]`)).toContain('Forfall');
    expect(text(element, `[data-testid="seat-${ANNE}"]`)).toContain('Vera Vara (nr. 1, Ap): takket nei');
    expect(text(element, `[data-testid="seat-${ANNE}"]`)).toContain('Viggo Vara (nr. 2, Ap): venter på svar');
    expect(text(element, `[data-testid="seat-${BJORN}"]`)).toContain('Møter');
    expect(text(element, '[data-testid="seats-summary"]')).toBe('1 møter, 1 har meldt forfall, 0 har permisjon. 0 varamedlem(mer) har takket ja.');
  });

  it('lets the secretariat register an absence for a present member, with an item and a deadline', async () => {
    const { fixture, element } = await render(SECRETARIAT_USER);
    const button = element.querySelector<HTMLButtonElement>(`[data-testid="seat-${BJORN}"] button`)!;
    expect(button.textContent).toContain('Registrer forfall');
    button.click();
    await fixture.whenStable();
    element.querySelector<HTMLInputElement>('#register-absence-item-scope')!.click();
    await fixture.whenStable();
    // An item without a reason is refused before anything is sent.
    element.querySelector<HTMLButtonElement>('[data-testid="register-absence-submit"]')!.click();
    await fixture.whenStable();
    expect(text(element, '[data-testid="register-absence-errors"]')).toContain('Velg saken du er inhabil i.');
    const select = element.querySelector<HTMLSelectElement>('#register-absence-item')!;
    select.value = ITEM;
    select.dispatchEvent(new Event('change'));
    const reason = element.querySelector<HTMLTextAreaElement>('#register-absence-reason')!;
    reason.value = 'Eier nabotomta';
    reason.dispatchEvent(new Event('input'));
    const deadline = element.querySelector<HTMLInputElement>('#register-absence-deadline')!;
    deadline.value = '6';
    deadline.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid="register-absence-submit"]')!.click();
    TestBed.tick();
    const request = http.expectOne(`/api/meetings/${MEETING}/absences`);
    expect(request.request.body).toEqual({ personId: BJORN, agendaItemId: ITEM, reason: 'Eier nabotomta', deadlineHours: 6 });
    request.flush(absence({ personId: BJORN, name: 'Bjørn Bø', kind: 'disqualified', agendaItemId: ITEM, agendaItemNumber: 'PS 1/27' }));
    await new Promise((r) => setTimeout(r));
    TestBed.tick();
    http.expectOne(`/api/meetings/${MEETING}/seats`).flush(seats());
    await fixture.whenStable();
    expect(text(element, '[data-testid="seats-done"]')).toBe('Forfallet for Bjørn Bø er registrert, og Vera Vara er spurt.');
  });

  it('records an answer the substitute gave by phone', async () => {
    const { fixture, element } = await render(SECRETARIAT_USER);
    element.querySelector<HTMLButtonElement>('[data-testid="record-accept"]')!.click();
    TestBed.tick();
    const request = http.expectOne('/api/summonses/66666666-6666-4666-8666-666666666662/answer');
    expect(request.request.body).toEqual({ answer: 'accept' });
    request.flush(absence());
    await new Promise((r) => setTimeout(r));
    TestBed.tick();
    http.expectOne(`/api/meetings/${MEETING}/seats`).flush(seats());
    await fixture.whenStable();
  });

  it('gives officials the overview without the secretariat’s actions', async () => {
    const { element } = await render(OFFICIAL_USER);
    expect(element.querySelector('[data-testid="seats-table"] button')).toBeNull();
  });
});
