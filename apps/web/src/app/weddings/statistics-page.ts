import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { WeddingCounts, WeddingStatistics } from '@sekretariat/contracts';
import { LanguageService } from '../core/i18n/language.service';
import { LoadState } from '../shared/load-state';
import { ScrollRegion } from '../shared/scroll-region';
import { statisticsCsvUrl, WeddingsStaffApi } from './weddings-api';
import { dateTimeFormat } from '../core/i18n/locale-format';

/** Years offered: next year and the six before this one. */
const YEARS_BACK = 6;

/** One table of the statistics: a row per month, place, officiant or residence class. */
interface StatisticsTable {
  readonly id: 'month' | 'place' | 'officiant' | 'residence';
  readonly rows: readonly StatisticsTableRow[];
}
interface StatisticsTableRow {
  readonly key: string;
  /** The row's name as text, or a text key to translate. */
  readonly label: string;
  readonly translate: boolean;
  /** Place names are Norwegian whatever the interface's language. */
  readonly lang: string | null;
  readonly counts: WeddingCounts;
}

/** A month's bar in the chart: held, and still booked on top. */
interface Bar {
  readonly month: number;
  readonly name: string;
  readonly x: number;
  readonly heldY: number;
  readonly heldHeight: number;
  readonly bookedY: number;
  readonly bookedHeight: number;
  readonly count: number;
}

/** The chart's drawing area (SVG user units). */
export const CHART = { width: 384, height: 180, top: 20, bottom: 24, bar: 20, step: 32 } as const;

/**
 * The bars of the chart: per month the ceremonies held, and those still booked on top, scaled to
 * the busiest month. Pure, so the scaling is tested without a browser.
 */
export function chartBars(
  statistics: WeddingStatistics,
  monthName: (month: number) => string,
): Bar[] {
  const plot = CHART.height - CHART.top - CHART.bottom;
  const max = Math.max(1, ...statistics.months.map((m) => m.held + m.booked));
  const base = CHART.height - CHART.bottom;
  return statistics.months.map((m, i) => {
    const heldHeight = (m.held / max) * plot;
    const bookedHeight = (m.booked / max) * plot;
    return {
      month: m.month,
      name: monthName(m.month),
      x: i * CHART.step + (CHART.step - CHART.bar) / 2,
      heldY: base - heldHeight,
      heldHeight,
      bookedY: base - heldHeight - bookedHeight,
      bookedHeight,
      count: m.held + m.booked,
    };
  });
}

/**
 * `/vigsler/statistikk`: the year's civil weddings for the staff: held, still booked and
 * cancelled, per month, place, officiant and residence (the fee rule's classes), as tables, a bar
 * chart of the months (hidden from assistive technology: the month table holds the same numbers)
 * and a CSV download in the interface's language.
 */
@Component({
  selector: 'app-weddings-statistics-page',
  imports: [TranslocoPipe, LoadState, ScrollRegion, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './statistics-page.html',
  styleUrls: ['./weddings.css', './statistics-page.css'],
})
export class StatisticsPage {
  private readonly api = inject(WeddingsStaffApi);
  protected readonly language = inject(LanguageService);
  protected readonly chartSize = CHART;

  private readonly thisYear = new Date().getFullYear();
  protected readonly years = Array.from(
    { length: YEARS_BACK + 2 },
    (_, i) => this.thisYear + 1 - i,
  );
  protected readonly year = signal(this.thisYear);

  protected readonly loaded = rxResource({
    params: () => this.year(),
    stream: ({ params }) => this.api.statistics(params),
  });
  protected readonly statistics = computed(() =>
    this.loaded.hasValue() ? this.loaded.value() : null,
  );
  protected readonly csvUrl = computed(() => statisticsCsvUrl(this.year(), this.language.lang()));
  protected readonly summary = computed(() => {
    const s = this.statistics();
    return s ? { year: s.year, ...s.totals } : null;
  });

  protected readonly tables = computed<StatisticsTable[]>(() => {
    const s = this.statistics();
    if (!s) return [];
    const row = (
      key: string,
      label: string,
      counts: WeddingCounts,
      options: Partial<StatisticsTableRow> = {},
    ): StatisticsTableRow => ({
      key,
      label,
      translate: false,
      lang: null,
      counts,
      ...options,
    });
    return [
      {
        id: 'month',
        rows: s.months.map((m) => row(String(m.month), this.monthName(m.month, 'long'), m)),
      },
      { id: 'place', rows: s.places.map((p) => row(p.placeId, p.name, p, { lang: 'nb' })) },
      {
        id: 'officiant',
        rows: s.officiants.map((o) =>
          o.officiantId && o.name
            ? row(o.officiantId, o.name, o)
            : row('none', 'weddings.statistics.noOfficiant', o, { translate: true }),
        ),
      },
      {
        id: 'residence',
        rows: s.residence.map((r) =>
          row(r.residenceClass, `weddings.statistics.residence.${r.residenceClass}`, r, {
            translate: true,
          }),
        ),
      },
    ];
  });

  protected readonly bars = computed(() => {
    const s = this.statistics();
    return s ? chartBars(s, (month) => this.monthName(month, 'short')) : [];
  });

  protected chooseYear(event: Event): void {
    this.year.set(Number((event.target as HTMLSelectElement).value));
  }

  private monthName(month: number, width: 'long' | 'short'): string {
    return dateTimeFormat(this.language.locale(), {
      month: width,
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(2000, month - 1, 1)));
  }
}
