import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SearchResponse } from '@sekretariat/contracts';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SearchPage, pageFrom } from './search-page';

const RESULT: SearchResponse = {
  total: 1,
  capped: false,
  items: [
    {
      kind: 'document',
      id: '00000000-0000-4000-8000-000000000001',
      caseId: '00000000-0000-4000-8000-000000000009',
      title: 'Utredning',
      caseTitle: 'Barnehagebehov',
      archiveReference: '26/12',
      public: true,
      rank: 0.5,
      snippet: [
        { text: 'Kommunen trenger en ny ', mark: false },
        { text: 'barnehage', mark: true },
        { text: ' <img src=x onerror=alert(1)>', mark: false },
      ],
    },
  ],
};

describe('SearchPage', () => {
  it('reads the page number from the address, defaulting to 1', () => {
    expect(pageFrom('3')).toBe(3);
    expect(pageFrom(undefined)).toBe(1);
    expect(pageFrom('-2')).toBe(1);
    expect(pageFrom('abc')).toBe(1);
  });

  it('searches for the words in the address and shows hits with marked words as text, never HTML', async () => {
    TestBed.configureTestingModule({
      imports: [SearchPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(SearchPage);
    fixture.componentRef.setInput('q', 'barnehager');
    fixture.detectChanges();
    http
      .expectOne(
        (r) =>
          r.url === '/api/search' &&
          r.params.get('q') === 'barnehager' &&
          r.params.get('offset') === '0',
      )
      .flush(RESULT);
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-testid="search-count"]')?.textContent).toContain(
      '1 treff for «barnehager»',
    );
    const snippet = element.querySelector('[data-testid="search-snippet"]')!;
    expect(snippet.querySelector('mark')?.textContent).toBe('barnehage');
    expect(snippet.querySelector('img')).toBeNull();
    expect(snippet.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(element.querySelector('a.ds-link')?.getAttribute('href')).toBe(
      '/saker/00000000-0000-4000-8000-000000000009',
    );
    http.verify();
  });
});
