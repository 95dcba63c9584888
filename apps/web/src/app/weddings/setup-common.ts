import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  afterNextRender,
  inject,
  signal,
} from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { WeddingAvailability } from '@sekretariat/contracts';
import { ApiError } from '../core/api/api-error';
import { type FormProblem, FormProblems, problemsFromError } from '../shared/form-problems';

/** The setup's areas, each a page of its own under `/vigsler/oppsett/…`. */
export const SETUP_AREAS = [
  { path: 'steder', key: 'places' },
  { path: 'vigslere', key: 'officiants' },
  { path: 'tider', key: 'availability' },
  { path: 'sperrede-dager', key: 'blocked' },
  { path: 'innstillinger', key: 'settings' },
] as const;

/** The links between the setup's pages; the current one has `aria-current="page"`. */
@Component({
  selector: 'app-wedding-setup-nav',
  imports: [RouterLink, RouterLinkActive, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="setup-nav" [attr.aria-label]="'weddings.setup.navLabel' | transloco">
      <ul class="ds-list">
        <li>
          <a class="ds-link" routerLink="/vigsler">{{ 'weddings.setup.backToList' | transloco }}</a>
        </li>
        @for (area of areas; track area.path) {
          <li>
            <a
              class="ds-link"
              [routerLink]="'/vigsler/oppsett/' + area.path"
              routerLinkActive="current"
              ariaCurrentWhenActive="page"
              [attr.data-testid]="'setup-nav-' + area.path"
              >{{ 'weddings.setup.' + area.key + '.heading' | transloco }}</a
            >
          </li>
        }
      </ul>
    </nav>
  `,
  styleUrl: './setup-pages.css',
})
export class SetupNav {
  protected readonly areas = SETUP_AREAS;
}

const E = 'weddings.setup.errors.';
/** The setup routes' error codes, in the interface's language (apps/api/src/weddings/weddings.errors.ts). */
export const SETUP_ERRORS: Readonly<Record<string, string>> = {
  WEDDING_PLACE_NOT_FOUND: E + 'placeNotFound',
  WEDDING_OFFICIANT_NOT_FOUND: E + 'officiantNotFound',
  WEDDING_AVAILABILITY_NOT_FOUND: E + 'availabilityNotFound',
  WEDDING_BLOCKED_DAY_NOT_FOUND: E + 'blockedDayNotFound',
  WEDDING_IN_USE: E + 'inUse',
  WEDDING_OFFICIANT_USER_TAKEN: E + 'officiantUserTaken',
  WEDDING_OFFICIANT_USER_INVALID: E + 'officiantUserInvalid',
  VALIDATION_FAILED: E + 'validation',
};

/**
 * A failed save as form problems: a known code in the interface's language, with the API's
 * field messages at their fields (`fieldIds`: the API's path → the input's id); anything else as
 * the other forms show it.
 */
export function setupProblemsFromError(
  error: unknown,
  fieldIds: Readonly<Record<string, string>>,
): FormProblem[] {
  if (!(error instanceof ApiError) || !SETUP_ERRORS[error.code]) {
    return problemsFromError(error, fieldIds);
  }
  const fields: FormProblem[] = error.fields
    .filter((f) => fieldIds[f.path])
    .map((f) => ({ field: fieldIds[f.path]!, text: f.message }));
  return [{ field: null, messageKey: SETUP_ERRORS[error.code] }, ...fields];
}

/**
 * One form's state on a setup page: its problems (the error summary gets focus after a failed
 * submit), whether it is saving, and the success message, which goes as soon as the form is
 * changed again or another action is taken.
 */
export class SetupForm {
  readonly problems = new FormProblems();
  readonly saving = signal(false);
  readonly done = signal<{ key: string; params?: Record<string, unknown> } | null>(null);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  constructor(private readonly summaryId: string) {}

  /** Shows the problems and moves focus to the error summary. */
  fail(problems: readonly FormProblem[]): void {
    this.done.set(null);
    this.problems.set(problems);
    afterNextRender(
      () => {
        const summary = this.document.querySelector<HTMLElement>(
          `#${this.summaryId} .ds-error-summary`,
        );
        if (!summary) return;
        summary.tabIndex = -1;
        summary.focus();
      },
      { injector: this.injector },
    );
  }

  succeed(key: string, params?: Record<string, unknown>): void {
    this.problems.clear();
    this.done.set({ key, params });
  }

  /** The form was changed: a success message no longer applies. */
  touched(): void {
    this.done.set(null);
  }

  /** Focus to an element after the next render (a heading, a row), e.g. when the button used is gone. */
  focusAfterRender(id: string): void {
    afterNextRender(
      () => {
        const element = this.document.getElementById(id);
        if (!element) return;
        if (element.tabIndex < 0 && !element.matches('a,button,input,select,textarea')) {
          element.tabIndex = -1;
        }
        element.focus();
      },
      { injector: this.injector },
    );
  }
}

/** "10:30" → 630. */
export function clockMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The preview of an availability rule's parameters for `weddings.setup.availability.preview`. */
export function previewParams(
  rule: Pick<
    WeddingAvailability,
    'weekday' | 'startTime' | 'endTime' | 'slotMinutes' | 'bufferMinutes'
  >,
  weekdays: (weekday: number) => string,
): Record<string, unknown> {
  return {
    weekdays: weekdays(rule.weekday),
    start: rule.startTime,
    end: rule.endTime,
    slot: rule.slotMinutes,
    buffer: rule.bufferMinutes,
  };
}

/** The start times a rule gives on one of its days ("10:00", "10:45", …): each slot ends by the end. */
export function slotStarts(
  rule: Pick<WeddingAvailability, 'startTime' | 'endTime' | 'slotMinutes' | 'bufferMinutes'>,
): string[] {
  const end = clockMinutes(rule.endTime);
  const starts: string[] = [];
  if (rule.slotMinutes < 1) return starts;
  for (
    let t = clockMinutes(rule.startTime);
    t + rule.slotMinutes <= end;
    t += rule.slotMinutes + rule.bufferMinutes
  ) {
    starts.push(
      `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`,
    );
  }
  return starts;
}

/** `<input>`/`<select>`/`<textarea>` value of an event. */
export function valueOf(event: Event): string {
  return (event.target as HTMLInputElement).value;
}

/** Whether a text is a whole number from `min` to `max`. */
export function isWhole(text: string, min: number, max: number): boolean {
  if (!/^\d+$/.test(text.trim())) return false;
  const n = Number(text);
  return n >= min && n <= max;
}
