import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MeetingPlanEntry } from '@sekretariat/contracts';
import { LanguageService } from '../core/i18n/language.service';
import { SessionStore } from '../core/session/session-store';
import { LoadState } from '../shared/load-state';
import { formatClock, formatMeetingTime, formatMonth, localMonth, localYear } from './meeting-time';
import { MeetingsApi } from './meetings-api';
import { MeetingStatusTag } from './meeting-status-tag';

export interface MonthGroup {
  readonly month: string;
  readonly meetings: readonly MeetingPlanEntry[];
}

/** The meetings in order, grouped by Norwegian calendar month. */
export function groupByMonth(meetings: readonly MeetingPlanEntry[]): MonthGroup[] {
  const groups: { month: string; meetings: MeetingPlanEntry[] }[] = [];
  for (const meeting of [...meetings].sort(
    (a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt),
  )) {
    const month = localMonth(meeting.startsAt);
    const last = groups.at(-1);
    if (last?.month === month) last.meetings.push(meeting);
    else groups.push({ month, meetings: [meeting] });
  }
  return groups;
}

/** `/moter`: the annual plan, every body's meetings in a year by month; the secretariat plans new ones. */
@Component({
  selector: 'app-meeting-plan-page',
  imports: [RouterLink, TranslocoPipe, LoadState, MeetingStatusTag],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-plan-page.html',
  styleUrl: './meetings.css',
})
export class MeetingPlanPage {
  private readonly api = inject(MeetingsApi);
  protected readonly language = inject(LanguageService);
  protected readonly session = inject(SessionStore);

  protected readonly year = signal(localYear(new Date().toISOString()));
  protected readonly bodyFilter = signal('');

  protected readonly bodies = rxResource({ stream: () => this.api.bodies() });
  protected readonly meetings = rxResource({
    params: () => ({ year: this.year(), bodyId: this.bodyFilter() }),
    stream: ({ params }) => this.api.plan(params.year, params.bodyId),
  });

  protected readonly groups = computed(() =>
    this.meetings.hasValue() ? groupByMonth(this.meetings.value().items) : [],
  );

  protected readonly count = computed(() =>
    this.groups().reduce((sum, group) => sum + group.meetings.length, 0),
  );

  protected changeYear(delta: number): void {
    this.year.update((year) => year + delta);
  }

  protected chooseBody(event: Event): void {
    this.bodyFilter.set((event.target as HTMLSelectElement).value);
  }

  protected when(meeting: MeetingPlanEntry): string {
    const start = formatMeetingTime(meeting.startsAt, this.language.locale());
    return meeting.endsAt
      ? `${start}–${formatClock(meeting.endsAt, this.language.locale())}`
      : start;
  }

  protected monthName(month: string): string {
    return formatMonth(month, this.language.locale());
  }
}
