import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  computed,
  inject,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
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
import { LEAVE_KIND_OPTIONS, type LeaveKind } from '../body-options';
import type { MembershipTarget } from './membership-target';

const FIELD_IDS: Record<string, string> = {
  kind: 'leave-kind-leave',
  from: 'leave-from',
  to: 'leave-to',
  reason: 'leave-reason',
  decisionRef: 'leave-decision',
};

export interface LeaveGranted {
  readonly target: MembershipTarget;
  readonly kind: LeaveKind;
}

/** Editors: leave (permisjon) or release (fritak), koml. § 7-9, in a modal dialog. */
@Component({
  selector: 'app-leave-dialog',
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
      [heading]="'bodies.leave.heading' | transloco: { name: target()?.name ?? '' }"
      testId="leave-dialog"
      (closed)="target.set(null)"
    >
      @if (target(); as current) {
        <p class="ds-paragraph intro">{{ 'bodies.leave.intro' | transloco }}</p>
        <app-error-summary [problems]="problems" />
        <form class="form-stack" [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <fieldset class="ds-fieldset">
            <legend class="ds-label">{{ 'bodies.leave.kind' | transloco }}</legend>
            @for (kind of kinds; track kind) {
              <div class="ds-field">
                <input
                  class="ds-input"
                  type="radio"
                  formControlName="kind"
                  [id]="'leave-kind-' + kind"
                  [value]="kind"
                  [attr.autofocus]="kind === 'leave' ? '' : null"
                  [attr.aria-describedby]="'leave-kind-' + kind + '-help'"
                />
                <label class="ds-label" [for]="'leave-kind-' + kind">{{
                  'bodies.leaveKind.' + kind | transloco
                }}</label>
                <div
                  class="ds-paragraph"
                  data-size="sm"
                  data-field="description"
                  [id]="'leave-kind-' + kind + '-help'"
                >
                  {{ 'bodies.leave.kindHelp.' + kind | transloco }}
                </div>
              </div>
            }
          </fieldset>
          <div class="form-row">
            <app-form-field fieldId="leave-from" labelKey="bodies.leave.from" [problems]="problems">
              <input
                id="leave-from"
                class="ds-input"
                type="date"
                formControlName="from"
                required
                [min]="current.from"
                [attr.aria-invalid]="problems.for('leave-from') ? true : null"
                [attr.aria-describedby]="problems.describedBy('leave-from')"
              />
            </app-form-field>
            <div class="ds-field">
              <label class="ds-label" for="leave-to">
                {{ (isLeave() ? 'bodies.leave.to' : 'bodies.leave.toOptional') | transloco }}
              </label>
              <input
                id="leave-to"
                class="ds-input"
                type="date"
                formControlName="to"
                [required]="isLeave()"
                [min]="current.from"
                [attr.aria-invalid]="problems.for('leave-to') ? true : null"
                [attr.aria-describedby]="problems.describedBy('leave-to')"
              />
              <app-field-error [problems]="problems" field="leave-to" />
            </div>
          </div>
          <div class="ds-field">
            <label class="ds-label" for="leave-reason">{{
              'bodies.leave.reason' | transloco
            }}</label>
            <div
              class="ds-paragraph"
              data-size="sm"
              data-field="description"
              id="leave-reason-help"
            >
              {{ 'bodies.leave.reasonHelp' | transloco }}
            </div>
            <input
              id="leave-reason"
              class="ds-input"
              type="text"
              maxlength="500"
              autocomplete="off"
              required
              formControlName="reason"
              [attr.aria-invalid]="problems.for('leave-reason') ? true : null"
              [attr.aria-describedby]="problems.describedBy('leave-reason', 'leave-reason-help')"
            />
            <app-field-error [problems]="problems" field="leave-reason" />
          </div>
          <div class="ds-field">
            <label class="ds-label" for="leave-decision">{{
              'bodies.end.decisionRef' | transloco
            }}</label>
            <div
              class="ds-paragraph"
              data-size="sm"
              data-field="description"
              id="leave-decision-help"
            >
              {{ 'common.form.decisionRefHelp' | transloco }}
            </div>
            <input
              id="leave-decision"
              class="ds-input"
              type="text"
              maxlength="50"
              autocomplete="off"
              formControlName="decisionRef"
              [attr.aria-invalid]="problems.for('leave-decision') ? true : null"
              [attr.aria-describedby]="
                problems.describedBy('leave-decision', 'leave-decision-help')
              "
            />
            <app-field-error [problems]="problems" field="leave-decision" />
          </div>
          <app-form-actions
            class="form-actions"
            submitTestId="leave-submit"
            submitKey="bodies.leave.submit"
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
export class LeaveDialog {
  private readonly api = inject(BodiesApi);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly dialog = viewChild.required(ModalDialog);

  readonly granted = output<LeaveGranted>();

  protected readonly kinds = LEAVE_KIND_OPTIONS;
  protected readonly target = signal<MembershipTarget | null>(null);
  protected readonly problems = new FormProblems();
  protected readonly saving = signal(false);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    kind: this.fb.control<LeaveKind>('leave'),
    from: '',
    to: '',
    reason: '',
    decisionRef: '',
  });
  private readonly kind = toSignal(this.form.controls.kind.valueChanges, {
    initialValue: this.form.controls.kind.value,
  });
  protected readonly isLeave = computed(() => this.kind() === 'leave');

  open(target: MembershipTarget): void {
    this.target.set(target);
    this.problems.clear();
    const today = todayIso();
    this.form.reset({ kind: 'leave', from: today < target.from ? target.from : today });
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
    if (!value.from) problems.push({ field: 'leave-from', messageKey: 'common.form.fromRequired' });
    if (value.kind === 'leave' && !value.to) {
      problems.push({ field: 'leave-to', messageKey: 'bodies.leave.toRequired' });
    } else if (value.to && value.from && value.to < value.from) {
      problems.push({ field: 'leave-to', messageKey: 'common.form.toBeforeFrom' });
    }
    if (!value.reason.trim()) {
      problems.push({ field: 'leave-reason', messageKey: 'bodies.leave.reasonRequired' });
    }
    this.problems.set(problems);
    if (problems.length > 0) return;
    this.saving.set(true);
    try {
      await firstValueFrom(
        this.api.addLeave(target.membershipId, {
          kind: value.kind,
          from: value.from,
          to: value.to || null,
          reason: value.reason.trim(),
          decisionRef: value.decisionRef.trim() || null,
        }),
      );
      this.granted.emit({ target, kind: value.kind });
      this.close();
    } catch (error) {
      this.problems.set(problemsFromError(error, FIELD_IDS));
    } finally {
      this.saving.set(false);
    }
  }
}
