import { ChangeDetectionStrategy, Component, input, output, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ErrorSummary } from './error-summary';
import { FormProblems } from './form-problems';
import { ModalDialog } from './modal-dialog';

/**
 * A dialog that asks before a step that cannot be undone (cancel a booking, mark a ceremony
 * held): what happens (projected: text, or the fields the step needs, such as a reason), then
 * the confirming button and «Avbryt». The confirming button submits the dialog's form, so Enter
 * in a field confirms too; the page does the work on `confirmed` and closes the dialog when it is
 * done, or shows the refusal in `problems` inside the dialog.
 */
@Component({
  selector: 'app-confirm-dialog',
  imports: [TranslocoPipe, ErrorSummary, ModalDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-modal-dialog [heading]="heading()" [testId]="testId()" (closed)="closed.emit()">
      <form class="confirm-form" novalidate (submit)="confirm($event)">
        @if (problems(); as current) {
          <app-error-summary [problems]="current" />
        }
        <ng-content />
        <div class="confirm-actions">
          <button
            type="submit"
            class="ds-button"
            [attr.data-color]="danger() ? 'danger' : null"
            [attr.data-testid]="testId() ? testId() + '-confirm' : null"
            [attr.aria-busy]="busy() || null"
          >
            {{ confirmKey() | transloco }}
          </button>
          <button
            type="button"
            class="ds-button"
            data-variant="secondary"
            [attr.data-testid]="testId() ? testId() + '-cancel' : null"
            (click)="close()"
          >
            {{ 'common.cancel' | transloco }}
          </button>
        </div>
      </form>
    </app-modal-dialog>
  `,
  styles: `
    .confirm-form {
      display: grid;
      gap: var(--ds-size-4);
    }
    .confirm-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--ds-size-3);
      margin-top: var(--ds-size-2);
    }
  `,
})
export class ConfirmDialog {
  /** The question, already translated ("Avlyse vigselen 12. juni?"). */
  readonly heading = input.required<string>();
  /** Translation key of the confirming button ("Avlys vigselen"). */
  readonly confirmKey = input.required<string>();
  /** The step destroys something: the confirming button is red. */
  readonly danger = input(false);
  readonly busy = input(false);
  /** Problems of the step (a refusal from the API, a missing reason), shown in the dialog. */
  readonly problems = input<FormProblems | null>(null);
  readonly testId = input('');

  readonly confirmed = output();
  readonly closed = output();

  private readonly dialog = viewChild.required(ModalDialog);

  open(): void {
    this.dialog().open();
  }

  close(): void {
    this.dialog().close();
  }

  protected confirm(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    this.confirmed.emit();
  }
}
