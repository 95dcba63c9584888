import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  OFFICIANT_KINDS,
  type OfficiantKind,
  type WeddingOfficiant,
  type WeddingOfficiantInput,
} from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { ErrorSummary } from '../shared/error-summary';
import { FieldError } from '../shared/field-error';
import type { FormProblem } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { ScrollRegion } from '../shared/scroll-region';
import { todayIso } from '../shared/today';
import { isDate } from './booking-rules';
import { SetupForm, SetupNav, setupProblemsFromError, valueOf } from './setup-common';
import { formatShortDay } from './wedding-time';
import { WeddingsSetupApi } from './weddings-api';

const FIELDS = {
  name: 'officiant-name',
  kind: 'officiant-kind',
  decisionRef: 'officiant-decision',
  authorisedFrom: 'officiant-from',
  authorisedTo: 'officiant-to',
  userId: 'officiant-user',
};
const P = 'weddings.setup.officiants.problems.';

/** Whether an authorised officiant's period has ended (the mayor and deputy officiate by law). */
export function authorisationEnded(
  o: Pick<WeddingOfficiant, 'kind' | 'authorisedTo'>,
  today: string,
): boolean {
  return o.kind === 'authorised' && o.authorisedTo !== null && o.authorisedTo < today;
}

/**
 * `/vigsler/oppsett/vigslere`: the officiants. The mayor and deputy mayor by law (el. § 12);
 * others with the municipal council's decision and its period, shown as expired when it ended.
 */
@Component({
  selector: 'app-wedding-setup-officiants',
  imports: [TranslocoPipe, ErrorSummary, FieldError, LoadState, ScrollRegion, SetupNav],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './setup-officiants.html',
  styleUrl: './setup-pages.css',
})
export class SetupOfficiants {
  private readonly api = inject(WeddingsSetupApi);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly language = inject(LanguageService);
  protected readonly kinds = OFFICIANT_KINDS;
  protected readonly fields = FIELDS;
  protected readonly today = todayIso();
  protected readonly formatShortDay = formatShortDay;
  protected readonly ended = authorisationEnded;

  protected readonly loaded = rxResource({ stream: () => this.api.officiants() });
  /** The users with the officiant role, to link one (their own view, /vigsler/mine). */
  protected readonly users = rxResource({ stream: () => this.api.officiantUsers() });
  protected readonly officiants = linkedSignal<readonly WeddingOfficiant[]>(() =>
    this.loaded.hasValue() ? this.loaded.value().items : [],
  );
  protected readonly form = new SetupForm('officiant-errors');
  protected readonly editing = signal<WeddingOfficiant | null>(null);
  protected readonly name = signal('');
  protected readonly kind = signal<OfficiantKind>('authorised');
  protected readonly decisionRef = signal('');
  protected readonly authorisedFrom = signal('');
  protected readonly authorisedTo = signal('');
  protected readonly active = signal(true);
  protected readonly userId = signal('');

  /** The name of the user linked to an officiant, for the list. */
  protected userName(o: WeddingOfficiant): string | null {
    if (!o.userId || !this.users.hasValue()) return null;
    return this.users.value().items.find((u) => u.id === o.userId)?.displayName ?? null;
  }

  /** Whether a user is linked to another officiant than the one being edited. */
  protected linkedElsewhere(officiantId: string | null): boolean {
    return officiantId !== null && officiantId !== (this.editing()?.id ?? null);
  }

  protected set(
    field: 'name' | 'decisionRef' | 'authorisedFrom' | 'authorisedTo',
    event: Event,
  ): void {
    this[field].set(valueOf(event));
    this.form.touched();
  }

  protected setUser(event: Event): void {
    this.userId.set(valueOf(event));
    this.form.touched();
  }

  protected setKind(event: Event): void {
    this.kind.set(valueOf(event) as OfficiantKind);
    this.form.touched();
  }

  protected toggleActive(event: Event): void {
    this.active.set((event.target as HTMLInputElement).checked);
    this.form.touched();
  }

  protected edit(o: WeddingOfficiant): void {
    this.editing.set(o);
    this.name.set(o.name);
    this.kind.set(o.kind);
    this.decisionRef.set(o.decisionRef ?? '');
    this.authorisedFrom.set(o.authorisedFrom ?? '');
    this.authorisedTo.set(o.authorisedTo ?? '');
    this.active.set(o.active);
    this.userId.set(o.userId ?? '');
    this.form.problems.clear();
    this.form.touched();
    this.form.focusAfterRender(FIELDS.name);
  }

  protected reset(): void {
    const was = this.editing();
    this.editing.set(null);
    this.name.set('');
    this.kind.set('authorised');
    this.decisionRef.set('');
    this.authorisedFrom.set('');
    this.authorisedTo.set('');
    this.active.set(true);
    this.userId.set('');
    this.form.problems.clear();
    if (was) this.form.focusAfterRender(`officiant-${was.id}`);
  }

  protected save(event: Event): void {
    event.preventDefault();
    const authorised = this.kind() === 'authorised';
    const from = this.authorisedFrom().trim();
    const to = this.authorisedTo().trim();
    const problems: FormProblem[] = [];
    if (!this.name().trim()) problems.push({ field: FIELDS.name, messageKey: P + 'name' });
    if (authorised && !this.decisionRef().trim())
      problems.push({ field: FIELDS.decisionRef, messageKey: P + 'decisionRef' });
    if (authorised && !isDate(from))
      problems.push({ field: FIELDS.authorisedFrom, messageKey: P + 'from' });
    if (to && !isDate(to)) problems.push({ field: FIELDS.authorisedTo, messageKey: P + 'to' });
    else if (to && isDate(from) && to < from)
      problems.push({ field: FIELDS.authorisedTo, messageKey: P + 'toBeforeFrom' });
    if (problems.length > 0) {
      this.form.fail(problems);
      return;
    }
    const input: WeddingOfficiantInput = {
      name: this.name().trim(),
      kind: this.kind(),
      decisionRef: authorised ? this.decisionRef().trim() : null,
      authorisedFrom: authorised ? from : null,
      authorisedTo: authorised && to ? to : null,
      active: this.active(),
      // Only when the list of users loaded: a form without it leaves the link as it is.
      ...(this.users.hasValue() ? { userId: this.userId() || null } : {}),
    };
    const id = this.editing()?.id ?? null;
    if (this.form.saving()) return;
    this.pendingTasks.run(async () => {
      this.form.saving.set(true);
      try {
        const saved = await firstValueFrom(this.api.saveOfficiant(id, input));
        if (this.users.hasValue()) this.users.reload();
        this.officiants.update((list) =>
          id ? list.map((o) => (o.id === saved.id ? saved : o)) : [...list, saved],
        );
        this.reset();
        this.form.succeed('weddings.setup.officiants.done.' + (id ? 'updated' : 'created'), {
          name: saved.name,
        });
        this.form.focusAfterRender(`officiant-${saved.id}`);
      } catch (error) {
        this.form.fail(setupProblemsFromError(error, FIELDS));
      } finally {
        this.form.saving.set(false);
      }
    });
  }
}
