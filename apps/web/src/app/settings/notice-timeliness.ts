import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MeetingStatus } from '@sekretariat/contracts';
import { SettingsApi } from './settings-api';

/**
 * The notice of a meeting against the body type's notice period (the municipality's settings).
 * `before` (the send dialog): warns when a notice sent now would be late; `after` (the meeting
 * page): says how many days before the meeting it went out, when that was late. Nothing otherwise.
 */
@Component({
  selector: 'app-notice-timeliness',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (late(); as t) {
    @if (mode() === 'before') {
      <div class="ds-alert" data-color="warning" data-testid="notice-late-warning">
        <p class="ds-paragraph">
          {{
            'settings.notice.lateBefore'
              | transloco: { days: t.daysBefore, required: t.requiredDays }
          }}
        </p>
      </div>
    } @else {
      <p class="ds-paragraph" data-size="sm" data-testid="notice-late">
        {{
          'settings.notice.lateAfter' | transloco: { days: t.daysBefore, required: t.requiredDays }
        }}
      </p>
    }
  }`,
  styles: `
    :host {
      display: block;
    }
    .ds-alert {
      margin-block: var(--ds-size-3);
    }
  `,
})
export class NoticeTimelinessNote {
  private readonly api = inject(SettingsApi);

  readonly meetingId = input.required<string>();
  /** Read again when the status changes (the notice was just sent). */
  readonly status = input.required<MeetingStatus>();
  readonly mode = input.required<'before' | 'after'>();

  private readonly timeliness = rxResource({
    params: () => ({ id: this.meetingId(), status: this.status() }),
    stream: ({ params }) => this.api.noticeTimeliness(params.id),
  });

  protected readonly late = computed(() => {
    if (!this.timeliness.hasValue()) return null;
    const t = this.timeliness.value();
    const sent = t.sentAt !== null;
    return t.late && sent === (this.mode() === 'after') ? t : null;
  });
}
