import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MUNICIPALITY, SECRETARIAT_USER } from '../../../testing/fixtures';
import { ApiClient } from '../api/api-client';
import { apiInterceptor } from '../api/api.interceptor';
import { ApiError } from '../api/api-error';
import { SessionStore } from './session-store';

describe('SessionStore', () => {
  let store: SessionStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    store = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
  });

  async function load(user: typeof SECRETARIAT_USER | null): Promise<void> {
    const loading = store.load();
    http.expectOne('/api/auth/me').flush({ user });
    http.expectOne('/api/municipalities/current').flush(MUNICIPALITY);
    await loading;
  }

  it('starts as a visitor with the public caller role', async () => {
    await load(null);
    expect(store.user()).toBeNull();
    expect(store.isSignedIn()).toBe(false);
    expect(store.callers()).toEqual(['public']);
    expect(store.municipality()).toEqual(MUNICIPALITY);
  });

  it('knows a signed-in user and their roles', async () => {
    await load(SECRETARIAT_USER);
    expect(store.isSignedIn()).toBe(true);
    expect(store.callers()).toEqual(['secretariat']);
  });

  it('still starts when the API is down', async () => {
    const loading = store.load();
    http.expectOne('/api/auth/me').error(new ProgressEvent('error'));
    http.expectOne('/api/municipalities/current').error(new ProgressEvent('error'));
    await expect(loading).resolves.toBeUndefined();
    expect(store.user()).toBeNull();
    expect(store.municipality()).toBeNull();
  });

  it('signs in with credentials and the session cookie', async () => {
    await load(null);
    const login = store.login({ username: 'kari', password: 'hemmelig' });
    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.withCredentials).toBe(true);
    expect(request.request.body).toEqual({ username: 'kari', password: 'hemmelig' });
    request.flush({ user: SECRETARIAT_USER });
    await expect(login).resolves.toEqual(SECRETARIAT_USER);
    expect(store.user()?.displayName).toBe('Kari Nordmann');
  });

  it('rejects a failed sign-in with a typed ApiError', async () => {
    await load(null);
    const login = store.login({ username: 'kari', password: 'feil' });
    http
      .expectOne('/api/auth/login')
      .flush(
        { code: 'AUTH_INVALID_CREDENTIALS', message: 'Feil brukernavn eller passord.' },
        { status: 401, statusText: 'Unauthorized' },
      );
    const error: unknown = await login.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'AUTH_INVALID_CREDENTIALS' });
    expect(store.isSignedIn()).toBe(false);
  });

  it('signs out, and forgets the user even if the server call fails', async () => {
    await load(SECRETARIAT_USER);
    const logout = store.logout();
    http.expectOne('/api/auth/logout').flush(null, { status: 500, statusText: 'Server Error' });
    await expect(logout).rejects.toBeInstanceOf(ApiError);
    expect(store.isSignedIn()).toBe(false);
  });

  it('continues as a visitor when the server answers 401 to a staff call', async () => {
    await load(SECRETARIAT_USER);
    const api = TestBed.inject(ApiClient);
    const failed = new Promise((resolve) => api.get('bodies').subscribe({ error: resolve }));
    http
      .expectOne('/api/bodies')
      .flush(
        { code: 'AUTH_REQUIRED', message: 'Logg inn.' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await failed;
    expect(store.isSignedIn()).toBe(false);
  });
});
