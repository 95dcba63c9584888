import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError, errorMessageKey } from '../core/api/api-error';

/**
 * Loading and error state of a page's data, visible and announced:
 * the polite live region exists before loading starts, so screen readers
 * hear "Loading …"; errors use role="alert".
 */
@Component({
  selector: 'app-load-state',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="status" aria-live="polite" aria-atomic="true">
      @if (loading()) {
        <p class="ds-paragraph loading">
          <svg
            class="ds-spinner"
            data-size="sm"
            viewBox="0 0 50 50"
            aria-hidden="true"
            focusable="false"
          >
            <circle
              class="ds-spinner__background"
              cx="25"
              cy="25"
              r="20"
              fill="none"
              stroke-width="5"
            />
            <circle
              class="ds-spinner__circle"
              cx="25"
              cy="25"
              r="20"
              fill="none"
              stroke-width="5"
            />
          </svg>
          <span>{{ loadingKey() | transloco }}</span>
        </p>
      }
    </div>
    @if (error()) {
      <div class="ds-alert" data-color="danger" role="alert">
        <h2 class="ds-heading" data-size="xs">{{ 'common.errorHeading' | transloco }}</h2>
        <p class="ds-paragraph">{{ messageKey() | transloco }}</p>
        @if (retryable()) {
          <button
            type="button"
            class="ds-button"
            data-variant="secondary"
            data-size="sm"
            (click)="retry.emit()"
          >
            {{ 'common.retry' | transloco }}
          </button>
        }
      </div>
    }
  `,
  styles: `
    .loading {
      display: flex;
      align-items: center;
      gap: var(--ds-size-3);
    }
    .ds-alert > * + * {
      margin-top: var(--ds-size-3);
    }
  `,
})
export class LoadState {
  readonly loading = input.required<boolean>();
  readonly error = input<unknown>(undefined);
  readonly loadingKey = input('common.loading');
  readonly retry = output();

  protected readonly messageKey = computed(() => errorMessageKey(this.error()));
  /** Trying again helps with network and server trouble, not with "not found" or "forbidden". */
  protected readonly retryable = computed(() => {
    const error = this.error();
    return (
      !(error instanceof ApiError) ||
      error.status === 0 ||
      error.status === 408 ||
      error.status === 429 ||
      error.status >= 500
    );
  });
}
