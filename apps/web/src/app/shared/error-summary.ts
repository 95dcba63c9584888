import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  computed,
  inject,
  input,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FormProblems } from './form-problems';
import { ProblemText } from './problem-text';

/**
 * Designsystemet's error summary for a form: announced when it appears (role="alert", a new
 * element per attempt), each problem a link that moves focus to its field.
 */
@Component({
  selector: 'app-error-summary',
  imports: [TranslocoPipe, ProblemText],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (summary of attempts(); track summary) {
      <div class="ds-error-summary" role="alert" [attr.data-testid]="testId() || null">
        <h2 class="ds-heading" data-size="2xs">{{ headingKey() | transloco }}</h2>
        <ul class="ds-list">
          @for (problem of problems().list(); track $index) {
            <li>
              @if (problem.field; as field) {
                <a class="ds-link" [href]="'#' + field" (click)="focusField($event, field)"
                  ><app-problem-text [problem]="problem"
                /></a>
              } @else {
                <app-problem-text [problem]="problem" />
              }
            </li>
          }
        </ul>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .ds-error-summary {
      margin-bottom: var(--ds-size-6);
    }
  `,
})
export class ErrorSummary {
  private readonly document = inject(DOCUMENT);

  readonly problems = input.required<FormProblems>();
  readonly headingKey = input('common.form.errorHeading');
  readonly testId = input('');

  protected readonly attempts = computed(() =>
    this.problems().list().length > 0 ? [this.problems().attempt()] : [],
  );

  protected focusField(event: Event, field: string): void {
    event.preventDefault();
    const element = this.document.getElementById(field);
    element?.focus();
    element?.scrollIntoView({ block: 'center' });
  }
}
