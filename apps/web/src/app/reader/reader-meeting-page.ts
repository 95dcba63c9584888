import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ReportAbsence } from '../attendance/report-absence';
import type { ReaderMeetingDetail } from '@sekretariat/contracts';
import { of } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { TranslatedTitleStrategy } from '../core/routing/translated-title-strategy';
import { formatClock, formatMeetingTime } from '../meetings/meeting-time';
import { LoadState } from '../shared/load-state';
import { SearchSnippet } from '../shared/search-snippet';
import { OfflinePapers, type OfflineState } from './offline/offline-papers';
import { ReaderSync } from './offline/reader-sync';
import { ReaderApi } from './reader-api';
import { linkHits, offlineUrls } from './reader-papers';
import { SyncStatus } from './sync-status';

/** `/lesesal/:meetingId`: the meeting's items in order with read state, search in its papers, offline status. */
@Component({
  selector: 'app-reader-meeting-page',
  imports: [RouterLink, TranslocoPipe, LoadState, SyncStatus, ReportAbsence, SearchSnippet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reader-meeting-page.html',
  styleUrl: './reader.css',
})
export class ReaderMeetingPage {
  readonly meetingId = input.required<string>();

  private readonly api = inject(ReaderApi);
  private readonly papers = inject(OfflinePapers);
  protected readonly sync = inject(ReaderSync);
  private readonly language = inject(LanguageService);
  private readonly titles = inject(TranslatedTitleStrategy);

  protected readonly meeting = rxResource({
    params: () => this.meetingId(),
    stream: ({ params }) => this.api.meeting(params),
  });

  protected readonly query = signal('');
  protected readonly search = rxResource({
    params: () => ({ q: this.query(), meetingId: this.meetingId() }),
    stream: ({ params }) => (params.q ? this.api.search(params.meetingId, params.q) : of(null)),
  });
  protected readonly hits = computed(() => {
    const response = this.search.hasValue() ? this.search.value() : null;
    return response && this.meeting.hasValue()
      ? linkHits(this.meeting.value(), response.items)
      : [];
  });

  protected readonly offline = signal<OfflineState>('checking');

  protected readonly heading = computed(() =>
    this.meeting.hasValue()
      ? `${this.meeting.value().bodyName}, ${this.when(this.meeting.value())}`
      : null,
  );

  constructor() {
    effect(() => {
      this.titles.setDetail(this.heading());
    });
    // "Available offline once opened": save the meeting's papers as soon as it is shown.
    effect(() => {
      if (!this.meeting.hasValue()) return;
      const meeting = this.meeting.value();
      untracked(() => {
        void this.saveOffline(meeting);
      });
    });
  }

  protected when(meeting: ReaderMeetingDetail): string {
    const locale = this.language.locale();
    const start = formatMeetingTime(meeting.startsAt, locale);
    return meeting.endsAt ? `${start}–${formatClock(meeting.endsAt, locale)}` : start;
  }

  protected submitSearch(event: Event, field: HTMLInputElement): void {
    event.preventDefault();
    this.query.set(field.value.trim());
  }

  protected saveAgain(): void {
    if (this.meeting.hasValue()) void this.saveOffline(this.meeting.value());
  }

  private async saveOffline(meeting: ReaderMeetingDetail): Promise<void> {
    const urls = offlineUrls(this.api, meeting);
    if (!this.sync.isOnline()) {
      this.offline.set((await this.papers.has(urls)) ? 'available' : 'failed');
      return;
    }
    this.offline.set('saving');
    const state = await this.papers.save(urls);
    // The item page and the PDF viewer are loaded when first used: load them now, while online,
    // so that the shell cache has them too.
    await Promise.all([
      import('./reader-item-page'),
      import('./pdf/pdf-viewer').then((viewer) => viewer.preloadPdfJs()),
    ]).catch(() => undefined);
    await this.papers.saveShell().catch(() => undefined);
    this.offline.set(state);
  }
}
