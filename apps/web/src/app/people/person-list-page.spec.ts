import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { PersonListPage, searchKey } from './person-list-page';

const PEOPLE = {
  items: [
    { id: 'b1000000-0000-4000-8000-000000000001', name: 'Åse Ødegård', party: 'Ap' },
    { id: 'b1000000-0000-4000-8000-000000000002', name: 'Håkon Sørli', party: 'H' },
    { id: 'b1000000-0000-4000-8000-000000000003', name: 'Per Uten', party: null },
  ],
};

describe('searchKey', () => {
  it('lets plain letters find Norwegian ones', () => {
    expect(searchKey('Åse Ødegård')).toBe('ase odegard');
    expect(searchKey('Æ')).toBe('ae');
  });
});

describe('PersonListPage', () => {
  it('filters by name and party, and says how many are shown', async () => {
    TestBed.configureTestingModule({
      imports: [PersonListPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PersonListPage);
    TestBed.tick();
    http.expectOne('/api/people').flush(PEOPLE);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const names = () =>
      [...element.querySelectorAll('[data-testid="people-table"] tbody a')].map((a) =>
        a.textContent.trim(),
      );
    expect(names()).toHaveLength(3);

    const filter = element.querySelector<HTMLInputElement>('#people-filter');
    if (!filter) throw new Error('#people-filter missing');
    filter.value = 'odegard';
    filter.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(names()).toEqual(['Åse Ødegård']);
    expect(element.querySelector('#people-count')?.textContent).toContain('Viser 1 av 3');

    filter.value = 'h';
    filter.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(names()).toEqual(['Håkon Sørli']);
    expect(element.querySelector('[data-testid="people-table"] a')?.getAttribute('href')).toBe(
      '/personer/b1000000-0000-4000-8000-000000000002',
    );
    http.verify();
  });
});
