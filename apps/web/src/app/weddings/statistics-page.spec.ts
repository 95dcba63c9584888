import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  RESIDENCE_CLASSES,
  type WeddingCounts,
  type WeddingStatistics,
} from '@sekretariat/contracts';
import { MUNICIPALITY } from '../../testing/fixtures';
import { SCOPED_TRANSLATIONS, translocoTesting } from '../../testing/i18n-testing';
import { apiInterceptor } from '../core/api/api.interceptor';
import { LanguageService } from '../core/i18n/language.service';
import { SessionStore } from '../core/session/session-store';
import { CHART, StatisticsPage, chartBars } from './statistics-page';

const PLACE_ID = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const OFFICIANT_ID = '8d1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const YEAR = new Date().getFullYear();

const counts = (held: number, booked: number, cancelled: number): WeddingCounts => ({
  total: held + booked + cancelled,
  held,
  booked,
  cancelled,
});

function statistics(year: number): WeddingStatistics {
  return {
    year,
    totals: counts(4, 1, 1),
    months: Array.from({ length: 12 }, (_, i) => ({
      month: i + 1,
      ...(i === 0 ? counts(2, 0, 1) : i === 5 ? counts(2, 1, 0) : counts(0, 0, 0)),
    })),
    places: [{ placeId: PLACE_ID, name: 'Bryllupssalen', ...counts(4, 1, 1) }],
    officiants: [
      { officiantId: OFFICIANT_ID, name: 'Ola Ordfører', ...counts(4, 0, 0) },
      { officiantId: null, name: null, ...counts(0, 1, 1) },
    ],
    residence: [
      { residenceClass: 'resident', ...counts(2, 0, 1) },
      { residenceClass: 'abroad', ...counts(1, 0, 0) },
      { residenceClass: 'non_resident', ...counts(1, 1, 0) },
    ],
  };
}

