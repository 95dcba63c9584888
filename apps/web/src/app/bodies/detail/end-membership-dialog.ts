import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  inject,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { ErrorSummary } from '../../shared/error-summary';
import { type FormProblem, FormProblems, problemsFromError } from '../../shared/form-problems';
import { ModalDialog } from '../../shared/modal-dialog';
import { FieldError } from '../../shared/field-error';
import { FormField } from '../../shared/form-field';
import { FormActions } from '../../shared/form-actions';
import { todayIso } from '../../shared/today';
import { BodiesApi } from '../bodies-api';
import { END_REASON_OPTIONS, type EndReason } from '../body-options';
import type { MembershipTarget } from './membership-target';

const FIELD_IDS: Record<string, string> = {
  to: 'end-to',
  reason: 'end-reason',
  decisionRef: 'end-decision',
};

export interface MembershipEnded {
  readonly target: MembershipTarget;
  readonly to: string;
  /** From the API: who moves up, and that a new substitute must be elected. */
  readonly prompt: string | null;
}

/** Editors: end a membership (POST /api/memberships/:id/end) in a modal dialog. */
@Component({
  selector: 'app-end-membership-dialog',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    ModalDialog,
    ErrorSummary,
    FieldError,
    FormField,
    FormActions,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-modal-dialog
      [heading]="'bodies.end.heading' | transloco: { name: target()?.name ?? '' }"
      testId="end-dialog"
      (closed)="target.set(null)"
    >
      @if (target(); as current) {
        <p class="ds-paragraph intro">
          {{ 'bodies.end.intro' | transloco: { name: current.name } }}
        </p>
        <app-error-summary [problems]="problems" />
        <form class="form-stack" [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <app-form-field
            fieldId="end-to"
            labelKey="bodies.end.to"
            helpKey="bodies.end.toHelp"
            [problems]="problems"
          >
            <input
              id="end-to"
              class="ds-input"
              type="date"
              formControlName="to"
              required
              autofocus
              [min]="current.from"
              [attr.aria-invalid]="problems.for('end-to') ? true : null"
              [attr.aria-describedby]="problems.describedBy('end-to', 'end-to-help')"
            />
          </app-form-field>
          <app-form-field fieldId="end-reason" labelKey="bodies.end.reason" [problems]="problems">
            <select
              id="end-reason"
              class="ds-input"
              formControlName="reason"
              [attr.aria-invalid]="problems.for('end-reason') ? true : null"
              [attr.aria-describedby]="problems.describedBy('end-reason')"
            >
              @for (reason of reasons; track reason) {
                <option [value]="reason">{{ 'bodies.endReason.' + reason | transloco }}</option>
              }
            </select>
          </app-form-field>
          <div class="ds-field">
            <label class="ds-label" for="end-decision">{{
              'bodies.end.decisionRef' | transloco
            }}</label>
            <div
              class="ds-paragraph"
              data-size="sm"
              data-field="description"
              id="end-decision-help"
            >
              {{ 'common.form.decisionRefHelp' | transloco }}
            </div>
            <input
              id="end-decision"
              class="ds-input"
              type="text"
              maxlength="50"
              autocomplete="off"
              formControlName="decisionRef"
              [attr.aria-invalid]="problems.for('end-decision') ? true : null"
              [attr.aria-describedby]="problems.describedBy('end-decision', 'end-decision-help')"
            />
            <app-field-error [problems]="problems" field="end-decision" />
          </div>
          <app-form-actions
            class="form-actions"
            submitTestId="end-submit"
            submitKey="bodies.end.submit"
            [saving]="saving()"
            (cancelled)="close()"
          />
        </form>
      }
    </app-modal-dialog>
  `,
  styles: `
    .intro {
      margin-bottom: var(--ds-size-4);
    }
  `,
})
export class EndMembershipDialog {
  private readonly api = inject(BodiesApi);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly dialog = viewChild.required(ModalDialog);

  readonly ended = output<MembershipEnded>();

  protected readonly reasons = END_REASON_OPTIONS;
  protected readonly target = signal<MembershipTarget | null>(null);
  protected readonly problems = new FormProblems();
  protected readonly saving = signal(false);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    to: '',
    reason: this.fb.control<EndReason>('resigned'),
    decisionRef: '',
  });

  open(target: MembershipTarget): void {
    this.target.set(target);
    this.problems.clear();
    const today = todayIso();
    this.form.reset({ to: today < target.from ? target.from : today, reason: 'resigned' });
    this.dialog().open();
  }

  protected close(): void {
    this.dialog().close();
  }

  protected submit(): void {
    this.pendingTasks.run(() => this.save());
  }

  private async save(): Promise<void> {
    const target = this.target();
    if (!target || this.saving()) return;
    const value = this.form.getRawValue();
    const problems: FormProblem[] = [];
    if (!value.to) problems.push({ field: 'end-to', messageKey: 'bodies.end.toRequired' });
    else if (value.to < target.from) {
      problems.push({ field: 'end-to', messageKey: 'bodies.end.toBeforeStart' });
    }
    this.problems.set(problems);
    if (problems.length > 0) return;
    this.saving.set(true);
    try {
      const result = await firstValueFrom(
        this.api.endMembership(target.membershipId, {
          to: value.to,
          reason: value.reason,
          decisionRef: value.decisionRef.trim() || null,
        }),
      );
      this.ended.emit({ target, to: value.to, prompt: result.prompt });
      this.close();
    } catch (error) {
      this.problems.set(problemsFromError(error, FIELD_IDS));
    } finally {
      this.saving.set(false);
    }
  }
}
