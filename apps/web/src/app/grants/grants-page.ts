import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { GrantRates } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ErrorSummary } from '../shared/error-summary';
import { type FormProblem, FormProblems, problemsFromError } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { NokPipe } from '../shared/nok.pipe';
import { FieldError } from '../shared/field-error';
import { ScrollRegion } from '../shared/scroll-region';
import { GrantsApi } from './grants-api';

type RateField = Exclude<keyof GrantRates, 'year'>;

export const RATE_FIELDS: readonly RateField[] = [
  'groupBase',
  'perSeat',
  'leaderFee',
  'deputyLeaderFee',
  'memberFee',
];

const MAX_RATE = 10_000_000;

const amount = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });

/** An amount for the form: `12 500` or `12 500,5`, as a Norwegian user would type it. */
export function formatKroner(value: number): string {
  return amount.format(value).replace(/[\u00a0\u202f]/g, ' ');
}

/** Kroner as typed by a Norwegian user: spaces between thousands, comma for øre. */
export function parseKroner(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/**
 * Editors: the budget's party group grants (partiloven § 10 (2)) and fixed remuneration per
 * role for a year, with the year's rates.
 */
@Component({
  selector: 'app-grants-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    ErrorSummary,
    LoadState,
    NokPipe,
    FieldError,
    ScrollRegion,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './grants-page.html',
  styleUrl: './grants-page.css',
})
export class GrantsPage {
  private readonly api = inject(GrantsApi);
  private readonly pendingTasks = inject(PendingTasks);

  private readonly thisYear = new Date().getFullYear();
  /** Last three years, this year and next (the budget year). */
  protected readonly years = [-3, -2, -1, 0, 1].map((offset) => this.thisYear + offset);
  protected readonly year = signal(this.thisYear);
  protected readonly rateFields = RATE_FIELDS;

  protected readonly grants = rxResource({
    params: () => this.year(),
    stream: ({ params: year }) => this.api.forYear(year),
  });
  protected readonly data = computed(() => (this.grants.hasValue() ? this.grants.value() : null));
  protected readonly csvUrl = computed(() => this.api.csvUrl(this.year()));

  protected readonly problems = new FormProblems();
  protected readonly saving = signal(false);
  protected readonly saved = signal<number | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    groupBase: '',
    perSeat: '',
    leaderFee: '',
    deputyLeaderFee: '',
    memberFee: '',
  });

  constructor() {
    // Show the year's rates in the form whenever a year's figures arrive.
    effect(() => {
      const rates = this.data()?.rates;
      if (rates) {
        this.form.reset({
          groupBase: formatKroner(rates.groupBase),
          perSeat: formatKroner(rates.perSeat),
          leaderFee: formatKroner(rates.leaderFee),
          deputyLeaderFee: formatKroner(rates.deputyLeaderFee),
          memberFee: formatKroner(rates.memberFee),
        });
      }
    });
  }

  protected chooseYear(event: Event): void {
    this.year.set(Number((event.target as HTMLSelectElement).value));
    this.saved.set(null);
    this.problems.clear();
  }

  protected submit(): void {
    this.pendingTasks.run(() => this.save());
  }

  private async save(): Promise<void> {
    if (this.saving()) return;
    this.saved.set(null);
    const raw = this.form.getRawValue();
    const problems: FormProblem[] = [];
    const rates: GrantRates = {
      year: this.year(),
      groupBase: 0,
      perSeat: 0,
      leaderFee: 0,
      deputyLeaderFee: 0,
      memberFee: 0,
    };
    for (const field of RATE_FIELDS) {
      const value = parseKroner(raw[field]);
      if (value === null || value > MAX_RATE) {
        problems.push({ field: `rate-${field}`, messageKey: 'grants.rateInvalid' });
      } else {
        rates[field] = value;
      }
    }
    this.problems.set(problems);
    if (problems.length > 0) return;
    this.saving.set(true);
    try {
      await firstValueFrom(this.api.saveRates(rates));
      this.saved.set(rates.year);
      this.grants.reload();
    } catch (error) {
      this.problems.set(
        problemsFromError(
          error,
          Object.fromEntries(RATE_FIELDS.map((field) => [field, `rate-${field}`])),
        ),
      );
    } finally {
      this.saving.set(false);
    }
  }
}
