import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { FormProblems } from './form-problems';
import { ProblemText } from './problem-text';

/**
 * A field's validation message, when the form has a problem for it: Designsystemet's
 * `ds-validation-message` with the id `<field>-error` that `FormProblems.describedBy` points to.
 * The host takes the message's place in the field (its spacing, its grid column) and is not
 * shown while there is no problem.
 */
@Component({
  selector: 'app-field-error',
  imports: [ProblemText],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[style.display]': "problem() ? 'block' : 'none'" },
  template: `@if (problem(); as current) {
    <p class="ds-validation-message" [id]="field() + '-error'" data-field="validation">
      <app-problem-text [problem]="current" />
    </p>
  }`,
  styles: `
    p {
      margin: 0;
    }
  `,
})
export class FieldError {
  readonly problems = input.required<FormProblems>();
  /** Id of the field's input; the message gets `<field>-error`. */
  readonly field = input.required<string>();

  protected readonly problem = computed(() => this.problems().for(this.field()));
}
