import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SessionUser } from '@sekretariat/contracts';
import { BODY_ID, MUNICIPALITY, SECRETARIAT_USER, bodyDetail } from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { BodyDetailPage } from './body-detail-page';

describe('BodyDetailPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [BodyDetailPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
  });

  async function signIn(user: SessionUser | null): Promise<void> {
    const loading = TestBed.inject(SessionStore).load();
    http.expectOne('/api/auth/me').flush({ user });
    http.expectOne('/api/municipalities/current').flush(MUNICIPALITY);
    await loading;
  }

  function render(id: string): ComponentFixture<BodyDetailPage> {
    const fixture = TestBed.createComponent(BodyDetailPage);
    fixture.componentRef.setInput('id', id);
    // Not whenStable(): the page stays unstable while its data request is open.
    TestBed.tick();
    return fixture;
  }

  function rows(element: HTMLElement, testId: string): string[][] {
    return [...element.querySelectorAll(`[data-testid="${testId}"] tbody tr`)].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent.trim()),
    );
  }

  function headers(element: HTMLElement, testId: string): string[] {
    return [...element.querySelectorAll(`[data-testid="${testId}"] thead th`)].map((cell) =>
      cell.textContent.trim(),
    );
  }

  it('shows a visitor the public data, ranked substitutes and the public PDF link', async () => {
    await signIn(null);
    const fixture = render(BODY_ID);
    const element = fixture.nativeElement as HTMLElement;
    expect(element.textContent).toContain('Laster organet');

    http.expectOne(`/api/public/eksempel/bodies/${BODY_ID}`).flush(bodyDetail(false));
    await fixture.whenStable();

    expect(element.querySelector('h1')?.textContent.trim()).toBe('Formannskapet');
    expect(element.querySelector('.facts')?.textContent).toContain('Formannskap');
    expect(headers(element, 'members-table')).toEqual(['Navn', 'Parti', 'Rolle']);
    expect(rows(element, 'members-table')).toEqual([
      ['Ola Ordfører', 'Eksempelpartiet', 'Leder'],
      ['Åse Ærlig', 'Ikke oppgitt', 'Medlem'],
    ]);
    expect(rows(element, 'substitutes-table')).toEqual([
      ['1', 'Per Første', 'Eksempelpartiet'],
      ['2', 'Siri Andre', 'Eksempelpartiet'],
    ]);

    const pdf = element.querySelector<HTMLAnchorElement>('[data-testid="members-pdf"]');
    expect(pdf?.getAttribute('href')).toBe(`/api/public/eksempel/bodies/${BODY_ID}/members.pdf`);
    expect(pdf?.hasAttribute('download')).toBe(true);
    expect(pdf?.textContent.trim()).toBe('Last ned medlemsliste (PDF)');
  });

  it('shows signed-in staff the e-mail column and the staff PDF link', async () => {
    await signIn(SECRETARIAT_USER);
    const fixture = render(BODY_ID);
    const element = fixture.nativeElement as HTMLElement;

    const request = http.expectOne(`/api/bodies/${BODY_ID}`);
    expect(request.request.withCredentials).toBe(true);
    request.flush(bodyDetail(true));
    await fixture.whenStable();

    expect(headers(element, 'members-table')).toEqual(['Navn', 'Parti', 'Rolle', 'E-post']);
    expect(rows(element, 'members-table')[0]).toEqual([
      'Ola Ordfører',
      'Eksempelpartiet',
      'Leder',
      'ola@example.no',
    ]);
    expect(element.querySelector('[data-testid="members-pdf"]')?.getAttribute('href')).toBe(
      `/api/bodies/${BODY_ID}/members.pdf`,
    );
  });

  it('says so when the body does not exist', async () => {
    await signIn(null);
    const fixture = render(BODY_ID);
    http
      .expectOne(`/api/public/eksempel/bodies/${BODY_ID}`)
      .flush(
        { code: 'BODY_NOT_FOUND', message: 'Fant ikke organet.' },
        { status: 404, statusText: 'Not Found' },
      );
    await fixture.whenStable();

    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Vi fant ikke det du lette etter.');
    expect(alert?.querySelector('button')).toBeNull();
  });

  it('does not ask the API about an id that cannot exist', async () => {
    await signIn(null);
    const fixture = render('ikke-en-id');
    http.expectNone((request) => request.url.includes('/bodies/'));
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')?.textContent,
    ).toContain('Vi fant ikke det du lette etter.');
  });
});
