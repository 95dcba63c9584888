import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Meeting, MeetingCancelInput } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ErrorSummary } from '../shared/error-summary';
import { FormActions } from '../shared/form-actions';
import { FormField } from '../shared/form-field';
import { type FormProblem, FormProblems, problemsFromError } from '../shared/form-problems';
import { ModalDialog } from '../shared/modal-dialog';
import { MeetingsApi } from './meetings-api';

/** The longest reason (as the API). */
export const CANCEL_REASON_MAX = 1000;

/** The request from the typed reason, or the problem that stops it before it is sent. */
export function toMeetingCancelInput(reason: string): MeetingCancelInput | FormProblem {
  const trimmed = reason.trim();
  if (!trimmed) return { field: 'cancel-reason', messageKey: 'meetings.cancel.reasonRequired' };
  if (trimmed.length > CANCEL_REASON_MAX)
    return { field: 'cancel-reason', messageKey: 'meetings.cancel.tooLong' };
  return { reason: trimmed };
}

/**
 * "Avlys møtet": with a reason, before the meeting is held. Says what follows: the reason on the
 * public pages, an e-mail to the members, and that the meeting can no longer be noticed or held.
 */
@Component({
  selector: 'app-cancel-meeting-dialog',
  imports: [TranslocoPipe, ModalDialog, ErrorSummary, FormField, FormActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-modal-dialog [heading]="'meetings.cancel.heading' | transloco" testId="cancel-dialog">
      <form class="dialog-body" novalidate (submit)="submit($event)">
        <p class="ds-paragraph">{{ 'meetings.cancel.intro' | transloco }}</p>
        <ul class="ds-list">
          <li>{{ 'meetings.cancel.public' | transloco }}</li>
          <li>{{ 'meetings.cancel.mail' | transloco }}</li>
          <li>{{ 'meetings.cancel.locked' | transloco }}</li>
        </ul>
        <app-error-summary [problems]="problems" />
        <app-form-field
          fieldId="cancel-reason"
          labelKey="meetings.cancel.reason"
          helpKey="meetings.cancel.reasonHelp"
          [problems]="problems"
        >
          <textarea
            id="cancel-reason"
            class="ds-input"
            rows="3"
            [attr.maxlength]="max"
            [value]="reason()"
            (input)="reason.set(value($event))"
            [attr.aria-invalid]="problems.for('cancel-reason') ? true : null"
            [attr.aria-describedby]="problems.describedBy('cancel-reason', 'cancel-reason-help')"
          ></textarea>
        </app-form-field>
        <app-form-actions
          class="dialog-actions"
          submitTestId="cancel-confirm"
          submitKey="meetings.cancel.confirm"
          savingKey="meetings.cancel.saving"
          [saving]="saving()"
          (cancelled)="close()"
        />
      </form>
    </app-modal-dialog>
  `,
  styleUrl: './meetings.css',
})
export class CancelMeetingDialog {
  private readonly api = inject(MeetingsApi);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly dialog = viewChild.required(ModalDialog);

  readonly meetingId = input.required<string>();
  readonly cancelled = output<Meeting>();

  protected readonly max = CANCEL_REASON_MAX;
  protected readonly reason = signal('');
  protected readonly problems = new FormProblems();
  protected readonly saving = signal(false);

  open(): void {
    this.reason.set('');
    this.problems.clear();
    this.dialog().open();
  }

  protected close(): void {
    this.dialog().close();
  }

  protected value(event: Event): string {
    return (event.target as HTMLTextAreaElement).value;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.pendingTasks.run(() => this.send());
  }

  private async send(): Promise<void> {
    if (this.saving()) return;
    const request = toMeetingCancelInput(this.reason());
    if ('field' in request) {
      this.problems.set([request]);
      return;
    }
    this.problems.clear();
    this.saving.set(true);
    try {
      const meeting = await firstValueFrom(this.api.cancel(this.meetingId(), request));
      this.close();
      this.cancelled.emit(meeting);
    } catch (error) {
      this.problems.set(problemsFromError(error, { reason: 'cancel-reason' }));
    } finally {
      this.saving.set(false);
    }
  }
}
