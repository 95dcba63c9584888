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
import type { Meeting, NoticeResendInput } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ErrorSummary } from '../shared/error-summary';
import { FormActions } from '../shared/form-actions';
import { FormField } from '../shared/form-field';
import { type FormProblem, FormProblems, problemsFromError } from '../shared/form-problems';
import { ModalDialog } from '../shared/modal-dialog';
import { MeetingsApi } from './meetings-api';

/** The longest message the secretariat may put at the top of the changed notice (as the API). */
export const RESEND_MESSAGE_MAX = 1000;

/** The request from the typed message, or the problem that stops it before it is sent. */
export function toNoticeResendInput(message: string): NoticeResendInput | FormProblem {
  const trimmed = message.trim();
  if (trimmed.length > RESEND_MESSAGE_MAX)
    return { field: 'resend-message', messageKey: 'meetings.resend.tooLong' };
  return { message: trimmed };
}

/**
 * "Send endret innkalling": after time, place or agenda changed once the notice was sent, e-mails
 * the updated notice to the members and to substitutes who have accepted, with an optional message.
 */
@Component({
  selector: 'app-notice-resend-dialog',
  imports: [TranslocoPipe, ModalDialog, ErrorSummary, FormField, FormActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-modal-dialog [heading]="'meetings.resend.heading' | transloco" testId="resend-dialog">
      <form class="dialog-body" novalidate (submit)="submit($event)">
        <p class="ds-paragraph">{{ 'meetings.resend.intro' | transloco }}</p>
        <ul class="ds-list">
          <li>{{ 'meetings.resend.members' | transloco }}</li>
          <li>{{ 'meetings.resend.substitutes' | transloco }}</li>
          <li>{{ 'meetings.resend.saved' | transloco }}</li>
        </ul>
        <app-error-summary [problems]="problems" />
        <app-form-field
          fieldId="resend-message"
          labelKey="meetings.resend.message"
          helpKey="meetings.resend.messageHelp"
          [problems]="problems"
        >
          <textarea
            id="resend-message"
            class="ds-input"
            rows="4"
            [attr.maxlength]="max"
            [value]="message()"
            (input)="message.set(value($event))"
            [attr.aria-invalid]="problems.for('resend-message') ? true : null"
            [attr.aria-describedby]="problems.describedBy('resend-message', 'resend-message-help')"
          ></textarea>
        </app-form-field>
        <app-form-actions
          class="dialog-actions"
          submitTestId="resend-confirm"
          submitKey="meetings.resend.confirm"
          savingKey="meetings.resend.sending"
          [saving]="saving()"
          (cancelled)="close()"
        />
      </form>
    </app-modal-dialog>
  `,
  styleUrl: './meetings.css',
})
export class NoticeResendDialog {
  private readonly api = inject(MeetingsApi);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly dialog = viewChild.required(ModalDialog);

  readonly meetingId = input.required<string>();
  readonly sent = output<Meeting>();

  protected readonly max = RESEND_MESSAGE_MAX;
  protected readonly message = signal('');
  protected readonly problems = new FormProblems();
  protected readonly saving = signal(false);

  open(): void {
    this.message.set('');
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
    const request = toNoticeResendInput(this.message());
    if ('field' in request) {
      this.problems.set([request]);
      return;
    }
    this.problems.clear();
    this.saving.set(true);
    try {
      const meeting = await firstValueFrom(this.api.resendNotice(this.meetingId(), request));
      this.close();
      this.sent.emit(meeting);
    } catch (error) {
      this.problems.set(problemsFromError(error, { message: 'resend-message' }));
    } finally {
      this.saving.set(false);
    }
  }
}
