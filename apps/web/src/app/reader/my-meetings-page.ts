import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ReaderMeetingSummary } from '@sekretariat/contracts';
import { LanguageService } from '../core/i18n/language.service';
import { formatClock, formatMeetingTime } from '../meetings/meeting-time';
import { LoadState } from '../shared/load-state';
import { ReaderApi } from './reader-api';
import { SyncStatus } from './sync-status';

/** `/lesesal`: the caller's meetings, upcoming and recent, with what is still unread. */
@Component({
  selector: 'app-my-meetings-page',
  imports: [RouterLink, TranslocoPipe, LoadState, SyncStatus],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-meetings-page.html',
  styleUrl: './reader.css',
})
export class MyMeetingsPage {
  private readonly api = inject(ReaderApi);
  private readonly language = inject(LanguageService);

  protected readonly meetings = rxResource({ stream: () => this.api.meetings() });

  protected when(meeting: ReaderMeetingSummary): string {
    const locale = this.language.locale();
    const start = formatMeetingTime(meeting.startsAt, locale);
    return meeting.endsAt ? `${start}–${formatClock(meeting.endsAt, locale)}` : start;
  }
}
