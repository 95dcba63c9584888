import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { FieldError } from './field-error';
import type { FormProblems } from './form-problems';

/**
 * Designsystemet's field (`ds-field`) around one input: its label, its help text (id
 * `<fieldId>-help`), the projected input and its validation message. The input stays in the
 * page's template, with its own id, bindings and `aria-describedby`.
 */
@Component({
  selector: 'app-form-field',
  imports: [TranslocoPipe, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'ds-field' },
  template: `
    <label class="ds-label" [for]="fieldId()">{{ labelKey() | transloco }}</label>
    @if (helpKey(); as help) {
      <div class="ds-paragraph" data-size="sm" data-field="description" [id]="fieldId() + '-help'">
        {{ help | transloco }}
      </div>
    }
    <ng-content />
    <app-field-error [problems]="problems()" [field]="fieldId()" />
  `,
})
export class FormField {
  /** Id of the projected input. */
  readonly fieldId = input.required<string>();
  readonly labelKey = input.required<string>();
  readonly helpKey = input<string | null>(null);
  readonly problems = input.required<FormProblems>();
}
