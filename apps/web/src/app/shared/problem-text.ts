import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FormProblem } from './form-problems';

/** The text of a FormProblem: translated, or the API's Norwegian text marked as such. */
@Component({
  selector: 'app-problem-text',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@let current = problem();
    @if (current.messageKey) {
      {{ current.messageKey | transloco: current.params }}
    } @else {
      <span lang="nb">{{ current.text }}</span>
    }`,
})
export class ProblemText {
  readonly problem = input.required<FormProblem>();
}
