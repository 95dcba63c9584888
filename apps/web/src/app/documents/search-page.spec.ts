import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { SearchResponse } from '@sekretariat/contracts';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { SearchPage, pageFrom } from './search-page';
import { filtersFrom, isDay } from './search-filters';

const BODY = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

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
    http.expectOne('/api/bodies').flush({ items: [] });
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
    // The count is announced through a live region that is always on the page.
    const status = element.querySelector('[data-testid="search-status"]')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toContain('1 treff for «barnehager»');
    const snippet = element.querySelector('[data-testid="search-snippet"]')!;
    expect(snippet.querySelector('mark')?.textContent).toBe('barnehage');
    expect(snippet.querySelector('img')).toBeNull();
    expect(snippet.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(element.querySelector('a.ds-link')?.getAttribute('href')).toBe(
      '/saker/00000000-0000-4000-8000-000000000009',
    );
    http.verify();
  });

  it('sends the filters in the address to the API and keeps new ones in the address', async () => {
    TestBed.configureTestingModule({
      imports: [SearchPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(SearchPage);
    fixture.componentRef.setInput('q', 'trafikk');
    fixture.componentRef.setInput('organ', BODY);
    fixture.componentRef.setInput('fra', '2026-01-01');
    fixture.componentRef.setInput('til', 'not-a-date');
    fixture.componentRef.setInput('type', 'document');
    fixture.detectChanges();
    http.expectOne('/api/bodies').flush({
      items: [
        {
          id: BODY,
          name: 'Formannskapet',
          kind: 'formannskap',
          seats: 7,
          termFrom: '2023-10-01',
          termTo: '2027-09-30',
          memberCount: 7,
        },
      ],
    });
    const request = http.expectOne((r) => r.url === '/api/search');
    expect(request.request.params.get('bodyId')).toBe(BODY);
    expect(request.request.params.get('from')).toBe('2026-01-01');
    // A malformed day in a hand-edited address is left out, not sent.
    expect(request.request.params.has('to')).toBe(false);
    expect(request.request.params.get('type')).toBe('document');
    request.flush(RESULT);
    await fixture.whenStable();
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const body = element.querySelector<HTMLSelectElement>('[data-testid="filter-body"]')!;
    expect(body.value).toBe(BODY);
    expect(element.querySelector('label[for="search-filter-body"]')?.textContent).toContain(
      'Organ',
    );

    // A range backwards: said next to the field, focus there, nothing searched.
    const to = element.querySelector<HTMLInputElement>('[data-testid="filter-to"]')!;
    to.value = '2025-12-31';
    element.querySelector<HTMLButtonElement>('[data-testid="filter-apply"]')!.click();
    fixture.detectChanges();
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(element.querySelector(`#${to.getAttribute('aria-describedby')}`)?.textContent).toContain(
      'Til-datoen må være samme dag som eller etter fra-datoen.',
    );
    expect(document.activeElement === to || !document.body.contains(to)).toBe(true);
    expect(navigate).not.toHaveBeenCalled();

    to.value = '2026-06-30';
    element.querySelector<HTMLButtonElement>('[data-testid="filter-apply"]')!.click();
    expect(navigate).toHaveBeenCalledWith([], {
      queryParams: {
        q: 'trafikk',
        side: null,
        organ: BODY,
        fra: '2026-01-01',
        til: '2026-06-30',
        type: 'document',
      },
    });
    http.verify();
  });

  it('reads filters from the address, leaving out what is malformed', () => {
    expect(
      filtersFrom({ organ: BODY, fra: '2026-02-30', til: '2026-03-01', type: 'meeting' }),
    ).toEqual({
      bodyId: BODY,
      to: '2026-03-01',
      type: 'meeting',
    });
    expect(
      filtersFrom({ organ: 'x', fra: '2026-05-01', til: '2026-04-01', type: 'person' }),
    ).toEqual({ from: '2026-05-01' });
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
  });
});
