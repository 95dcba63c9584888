import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { BodyListResponse, MeetingPlanResponse } from '@sekretariat/contracts';
import { BODY_ID, MUNICIPALITY, SECRETARIAT_USER } from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { localYear } from './meeting-time';
import { MeetingPlanPage } from './meeting-plan-page';

const BODIES: BodyListResponse = {
  items: [
    {
      id: BODY_ID,
      name: 'Kommunestyret',
      kind: 'kommunestyre',
      seats: 27,
      termFrom: '2023-10-01',
      termTo: '2027-09-30',
      memberCount: 27,
    },
  ],
};

function plan(year: number): MeetingPlanResponse {
  const meeting = (id: string, startsAt: string, status: 'planned' | 'notice_sent') => ({
    id,
    bodyId: BODY_ID,
    bodyName: 'Kommunestyret',
    startsAt,
    endsAt: null,
    place: 'Rådhuset',
    remote: false,
    status,
    videoUrl: null,
    itemCount: 3,
  });
  return {
    items: [
      meeting(
        '5b0c8e1a-9d2f-4e3a-8b7c-6d5e4f3a2b11',
        `${String(year)}-02-10T17:00:00.000Z`,
        'notice_sent',
      ),
      meeting(
        '5b0c8e1a-9d2f-4e3a-8b7c-6d5e4f3a2b12',
        `${String(year)}-02-24T17:00:00.000Z`,
        'planned',
      ),
      meeting(
        '5b0c8e1a-9d2f-4e3a-8b7c-6d5e4f3a2b13',
        `${String(year)}-04-14T16:00:00.000Z`,
        'planned',
      ),
    ],
  };
}

describe('MeetingPlanPage', () => {
  const year = localYear(new Date().toISOString());
  let http: HttpTestingController;
  let fixture: ComponentFixture<MeetingPlanPage>;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [MeetingPlanPage, translocoTesting()],
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
    fixture = TestBed.createComponent(MeetingPlanPage);
    element = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    http.expectOne('/api/bodies').flush(BODIES);
    http.expectOne(`/api/meetings?year=${String(year)}`).flush(plan(year));
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
  });

  it('groups the year by month with the status in words and a link per meeting', () => {
    const months = [...element.querySelectorAll('section h2')].map((h) => h.textContent.trim());
    expect(months).toEqual([`februar ${String(year)}`, `april ${String(year)}`]);
    const rows = [...element.querySelectorAll('[data-testid="plan-meeting"]')];
    expect(rows).toHaveLength(3);
    expect(rows[0]?.querySelector('a')?.getAttribute('href')).toBe(
      '/moter/5b0c8e1a-9d2f-4e3a-8b7c-6d5e4f3a2b11',
    );
    expect(
      rows.map((row) => row.querySelector('[data-testid="meeting-status"]')?.textContent?.trim()),
    ).toEqual(['Innkalling sendt', 'Planlagt', 'Planlagt']);
    expect(element.querySelector('[data-testid="new-meeting"]')).not.toBeNull();
  });

  it('switches year and filters by body through the API', async () => {
    element.querySelector<HTMLButtonElement>('[data-testid="year-next"]')!.click();
    TestBed.tick();
    http.expectOne(`/api/meetings?year=${String(year + 1)}`).flush({ items: [] });
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="plan-year"]')?.textContent?.trim()).toBe(
      String(year + 1),
    );
    expect(element.querySelector('[data-testid="plan-meeting"]')).toBeNull();

    const select = element.querySelector<HTMLSelectElement>('#plan-body')!;
    select.value = BODY_ID;
    select.dispatchEvent(new Event('change'));
    TestBed.tick();
    http
      .expectOne(`/api/meetings?year=${String(year + 1)}&bodyId=${BODY_ID}`)
      .flush(plan(year + 1));
    await fixture.whenStable();
    expect(element.querySelectorAll('[data-testid="plan-meeting"]')).toHaveLength(3);
    expect(element.querySelector('[data-testid="new-meeting"]')?.getAttribute('href')).toBe(
      `/moter/nytt?organ=${BODY_ID}`,
    );
  });
});
