import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ErrorSummary } from '../shared/error-summary';
import { FormProblems } from '../shared/form-problems';
import { FieldError } from '../shared/field-error';

export interface AbsenceChoice {
  /** Null: the whole meeting (forfall). */
  agendaItemId: string | null;
  reason: string;
  /** Hours each substitute has to answer (only when the form asks for it). */
  deadlineHours?: number;
}

export interface AgendaChoice {
  id: string;
  number: string;
  title: string;
}

/**
 * The fields of an absence report: the whole meeting or one item (inhabilitet, with the reason
 * required), and a reason. Checks what it can and emits; the page sends it and shows the API's
 * problems through `problems`.
 */
@Component({
  selector: 'app-absence-form',
  imports: [TranslocoPipe, ErrorSummary, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="absence-form" novalidate (submit)="submit($event)">
      <app-error-summary [problems]="problems()" [testId]="idPrefix() + '-errors'" />
      <fieldset class="ds-fieldset">
        <legend class="ds-label">{{ 'attendance.form.what' | transloco }}</legend>
        <div class="ds-field">
          <input
            [id]="idPrefix() + '-whole'"
            class="ds-input"
            type="radio"
            [name]="idPrefix() + '-scope'"
            value="meeting"
            [checked]="scope() === 'meeting'"
            (change)="scope.set('meeting')"
          />
          <label class="ds-label" [for]="idPrefix() + '-whole'">{{
            'attendance.form.whole' | transloco
          }}</label>
        </div>
        <div class="ds-field">
          <input
            [id]="idPrefix() + '-item-scope'"
            class="ds-input"
            type="radio"
            [name]="idPrefix() + '-scope'"
            value="item"
            [disabled]="items().length === 0"
            [checked]="scope() === 'item'"
            (change)="scope.set('item')"
          />
          <label class="ds-label" [for]="idPrefix() + '-item-scope'">{{
            'attendance.form.item' | transloco
          }}</label>
        </div>
      </fieldset>

      @if (scope() === 'item') {
        <div class="ds-field">
          <label class="ds-label" [for]="idPrefix() + '-item'">{{
            'attendance.form.itemLabel' | transloco
          }}</label>
          <select
            [id]="idPrefix() + '-item'"
            class="ds-input"
            [value]="itemId()"
            (change)="itemId.set(value($event))"
            [attr.aria-invalid]="problems().for(idPrefix() + '-item') ? true : null"
            [attr.aria-describedby]="problems().describedBy(idPrefix() + '-item')"
          >
            <option value="">{{ 'attendance.form.chooseItem' | transloco }}</option>
            @for (item of items(); track item.id) {
              <option [value]="item.id">{{ item.number }} {{ item.title }}</option>
            }
          </select>
          <app-field-error [problems]="problems()" [field]="idPrefix() + '-item'" />
        </div>
      }

      <div class="ds-field">
        <label class="ds-label" [for]="idPrefix() + '-reason'">{{
          (scope() === 'item' ? 'attendance.form.reasonItem' : 'attendance.form.reason') | transloco
        }}</label>
        <div
          class="ds-paragraph"
          data-size="sm"
          data-field="description"
          [id]="idPrefix() + '-reason-help'"
        >
          {{
            (scope() === 'item' ? 'attendance.form.reasonItemHelp' : 'attendance.form.reasonHelp')
              | transloco
          }}
        </div>
        <textarea
          [id]="idPrefix() + '-reason'"
          class="ds-input"
          rows="3"
          maxlength="1000"
          [value]="reason()"
          (input)="reason.set(value($event))"
          [attr.aria-invalid]="problems().for(idPrefix() + '-reason') ? true : null"
          [attr.aria-describedby]="
            problems().describedBy(idPrefix() + '-reason', idPrefix() + '-reason-help')
          "
        ></textarea>
        <app-field-error [problems]="problems()" [field]="idPrefix() + '-reason'" />
      </div>
      @if (showDeadline()) {
        <div class="ds-field">
          <label class="ds-label" [for]="idPrefix() + '-deadline'">{{
            'attendance.form.deadline' | transloco
          }}</label>
          <div
            class="ds-paragraph"
            data-size="sm"
            data-field="description"
            [id]="idPrefix() + '-deadline-help'"
          >
            {{ 'attendance.form.deadlineHelp' | transloco }}
          </div>
          <input
            [id]="idPrefix() + '-deadline'"
            class="ds-input"
            type="number"
            inputmode="numeric"
            min="1"
            max="336"
            data-width="auto"
            [value]="deadlineHours()"
            (input)="deadlineHours.set(+value($event))"
            [attr.aria-invalid]="problems().for(idPrefix() + '-deadline') ? true : null"
            [attr.aria-describedby]="
              problems().describedBy(idPrefix() + '-deadline', idPrefix() + '-deadline-help')
            "
          />
          <app-field-error [problems]="problems()" [field]="idPrefix() + '-deadline'" />
        </div>
      }
      <button
        type="submit"
        class="ds-button"
        [attr.data-testid]="idPrefix() + '-submit'"
        [attr.aria-busy]="saving() || null"
      >
        {{ (saving() ? 'common.form.saving' : submitKey()) | transloco }}
      </button>
    </form>
  `,
  styles: `
    .absence-form {
      display: grid;
      gap: var(--ds-size-5);
      max-width: 40rem;
    }
    .absence-form > button {
      justify-self: start;
    }
  `,
})
export class AbsenceForm {
  readonly items = input.required<readonly AgendaChoice[]>();
  /** Prefix of the fields' ids (unique on the page). */
  readonly idPrefix = input.required<string>();
  readonly problems = input.required<FormProblems>();
  readonly saving = input(false);
  readonly submitKey = input('attendance.form.submit');
  /** The secretariat sets the answer deadline per call. */
  readonly showDeadline = input(false);
  readonly submitted = output<AbsenceChoice>();

  protected readonly scope = signal<'meeting' | 'item'>('meeting');
  protected readonly itemId = signal('');
  protected readonly reason = signal('');
  protected readonly deadlineHours = signal(24);

  /** The API's field paths to this form's field ids, for problemsFromError. */
  fieldIds(): Record<string, string> {
    return {
      agendaItemId: `${this.idPrefix()}-item`,
      reason: `${this.idPrefix()}-reason`,
      deadlineHours: `${this.idPrefix()}-deadline`,
    };
  }

  reset(): void {
    this.scope.set('meeting');
    this.itemId.set('');
    this.reason.set('');
    this.deadlineHours.set(24);
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const reason = this.reason().trim();
    const problems = [];
    if (this.scope() === 'item') {
      if (!this.itemId())
        problems.push({
          field: `${this.idPrefix()}-item`,
          messageKey: 'attendance.form.itemRequired',
        });
      if (!reason)
        problems.push({
          field: `${this.idPrefix()}-reason`,
          messageKey: 'attendance.form.reasonRequired',
        });
    }
    const hours = this.deadlineHours();
    if (this.showDeadline() && !(Number.isInteger(hours) && hours >= 1 && hours <= 336)) {
      problems.push({
        field: `${this.idPrefix()}-deadline`,
        messageKey: 'attendance.form.deadlineInvalid',
      });
    }
    this.problems().set(problems);
    if (problems.length > 0) return;
    this.submitted.emit({
      agendaItemId: this.scope() === 'item' ? this.itemId() : null,
      reason,
      ...(this.showDeadline() ? { deadlineHours: hours } : {}),
    });
  }
}
