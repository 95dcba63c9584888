import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { VotesReport } from '@sekretariat/contracts';
import { LanguageService } from '../../core/i18n/language.service';
import { IsoDatePipe } from '../../shared/iso-date.pipe';
import { LoadState } from '../../shared/load-state';
import { ScrollRegion } from '../../shared/scroll-region';
import { osloToday } from '../election-dates';
import { ElectionsApi } from '../elections-api';

export interface ReportTotals {
  readonly received: number;
  readonly approved: number;
  readonly rejected: number;
  readonly cancelled: number;
  readonly envelopes: number;
}

export function reportTotals(report: VotesReport): ReportTotals {
  return report.days.reduce(
    (sum, day) => ({
      received: sum.received + day.received,
      approved: sum.approved + day.approved,
      rejected: sum.rejected + day.rejected,
      cancelled: sum.cancelled + day.cancelled,
      envelopes: sum.envelopes + day.envelopes,
    }),
    { received: 0, approved: 0, rejected: 0, cancelled: 0, envelopes: 0 },
  );
}

/**
 * The figures the election board needs: every vote accounted for (received and waiting for
 * prøving, approved, rejected, cancelled), what waits by envelope reason, every rejection with
 * its ground or reason.
 */
@Component({
  selector: 'app-votes-report-panel',
  imports: [RouterLink, TranslocoPipe, IsoDatePipe, LoadState, ScrollRegion],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './votes-report-panel.html',
  styleUrl: './admin.css',
})
export class VotesReportPanel {
  private readonly api = inject(ElectionsApi);
  protected readonly language = inject(LanguageService);

  readonly electionId = input.required<string>();
  /** Changes when the figures must be read again. */
  readonly version = input(0);
  /** The election board: what waits links to the prøving. */
  readonly board = input(false);

  protected readonly report = rxResource({
    params: () => ({ id: this.electionId(), version: this.version() }),
    stream: ({ params }) => this.api.report(params.id),
  });
  protected readonly totals = computed(() =>
    this.report.hasValue() ? reportTotals(this.report.value()) : null,
  );
  protected readonly csvDate = signal(osloToday());
  protected readonly csvUrl = computed(() =>
    this.csvDate() ? this.api.registrationsCsvUrl(this.electionId(), this.csvDate()) : null,
  );

  protected chooseDate(event: Event): void {
    this.csvDate.set((event.target as HTMLInputElement).value);
  }
}
