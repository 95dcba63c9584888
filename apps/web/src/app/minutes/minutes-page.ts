import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MinutesItem } from '@sekretariat/contracts';
import { ApiError } from '../core/api/api-error';
import { LanguageService } from '../core/i18n/language.service';
import { TranslatedTitleStrategy } from '../core/routing/translated-title-strategy';
import { SessionStore } from '../core/session/session-store';
import { ErrorSummary } from '../shared/error-summary';
import { FormProblems } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { AttendancePanel } from './attendance-panel';
import { ItemPanel } from './item-panel';
import { ItemsSummary } from './items-summary';
import { MinutesApi } from './minutes-api';
import { formatDay } from './minutes-format';
import { MinutesState } from './minutes-state';
import { ProtocolPanel } from './protocol-panel';
import { SignProtocol } from './sign-protocol';

/**
 * `/moter/:id/protokoll`: the secretariat records the meeting live (items with disqualifications,
 * proposals, votes and decisions; attendance; the protocol's facts), marks it held and follows the
 * approval. Approved, everything is read-only. A chosen signatory reads the draft and signs it.
 */
@Component({
  selector: 'app-minutes-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    LoadState,
    ErrorSummary,
    ItemPanel,
    AttendancePanel,
    ProtocolPanel,
    ItemsSummary,
    SignProtocol,
  ],
  providers: [MinutesState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './minutes-page.html',
  styleUrl: './minutes.css',
})
export class MinutesPage {
  private readonly api = inject(MinutesApi);
  private readonly language = inject(LanguageService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly state = inject(MinutesState);
  protected readonly session = inject(SessionStore);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly loaded = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.view(params),
  });
  protected readonly notStarted = computed(() => {
    const error = this.loaded.error();
    return (
      error instanceof ApiError && error.code === 'MINUTES_NOT_STARTED' && !this.state.minutes()
    );
  });
  protected readonly loadError = computed(() =>
    this.notStarted() ? undefined : this.loaded.error(),
  );
  protected readonly startProblems = new FormProblems();
  protected readonly announcements = computed(() => {
    const a = this.state.announcement();
    return a ? [a] : [];
  });

  /** The item the secretariat works on; the first until one is chosen. */
  private readonly chosenId = signal<string | null>(null);
  protected readonly selected = computed<MinutesItem[]>(() => {
    const items = this.state.minutes()?.items ?? [];
    const item = items.find((i) => i.id === this.chosenId()) ?? items[0];
    // A list of one, so that the panel is made anew for each item (its forms start from that item).
    return item ? [item] : [];
  });
  private readonly panel = viewChild(ItemPanel);

  constructor() {
    const titles = inject(TranslatedTitleStrategy);
    effect(() => {
      this.state.requestedId.set(this.id());
    });
    effect(() => {
      if (this.loaded.hasValue()) this.state.minutes.set(this.loaded.value());
    });
    effect(() => {
      titles.setDetail(this.state.minutes()?.bodyName ?? null);
    });
  }

  protected day(iso: string): string {
    return formatDay(iso, this.language.locale());
  }

  protected choose(item: MinutesItem): void {
    this.chosenId.set(item.id);
    afterNextRender(() => this.panel()?.focus(), { injector: this.injector });
  }

  /** In-page links move focus to the section's heading (a plain `#` link would leave the route). */
  protected jump(event: Event, headingId: string): void {
    event.preventDefault();
    const heading = this.document.getElementById(headingId);
    heading?.focus();
    heading?.scrollIntoView({ block: 'start' });
  }

  protected start(): void {
    void this.state
      .save((api, meetingId) => api.start(meetingId), {
        problems: this.startProblems,
        doneKey: 'minutes.start.done',
      })
      .then((saved) => {
        if (saved)
          afterNextRender(() => this.document.getElementById('items-heading')?.focus(), {
            injector: this.injector,
          });
      });
  }
}
