import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  computed,
  PendingTasks,
  inject,
  input,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError, errorMessageKey } from '../core/api/api-error';
import { SessionStore } from '../core/session/session-store';
import { landingFor } from '../core/navigation/landing';
import { safeReturnUrl } from './safe-return-url';

type FieldName = 'username' | 'password';

const MAX_USERNAME = 100;
const MAX_PASSWORD = 200;

interface FormProblem {
  /** The field to jump to from the summary; null for a problem with the whole form. */
  readonly field: FieldName | null;
  readonly messageKey: string;
}

@Component({
  selector: 'app-login-page',
  imports: [ReactiveFormsModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styleUrl: './login-page.css',
})
export class LoginPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly pendingTasks = inject(PendingTasks);

  /** From the query string (`?returnUrl=/organer/…`), via component input binding. */
  readonly returnUrl = input<string>();

  /** Validated on submit (see validate), with the limits of LoginRequest in @sekretariat/contracts. */
  protected readonly form = inject(NonNullableFormBuilder).group({ username: '', password: '' });
  protected readonly problems = signal<readonly FormProblem[]>([]);
  protected readonly submitting = signal(false);
  private readonly attempt = signal(0);
  /** One key per failed attempt while there are problems, so the summary element is new each time. */
  protected readonly summaryAttempt = computed(() =>
    this.problems().length > 0 ? [{ attempt: this.attempt() }] : [],
  );

  protected fieldProblem(field: FieldName): FormProblem | undefined {
    return this.problems().find((problem) => problem.field === field);
  }

  protected submit(): void {
    // A pending task keeps the app "unstable" until sign-in has finished (tests and SSR wait for it).
    this.pendingTasks.run(() => this.signIn());
  }

  private async signIn(): Promise<void> {
    if (this.submitting()) return;
    this.problems.set([]);
    this.attempt.update((count) => count + 1);
    const problems = this.validate();
    if (problems.length > 0) {
      this.problems.set(problems);
      return;
    }
    this.submitting.set(true);
    try {
      const { username, password } = this.form.getRawValue();
      await this.session.login({ username: username.trim(), password });
    } catch (error) {
      this.problems.set(this.serverProblems(error));
      return;
    } finally {
      this.submitting.set(false);
    }
    // A page that asked for the sign-in gets it back; otherwise each role lands on its own page.
    const returnUrl = this.returnUrl();
    await this.router.navigateByUrl(
      returnUrl ? safeReturnUrl(returnUrl) : landingFor(this.session.callers()),
    );
  }

  /** Links in the error summary move focus to their field. */
  protected focusField(event: Event, field: FieldName): void {
    event.preventDefault();
    this.document.getElementById(field)?.focus();
  }

  private validate(): FormProblem[] {
    const { username, password } = this.form.getRawValue();
    const problems: FormProblem[] = [];
    if (username.trim() === '') {
      problems.push({ field: 'username', messageKey: 'auth.login.usernameRequired' });
    } else if (username.trim().length > MAX_USERNAME) {
      problems.push({ field: 'username', messageKey: 'auth.login.usernameTooLong' });
    }
    if (password === '') {
      problems.push({ field: 'password', messageKey: 'auth.login.passwordRequired' });
    } else if (password.length > MAX_PASSWORD) {
      problems.push({ field: 'password', messageKey: 'auth.login.passwordTooLong' });
    }
    return problems;
  }

  private serverProblems(error: unknown): FormProblem[] {
    if (error instanceof ApiError && error.fields.length > 0) {
      const fields = new Set(
        error.fields
          .map((field) => field.path.split('.')[0])
          .filter((path): path is FieldName => path === 'username' || path === 'password'),
      );
      if (fields.size > 0) {
        return [...fields].map((field) => ({ field, messageKey: `auth.login.${field}Invalid` }));
      }
    }
    return [{ field: null, messageKey: errorMessageKey(error) }];
  }
}
