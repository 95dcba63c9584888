import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { GrantsResponse } from '@sekretariat/contracts';
import { translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { formatNok } from '../shared/nok.pipe';
import { GrantsPage, formatKroner, parseKroner } from './grants-page';

const YEAR = new Date().getFullYear();

function grants(year = YEAR): GrantsResponse {
  return {
    rates: {
      year,
      groupBase: 10_000,
      perSeat: 5_000,
      leaderFee: 30_000,
      deputyLeaderFee: 15_000,
      memberFee: 5_000,
    },
    groups: [
      {
        party: 'Ap',
        partyName: 'Arbeiderpartiet',
        seats: 7,
        base: 10_000,
        perSeat: 35_000,
        total: 45_000,
      },
      { party: 'V', partyName: 'Venstre', seats: 1, base: 10_000, perSeat: 5_000, total: 15_000 },
    ],
    groupsTotal: 60_000,
    remuneration: [
      {
        personId: 'b1000000-0000-4000-8000-000000000001',
        name: 'Geir Pedersen',
        party: 'Ap',
        roles: ['leder, Kommunestyret', 'leder, Formannskapet'],
        total: 60_000,
      },
    ],
    remunerationTotal: 1_234_567.5,
  };
}

/** Intl writes kroner with no-break spaces; compare with plain spaces. */
function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('formatNok', () => {
  it('writes kroner as in a Norwegian budget, øre only when there are any', () => {
    expect(formatNok(45_000).replace(/\u00a0/g, ' ')).toBe('45 000 kr');
    expect(formatNok(1_234_567.5).replace(/\u00a0/g, ' ')).toBe('1 234 567,50 kr');
    expect(formatNok(0).replace(/\u00a0/g, ' ')).toBe('0 kr');
  });
});

describe('formatKroner', () => {
  it('writes amounts for the form with plain spaces, so that they read back', () => {
    expect(formatKroner(12_500)).toBe('12 500');
    expect(parseKroner(formatKroner(1_234_567.5))).toBe(1_234_567.5);
  });
});

describe('parseKroner', () => {
  it.each([
    ['12 500', 12_500],
    ['12\u00a0500,50', 12_500.5],
    ['0', 0],
    ['', null],
    ['-5', null],
    ['12,345', null],
    ['ti tusen', null],
  ])('reads %p as %p', (input, expected) => {
    expect(parseKroner(input)).toBe(expected);
  });
});

describe('GrantsPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<GrantsPage>;
  let element: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [GrantsPage, translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(GrantsPage);
    element = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    http.expectOne(`/api/grants?year=${String(YEAR)}`).flush(grants());
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
  });

  it('shows the groups and the remuneration in kroner, with totals', () => {
    const groups = [...element.querySelectorAll('[data-testid="grants-groups"] tbody tr')].map(
      (row) => [...row.querySelectorAll('th, td')].map((cell) => text(cell)),
    );
    expect(groups).toEqual([
      ['Arbeiderpartiet (Ap)', '7', '10 000 kr', '35 000 kr', '45 000 kr'],
      ['Venstre (V)', '1', '10 000 kr', '5 000 kr', '15 000 kr'],
    ]);
    expect(text(element.querySelector('[data-testid="grants-groups-total"]'))).toBe('60 000 kr');
    expect(text(element.querySelector('[data-testid="grants-remuneration"] tbody tr'))).toContain(
      'leder, Formannskapet',
    );
    expect(text(element.querySelector('[data-testid="grants-remuneration-total"]'))).toBe(
      '1 234 567,50 kr',
    );
    expect(element.querySelector('[data-testid="grants-csv"]')?.getAttribute('href')).toBe(
      `/api/grants.csv?year=${String(YEAR)}`,
    );
  });

  it('loads another year when one is chosen', async () => {
    const select = element.querySelector<HTMLSelectElement>('#grants-year');
    if (!select) throw new Error('#grants-year missing');
    select.value = String(YEAR + 1);
    select.dispatchEvent(new Event('change'));
    TestBed.tick();
    http.expectOne(`/api/grants?year=${String(YEAR + 1)}`).flush(grants(YEAR + 1));
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="grants-csv"]')?.getAttribute('href')).toBe(
      `/api/grants.csv?year=${String(YEAR + 1)}`,
    );
  });

  it('saves the rates for the year and reloads the figures', async () => {
    const input = element.querySelector<HTMLInputElement>('#rate-perSeat');
    if (!input) throw new Error('#rate-perSeat missing');
    expect(input.value).toBe('5 000');
    input.value = '6 000';
    input.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid="rates-submit"]')?.click();
    TestBed.tick();
    const put = http.expectOne('/api/grants/rates');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ ...grants().rates, perSeat: 6_000 });
    put.flush({ ...grants().rates, perSeat: 6_000 });
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    http.expectOne(`/api/grants?year=${String(YEAR)}`).flush(grants());
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="rates-saved"]')?.textContent).toContain(
      `Satsene for ${String(YEAR)} er lagret`,
    );
  });

  it('says which rate is not an amount, without calling the API', async () => {
    const input = element.querySelector<HTMLInputElement>('#rate-memberFee');
    if (!input) throw new Error('#rate-memberFee missing');
    input.value = 'fem tusen';
    input.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('[data-testid="rates-submit"]')?.click();
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="rates-errors"]')?.textContent).toContain(
      'Skriv inn et beløp i kroner',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    http.expectNone('/api/grants/rates');
  });
});
