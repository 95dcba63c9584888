import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { WeddingBlockedDay } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { ErrorSummary } from '../shared/error-summary';
import { FieldError } from '../shared/field-error';
import type { FormProblem } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { ScrollRegion } from '../shared/scroll-region';
import { todayIso } from '../shared/today';
import { isDate } from './booking-rules';
import { SetupForm, SetupNav, setupProblemsFromError, valueOf } from './setup-common';
import { formatDay } from './wedding-time';
import { WeddingsSetupApi } from './weddings-api';

const FIELDS = { date: 'blocked-date', placeId: 'blocked-place', reason: 'blocked-reason' };
const P = 'weddings.setup.blocked.problems.';

/**
 * `/vigsler/oppsett/sperrede-dager`: days without ceremonies at one place or all, and the year's
 * public holidays (computed by the API, read-only: no ceremonies on them anyway).
 */
@Component({
  selector: 'app-wedding-setup-blocked',
  imports: [TranslocoPipe, ErrorSummary, FieldError, LoadState, ScrollRegion, SetupNav],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './setup-blocked.html',
  styleUrl: './setup-pages.css',
})
export class SetupBlocked {
  private readonly api = inject(WeddingsSetupApi);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly language = inject(LanguageService);
  protected readonly fields = FIELDS;
  protected readonly formatDay = formatDay;
  private readonly today = todayIso();

  protected readonly loaded = rxResource({ stream: () => this.api.blockedDays() });
  protected readonly placeList = rxResource({ stream: () => this.api.places() });
  protected readonly places = computed(() =>
    this.placeList.hasValue() ? this.placeList.value().items : [],
  );
  protected readonly days = linkedSignal<readonly WeddingBlockedDay[]>(() =>
    this.loaded.hasValue() ? this.loaded.value().items : [],
  );
  /** Today and later, by date. */
  protected readonly upcoming = computed(() =>
    this.days()
      .filter((d) => d.date >= this.today)
      .sort((a, b) => a.date.localeCompare(b.date)),
  );
  protected readonly year = signal(Number(this.today.slice(0, 4)));
  protected readonly holidays = rxResource({
    params: () => this.year(),
    stream: ({ params }) => this.api.holidays(params),
  });

  protected readonly form = new SetupForm('blocked-errors');
  protected readonly date = signal('');
  protected readonly placeId = signal('');
  protected readonly reason = signal('');

  protected placeName(id: string | null): string | null {
    return id ? (this.places().find((p) => p.id === id)?.name ?? '') : null;
  }

  protected holidayName(name: { nb: string; en: string }): { text: string; lang: string } {
    return this.language.lang() === 'en'
      ? { text: name.en, lang: 'en' }
      : { text: name.nb, lang: 'nb' };
  }

  protected set(field: 'date' | 'placeId' | 'reason', event: Event): void {
    this[field].set(valueOf(event));
    this.form.touched();
  }

  protected showYear(delta: number): void {
    this.year.update((y) => y + delta);
  }

  protected add(event: Event): void {
    event.preventDefault();
    const problems: FormProblem[] = [];
    if (!isDate(this.date())) problems.push({ field: FIELDS.date, messageKey: P + 'date' });
    if (this.reason().length > 300)
      problems.push({ field: FIELDS.reason, messageKey: P + 'reason' });
    if (problems.length > 0) {
      this.form.fail(problems);
      return;
    }
    this.run(async () => {
      const saved = await firstValueFrom(
        this.api.addBlockedDay({
          date: this.date(),
          placeId: this.placeId() || null,
          reason: this.reason().trim(),
        }),
      );
      this.days.update((list) => [...list, saved]);
      this.date.set('');
      this.reason.set('');
      this.form.succeed('weddings.setup.blocked.done.created', {
        day: formatDay(saved.date, this.language.locale()),
      });
      this.form.focusAfterRender(`blocked-${saved.id}`);
    });
  }

  protected remove(day: WeddingBlockedDay): void {
    this.run(async () => {
      await firstValueFrom(this.api.deleteBlockedDay(day.id));
      this.days.update((list) => list.filter((d) => d.id !== day.id));
      this.form.succeed('weddings.setup.blocked.done.deleted', {
        day: formatDay(day.date, this.language.locale()),
      });
      this.form.focusAfterRender('blocked-list-heading');
    });
  }

  private run(work: () => Promise<void>): void {
    if (this.form.saving()) return;
    this.pendingTasks.run(async () => {
      this.form.saving.set(true);
      try {
        await work();
      } catch (error) {
        this.form.fail(setupProblemsFromError(error, FIELDS));
      } finally {
        this.form.saving.set(false);
      }
    });
  }
}