const rows = (element: HTMLElement, table: string) =>
  [...element.querySelectorAll(`[data-testid="statistics-${table}"] tr`)].map((tr) =>
    [...tr.querySelectorAll('th, td')].map((cell) =>
      (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
    ),
  );

describe('the wedding statistics page', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
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

  async function open() {
    const fixture = TestBed.createComponent(StatisticsPage);
    TestBed.tick();
    http
      .expectOne(
        (r) => r.url === '/api/weddings/statistics' && r.params.get('year') === String(YEAR),
      )
      .flush(statistics(YEAR));
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('shows the year in tables per month, place, officiant and residence, with a sum', async () => {
    const { element } = await open();
    expect(element.querySelector('h1')?.textContent).toContain('Vigselsstatistikk');
    expect(element.querySelector('[data-testid="statistics-summary"]')?.textContent).toContain(
      `I ${String(YEAR)}: 6 vigsler i alt, 4 gjennomført, 1 bestilt og 1 avlyst.`,
    );
    const months = rows(element, 'month');
    expect(months[0]).toEqual(['Måned', 'I alt', 'Gjennomført', 'Bestilt', 'Avlyst']);
    expect(months[1]).toEqual(['januar', '3', '2', '0', '1']);
    expect(months[6]).toEqual(['juni', '3', '2', '1', '0']);
    expect(months).toHaveLength(1 + 12 + 1);
    expect(months.at(-1)).toEqual([`Sum ${String(YEAR)}`, '6', '4', '1', '1']);
    expect(rows(element, 'place')[1]).toEqual(['Bryllupssalen', '6', '4', '1', '1']);
    expect(rows(element, 'officiant').slice(1, 3)).toEqual([
      ['Ola Ordfører', '4', '4', '0', '0'],
      ['Ingen vigsler tildelt', '2', '0', '1', '1'],
    ]);
    expect(
      rows(element, 'residence')
        .slice(1, 4)
        .map((r) => r[0]),
    ).toEqual(['Bosatt i kommunen', 'Ingen bosatt i Norge', 'Bosatt i en annen kommune']);
    // Every table is named by its heading, and the rows by their header cells.
    for (const table of element.querySelectorAll('table')) {
      const heading = element.querySelector(`#${table.getAttribute('aria-labelledby') ?? 'none'}`);
      expect(heading?.tagName).toBe('H2');
    }
    expect(
      element.querySelector('[data-testid="statistics-place"] tbody th')?.getAttribute('lang'),
    ).toBe('nb');
  });

  it('draws the months as a chart hidden from assistive technology (the table is its text)', async () => {
    const { element } = await open();
    const chart = element.querySelector('[data-testid="statistics-chart"]')!;
    expect(chart.getAttribute('aria-hidden')).toBe('true');
    expect(chart.querySelectorAll('rect.held')).toHaveLength(2);
    expect(chart.querySelectorAll('rect.booked')).toHaveLength(1);
    expect(element.textContent).toContain('Tallene står i tabellen «Per måned» under.');
  });

  it('offers the CSV in the interface language and loads another year when chosen', async () => {
    const { fixture, element } = await open();
    const link = () => element.querySelector<HTMLAnchorElement>('[data-testid="statistics-csv"]')!;
    expect(link().getAttribute('href')).toBe(
      `/api/weddings/statistics.csv?year=${String(YEAR)}&lang=nb`,
    );
    expect(link().hasAttribute('download')).toBe(true);
    expect(link().textContent).toContain(`Last ned CSV for ${String(YEAR)}`);

    const select = element.querySelector<HTMLSelectElement>('#statistics-year')!;
    expect(element.querySelector('label[for="statistics-year"]')?.textContent).toContain('År');
    select.value = String(YEAR - 1);
    select.dispatchEvent(new Event('change'));
    TestBed.tick();
    const empty: WeddingStatistics = {
      ...statistics(YEAR - 1),
      totals: counts(0, 0, 0),
      months: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...counts(0, 0, 0) })),
      places: [],
      officiants: [],
      residence: [],
    };
    http
      .expectOne(
        (r) => r.url === '/api/weddings/statistics' && r.params.get('year') === String(YEAR - 1),
      )
      .flush(empty);
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="statistics-summary"]')?.textContent).toContain(
      `Ingen vigsler i ${String(YEAR - 1)}.`,
    );
    expect(element.querySelector('table')).toBeNull();
    expect(link().getAttribute('href')).toBe(
      `/api/weddings/statistics.csv?year=${String(YEAR - 1)}&lang=nb`,
    );

    await TestBed.inject(LanguageService).use('en', { remember: false });
    TestBed.tick();
    expect(link().getAttribute('href')).toBe(
      `/api/weddings/statistics.csv?year=${String(YEAR - 1)}&lang=en`,
    );
  });

  it('scales the bars to the busiest month, held below and booked on top', () => {
    const bars = chartBars(statistics(YEAR), (m) => String(m));
    const plot = CHART.height - CHART.top - CHART.bottom;
    const june = bars[5]!;
    expect(june.heldHeight + june.bookedHeight).toBeCloseTo(plot);
    expect(june.bookedY + june.bookedHeight).toBeCloseTo(june.heldY);
    expect(bars[0]!.heldHeight).toBeCloseTo((plot * 2) / 3);
    expect(bars[1]!.heldHeight).toBe(0);
    expect(bars.map((b) => b.x)).toEqual([...bars.map((b) => b.x)].sort((a, b) => a - b));
  });

  it.each(['nb', 'nn', 'en'] as const)(
    'names every table, column and residence class in %s',
    (lang) => {
      const texts = SCOPED_TRANSLATIONS.weddings[lang] as unknown as {
        statistics: {
          tables: Record<string, string>;
          col: Record<string, string>;
          residence: Record<string, string>;
        };
      };
      const tables = ['month', 'place', 'officiant', 'residence'];
      expect(tables.filter((t) => !texts.statistics.tables[t] || !texts.statistics.col[t])).toEqual(
        [],
      );
      expect(
        ['total', 'held', 'booked', 'cancelled'].filter((c) => !texts.statistics.col[c]),
      ).toEqual([]);
      expect(RESIDENCE_CLASSES.filter((c) => !texts.statistics.residence[c])).toEqual([]);
    },
  );
});
