import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MeetingStatus } from '@sekretariat/contracts';

const COLORS: Record<MeetingStatus, string> = {
  planned: 'neutral',
  notice_sent: 'info',
  held: 'warning',
  minutes_approved: 'success',
};

/** A meeting's status as words in a tag; the colour only repeats what the words say. */
@Component({
  selector: 'app-meeting-status-tag',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="ds-tag" [attr.data-color]="color()" data-testid="meeting-status">{{
    'meetings.status.' + status() | transloco
  }}</span>`,
})
export class MeetingStatusTag {
  readonly status = input.required<MeetingStatus>();
  protected readonly color = computed(() => COLORS[this.status()]);
}
