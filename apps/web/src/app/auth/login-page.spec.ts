import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { SECRETARIAT_USER } from '../../testing/fixtures';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SessionStore } from '../core/session/session-store';
import { LoginPage } from './login-page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let http: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [LoginPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginPage);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
  });

  function type(id: 'username' | 'password', value: string): void {
    const input = element.querySelector<HTMLInputElement>(`#${id}`);
    if (!input) throw new Error(`#${id} missing`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  /** Clicks submit; the request, if any, is then open (the page stays unstable until it is answered). */
  function submit(): void {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    TestBed.tick();
  }

  function summaryText(): string {
    return (
      element
        .querySelector('[data-testid="login-errors"]')
        ?.textContent.replace(/\s+/g, ' ')
        .trim() ?? ''
    );
  }

  it('has labelled fields with the ids the end-to-end tests use', () => {
    expect(element.querySelector('label[for="username"]')?.textContent).toContain('Brukernavn');
    expect(element.querySelector('label[for="password"]')?.textContent).toContain('Passord');
    expect(element.querySelector('h1')?.textContent).toContain('Logg inn');
  });

  it('says what is missing without calling the API', async () => {
    submit();
    await fixture.whenStable();
    expect(summaryText()).toContain('Skriv inn brukernavnet ditt.');
    expect(summaryText()).toContain('Skriv inn passordet ditt.');
    expect(element.querySelector('#username')?.getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector('#username')?.getAttribute('aria-describedby')).toBe(
      'username-error',
    );
    http.expectNone('/api/auth/login');
  });

  it('shows a translated, announced message when the API answers 401', async () => {
    type('username', 'kari');
    type('password', 'feil');
    submit();
    http
      .expectOne('/api/auth/login')
      .flush(
        { code: 'AUTH_INVALID_CREDENTIALS', message: 'Invalid credentials' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await fixture.whenStable();

    expect(summaryText()).toContain('Feil brukernavn eller passord.');
    expect(element.querySelector('[data-testid="login-errors"]')?.getAttribute('role')).toBe(
      'alert',
    );
    expect(TestBed.inject(SessionStore).isSignedIn()).toBe(false);
  });

  it('shows the summary as a new alert on every failed attempt, so it is announced again', async () => {
    submit();
    await fixture.whenStable();
    const first = element.querySelector('[data-testid="login-errors"]');
    submit();
    await fixture.whenStable();
    const second = element.querySelector('[data-testid="login-errors"]');
    expect(second?.textContent).toContain('Skriv inn brukernavnet ditt.');
    expect(second).not.toBe(first);
  });

  it('shows the message in the active language', async () => {
    TestBed.inject(TranslocoService).setActiveLang('nn');
    type('username', 'kari');
    type('password', 'feil');
    submit();
    http
      .expectOne('/api/auth/login')
      .flush(
        { code: 'RATE_LIMITED', message: 'Too many' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await fixture.whenStable();
    expect(summaryText()).toContain('For mange forsøk på kort tid.');
    expect(summaryText()).toContain('Du kan ikkje logge inn enno');
  });

  it('goes to the return url after signing in', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture.componentRef.setInput('returnUrl', '/organer/abc');
    type('username', ' kari ');
    type('password', 'riktig');
    submit();
    const request = http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ username: 'kari', password: 'riktig' });
    request.flush({ user: SECRETARIAT_USER });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/organer/abc');
    expect(TestBed.inject(SessionStore).user()?.displayName).toBe('Kari Nordmann');
  });

  it('goes to /organer without a return url', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    type('username', 'kari');
    type('password', 'riktig');
    submit();
    http.expectOne('/api/auth/login').flush({ user: SECRETARIAT_USER });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/organer');
  });
});
