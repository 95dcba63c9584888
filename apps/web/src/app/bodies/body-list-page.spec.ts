import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { BodyListResponse } from '@sekretariat/contracts';
import { BODY_ID, MUNICIPALITY, SECRETARIAT_USER } from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { BodyListPage } from './body-list-page';

const LIST: BodyListResponse = {
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

describe('BodyListPage', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [BodyListPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionStore).load();
    http.expectOne('/api/auth/me').flush({ user: null });
    http.expectOne('/api/municipalities/current').flush(MUNICIPALITY);
    await loading;
  });

  afterEach(() => {
    http.verify();
  });

  it('waits for the session before choosing between staff and public endpoints', async () => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      imports: [BodyListPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionStore).load();
    const fixture = TestBed.createComponent(BodyListPage);
    TestBed.tick();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain(
      'Laster politiske organer',
    );
    http.expectNone((request) => request.url.includes('bodies'));

    http.expectOne('/api/auth/me').flush({ user: null });
    http.expectOne('/api/municipalities/current').flush(MUNICIPALITY);
    await loading;
    TestBed.tick();
    http.expectOne('/api/public/eksempel/bodies').flush(LIST);
    await fixture.whenStable();
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid="bodies-table"]'),
    ).not.toBeNull();
  });

  it('lists the bodies with links, translated types, seats and term', async () => {
    const fixture = TestBed.createComponent(BodyListPage);
    TestBed.tick();
    http.expectOne('/api/public/eksempel/bodies').flush(LIST);
    await fixture.whenStable();

    const table = (fixture.nativeElement as HTMLElement).querySelector(
      '[data-testid="bodies-table"]',
    );
    const link = table?.querySelector('a');
    expect(link?.textContent.trim()).toBe('Kommunestyret');
    expect(link?.getAttribute('href')).toBe(`/organer/${BODY_ID}`);
    const cells = [...(table?.querySelectorAll('tbody td') ?? [])].map((cell) =>
      cell.textContent.trim(),
    );
    expect(cells).toEqual(['Kommunestyre', '27', '01.10.2023–30.09.2027']);
  });

  it('shows an error with a retry button when the server fails, and retries', async () => {
    const fixture = TestBed.createComponent(BodyListPage);
    TestBed.tick();
    http
      .expectOne('/api/public/eksempel/bodies')
      .flush({ code: 'INTERNAL', message: 'Feil' }, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();

    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Tjenesten har en feil akkurat nå.',
    );
    element.querySelector<HTMLButtonElement>('[role="alert"] button')?.click();
    TestBed.tick();
    http.expectOne('/api/public/eksempel/bodies').flush(LIST);
    await fixture.whenStable();
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(element.querySelector('[data-testid="bodies-table"]')).not.toBeNull();
  });

  it('links the open data for everyone, and shows the editor buttons only to editors', async () => {
    const fixture = TestBed.createComponent(BodyListPage);
    TestBed.tick();
    http.expectOne('/api/public/eksempel/bodies').flush(LIST);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(
      [...element.querySelectorAll('[data-testid="open-data"] a')].map((a) =>
        a.getAttribute('href'),
      ),
    ).toEqual([
      '/api/public/eksempel/popolo/organizations',
      '/api/public/eksempel/popolo/persons',
      '/api/public/eksempel/popolo/memberships',
      '/api/public/eksempel/popolo/posts',
    ]);
    expect(element.querySelector('[data-testid="new-body"]')).toBeNull();

    const signIn = TestBed.inject(SessionStore).login({ username: 'kari', password: 'x' });
    http.expectOne('/api/auth/login').flush({ user: SECRETARIAT_USER });
    await signIn;
    TestBed.tick();
    http.expectOne('/api/bodies').flush(LIST);
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="new-body"]')?.getAttribute('href')).toBe(
      '/organer/ny',
    );
    expect(element.querySelector('a[href="/organer/import"]')).not.toBeNull();
  });
});
