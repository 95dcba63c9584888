import { signal } from '@angular/core';
import { ApiError, errorMessageKey } from '../core/api/api-error';

/**
 * One problem with a form, for the error summary and next to its field. Either a
 * translation key (the app's own checks) or a text from the API: the API's domain messages
 * are Norwegian and specific ("Neste ledige nummer er 3."), so they are shown as they are,
 * marked `lang="nb"`.
 */
export interface FormProblem {
  /** Id of the field to jump to; null for a problem with the whole form. */
  readonly field: string | null;
  readonly messageKey?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly text?: string;
}

/** Statuses whose API message says what to fix (validation, conflicts); the others get a generic text. */
const ACTIONABLE = new Set([400, 409, 422]);

/**
 * Turns a failed save into form problems: the API's field errors go to their fields
 * (`fieldIds` maps the API's path, e.g. `personId`, to the input's id), a domain error
 * without fields becomes one problem for the whole form.
 */
export function problemsFromError(
  error: unknown,
  fieldIds: Readonly<Record<string, string>> = {},
): FormProblem[] {
  if (error instanceof ApiError && ACTIONABLE.has(error.status)) {
    const problems: FormProblem[] = error.fields.map((field) => ({
      field: fieldIds[field.path] ?? fieldIds[field.path.split('.')[0] ?? ''] ?? null,
      text: `${field.message}`,
    }));
    const general =
      error.code === 'VALIDATION_FAILED' || error.code === 'INVALID_TEXT'
        ? { field: null, messageKey: errorMessageKey(error) }
        : { field: null, text: error.message };
    // A field message alone can be terse ("Utenfor valgperioden."): keep the API's explanation first.
    return [general, ...problems];
  }
  return [{ field: null, messageKey: errorMessageKey(error) }];
}

/**
 * The problems of one form as signals. `attempt` changes on every check, so that the
 * error summary is a new element (and announced again) after each failed submit.
 */
export class FormProblems {
  readonly list = signal<readonly FormProblem[]>([]);
  readonly attempt = signal(0);

  set(problems: readonly FormProblem[]): void {
    this.attempt.update((count) => count + 1);
    this.list.set(problems);
  }

  clear(): void {
    this.list.set([]);
  }

  has(): boolean {
    return this.list().length > 0;
  }

  for(field: string): FormProblem | undefined {
    return this.list().find((problem) => problem.field === field);
  }

  /** `aria-describedby` for a field: its help text and, when there is one, its error. */
  describedBy(field: string, ...help: readonly (string | null | undefined)[]): string | null {
    const ids = [...help.filter((id): id is string => !!id)];
    if (this.for(field)) ids.push(`${field}-error`);
    return ids.length ? ids.join(' ') : null;
  }
}
