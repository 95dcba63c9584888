import { DOCUMENT, Location } from '@angular/common';
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
 * A feed's address to subscribe to: `webcal://` makes the browser hand it to the calendar app,
 * which then fetches it again by itself (an https download is a one-time copy).
 */
export function webcalUrl(path: string, origin: string): string {
  const url = new URL(path, origin);
  return `webcal://${url.host}${url.pathname}${url.search}`;
}

/**
 * `/motekalender`: the politisk møtekalender. Upcoming meetings by default, a year's meetings for
 * the archive, one body or all; the calendar of the chosen body (or of all) to subscribe to.
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
  private readonly document = inject(DOCUMENT);

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
  /** The feed of the chosen body, or of all open bodies: its webcal address and the one-time download. */
  protected readonly feed = computed(() => {
    const slug = this.session.municipality()?.slug;
    if (!slug) return null;
    const bodyId = this.bodyId();
    const download = bodyId ? publicUrls.calendar(slug, bodyId) : publicUrls.allCalendar(slug);
    return {
      bodyName: bodyId ? this.bodyName() : null,
      download,
      webcal: webcalUrl(download, this.document.location.origin),
    };
  });
  /** What the copy button last did; forgotten when another feed is shown. */
  protected readonly copied = linkedSignal<unknown, 'copied' | 'copyFailed' | null>({
    source: () => this.feed()?.webcal,
    computation: () => null,
  });

  protected copy(): void {
    const address = this.feed()?.webcal;
    const clipboard = this.document.defaultView?.navigator.clipboard;
    if (!address || !clipboard) {
      this.copied.set('copyFailed');
      return;
    }
    clipboard.writeText(address).then(
      () => {
        this.copied.set('copied');
      },
      () => {
        this.copied.set('copyFailed');
      },
    );
  }

  /** The whole address is selected when the field gets focus, ready to copy by hand. */
  protected selectAll(event: Event): void {
    (event.target as HTMLInputElement).select();
  }

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
