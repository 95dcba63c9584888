import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * A form's action row: the submit button (busy and "Lagrer …" while saving) and a secondary
 * cancel, a link back when `cancelLink` is given, otherwise a button that emits `cancelled`.
 * The host is the row: give it the layout class (`form-actions`, `dialog-actions`).
 */
@Component({
  selector: 'app-form-actions',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="submit"
      class="ds-button"
      [attr.data-testid]="submitTestId() || null"
      [attr.aria-busy]="saving() || null"
    >
      {{ (saving() ? savingKey() : submitKey()) | transloco }}
    </button>
    @if (cancelLink(); as link) {
      <a class="ds-button" data-variant="secondary" [routerLink]="link">{{
        'common.cancel' | transloco
      }}</a>
    } @else {
      <button type="button" class="ds-button" data-variant="secondary" (click)="cancelled.emit()">
        {{ 'common.cancel' | transloco }}
      </button>
    }
  `,
})
export class FormActions {
  /** Translation key of the submit button's text. */
  readonly submitKey = input.required<string>();
  readonly savingKey = input('common.form.saving');
  readonly saving = input(false);
  readonly submitTestId = input<string | null>(null);
  /** Where cancel leads; without it cancel is a button. */
  readonly cancelLink = input<string | unknown[] | null>(null);

  readonly cancelled = output();
}
