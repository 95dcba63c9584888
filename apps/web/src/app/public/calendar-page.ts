import { Location } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService } from '../core/i18n/language.service';
import { SessionStore } from '../core/session/session-store';
import { isUuid } from '../bodies/bodies-api';
import { LoadState } from '../shared/load-state';
import { PublicMeetingsApi, publicUrls } from './public-api';
import { machineTime, meetingClock, meetingDate } from './public-time';

/**
 * `/motekalender`: the politisk møtekalender. Upcoming meetings by default, a year's meetings for
 * the archive, one body or all; each body's calendar feed to subscribe to.
 */
@Component({
  selector: 'app-calendar-page',
  imports: [RouterLink, TranslocoPipe, LoadState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './calendar-page.html',
  styleUrl: './public.css',
})
export class CalendarPage {
  private readonly api = inject(PublicMeetingsApi);
  private readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);
  protected readonly meetingDate = meetingDate;
  protected readonly meetingClock = meetingClock;
  protected readonly machineTime = machineTime;

  private readonly location = inject(Location);

  /** Query parameters, so that an archive page can be linked to: `?aar=2025&organ=<id>`. */
  readonly aar = input<string>('');
  readonly organ = input<string>('');

  /** '' = upcoming; otherwise a year, as the select's value. */
  protected readonly period = linkedSignal(() =>
    /^\d{4}$/.test(this.aar() ?? '') ? this.aar() : '',
  );
  protected readonly bodyId = linkedSignal(() => (isUuid(this.organ() ?? '') ? this.organ() : ''));

  protected readonly bodies = rxResource({ stream: () => this.api.bodies() });
  protected readonly years = rxResource({ stream: () => this.api.years() });
  protected readonly meetings = rxResource({
    params: () => ({ year: this.period() ? Number(this.period()) : null, bodyId: this.bodyId() }),
    stream: ({ params }) => this.api.meetings(params.year, params.bodyId),
  });

  protected readonly bodyList = computed(() =>
    this.bodies.hasValue() ? this.bodies.value().items : [],
  );
  protected readonly yearList = computed(() =>
    this.years.hasValue() ? this.years.value().years : [],
  );
  protected readonly items = computed(() =>
    this.meetings.hasValue() ? this.meetings.value().items : [],
  );
  protected readonly bodyName = computed(
    () => this.bodyList().find((b) => b.id === this.bodyId())?.name ?? null,
  );
  protected readonly feeds = computed(() => {
    const slug = this.session.municipality()?.slug;
    if (!slug) return [];
    return this.bodyList().map((b) => ({
      id: b.id,
      name: b.name,
      href: publicUrls.calendar(slug, b.id),
    }));
  });

  protected choosePeriod(event: Event): void {
    this.period.set((event.target as HTMLSelectElement).value);
    this.filter();
  }

  protected chooseBody(event: Event): void {
    this.bodyId.set((event.target as HTMLSelectElement).value);
    this.filter();
  }

  /**
   * Keeps the address in step without a router navigation: that would move focus to the heading
   * (core/routing/focus-heading-on-navigation.ts) while the visitor is still in the select.
   */
  private filter(): void {
    const params = new URLSearchParams({ aar: this.period(), organ: this.bodyId() });
    for (const [key, value] of [...params]) if (!value) params.delete(key);
    this.location.replaceState('/motekalender', params.toString());
  }
}
