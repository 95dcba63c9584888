import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '../core/api/api-error';
import { LanguageService } from '../core/i18n/language.service';
import { LoadState } from '../shared/load-state';
import { todayIso } from '../shared/today';
import { WeddingsOfficiantApi, myDayListUrl } from './weddings-api';
import { addDays, formatClock, formatDay, formatShortDay, groupByDay } from './wedding-time';

/** How far ahead the page looks: the API's longest search. */
const DAYS_AHEAD = 365;

/**
 * `/vigsler/mine`: the signed-in officiant's own ceremonies from today and a year ahead, a
 * section per day with its day list as PDF, and per ceremony the time, place, couple, witnesses,
 * the language of the wedding formula, guests, whether the prøvingsattest is checked, and notes.
 * The API returns only the ceremonies the officiant is assigned to; a user not linked to an
 * officiant is told to ask the service centre.
 */
@Component({
  selector: 'app-weddings-officiant-page',
  imports: [TranslocoPipe, LoadState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './officiant-page.html',
  styleUrls: ['./weddings.css', './officiant-page.css'],
})
export class OfficiantPage {
  private readonly api = inject(WeddingsOfficiantApi);
  protected readonly language = inject(LanguageService);
  protected readonly formatDay = formatDay;
  protected readonly formatClock = formatClock;

  private readonly today = todayIso();
  private readonly until = addDays(this.today, DAYS_AHEAD);
  protected readonly loaded = rxResource({
    stream: () => this.api.ceremonies(this.today, this.until),
  });
  /** Not linked to an officiant: a message of its own instead of a generic "forbidden". */
  protected readonly notLinked = computed(() => {
    const error = this.loaded.error();
    return error instanceof ApiError && error.code === 'WEDDING_OFFICIANT_NOT_LINKED';
  });
  protected readonly days = computed(() =>
    this.loaded.hasValue() ? groupByDay(this.loaded.value().items, (c) => c.startsAt) : [],
  );
  protected readonly count = computed(() => ({
    count: this.loaded.hasValue() ? this.loaded.value().items.length : 0,
    until: formatShortDay(this.until, this.language.locale()),
  }));

  /** The day's list as PDF, in the municipality's written standard (the API's choice). */
  protected readonly dayListUrl = myDayListUrl;
}
