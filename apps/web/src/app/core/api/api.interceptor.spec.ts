import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { ApiClient } from './api-client';
import { apiInterceptor } from './api.interceptor';

/** What the API requires of every state change: application/json, with or without a body. */
describe('apiInterceptor: the content type of state changes', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let api: ApiClient;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    api = TestBed.inject(ApiClient);
  });
  afterEach(() => http.verify());

  const sent = (url: string, method: string) => {
    const request = http.expectOne({ url, method });
    request.flush(null, { status: 204, statusText: 'No Content' });
    return request.request;
  };

  it('sends Content-Type: application/json on bodiless POST, PUT, PATCH and DELETE', async () => {
    const calls = [
      firstValueFrom(client.post('/api/meetings/1/publish', null)),
      firstValueFrom(client.put('/api/x', null)),
      firstValueFrom(client.patch('/api/y', null)),
      firstValueFrom(client.delete('/api/documents/1')),
    ];
    for (const [url, method] of [['/api/meetings/1/publish', 'POST'], ['/api/x', 'PUT'], ['/api/y', 'PATCH'], ['/api/documents/1', 'DELETE']] as const) {
      const request = sent(url, method);
      expect(request.headers.get('Content-Type')).toBe('application/json');
      expect(request.withCredentials).toBe(true);
    }
    await Promise.all(calls);
  });

  it('sends it with JSON bodies, and with ApiClient.post and postNoContent', async () => {
    const calls = [firstValueFrom(api.post(['cases'], { title: 'Sak' })), firstValueFrom(api.postNoContent(['auth', 'logout']))];
    expect(sent('/api/cases', 'POST').headers.get('Content-Type')).toBe('application/json');
    expect(sent('/api/auth/logout', 'POST').headers.get('Content-Type')).toBe('application/json');
    await Promise.all(calls);
  });

  it('leaves uploads (FormData), files with their own type and reads as they are', async () => {
    const form = new FormData();
    form.append('title', 'Vedlegg');
    const calls = [
      firstValueFrom(client.post('/api/cases/1/documents', form)),
      firstValueFrom(api.postFile(['register', 'import'], new Blob(['a;b']), 'text/csv')),
      firstValueFrom(client.get('/api/meetings')),
    ];
    expect(sent('/api/cases/1/documents', 'POST').headers.has('Content-Type')).toBe(false);
    expect(sent('/api/register/import', 'POST').headers.get('Content-Type')).toBe('text/csv');
    expect(sent('/api/meetings', 'GET').headers.has('Content-Type')).toBe(false);
    await Promise.all(calls);
  });

  it('changes nothing for calls outside the API', async () => {
    const call = firstValueFrom(client.post('/i18n/x', null));
    expect(sent('/i18n/x', 'POST').headers.has('Content-Type')).toBe(false);
    await call;
  });
});
