import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { BodyInput, BodyKind, ElectionMethod, SubstituteOrder } from '@sekretariat/contracts';
import { firstValueFrom, forkJoin, map } from 'rxjs';
import { TranslatedTitleStrategy } from '../core/routing/translated-title-strategy';
import { ErrorSummary } from '../shared/error-summary';
import { FlashMessage } from '../shared/flash-message';
import { type FormProblem, FormProblems, problemsFromError } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { FieldError } from '../shared/field-error';
import { FormField } from '../shared/form-field';
import { FormActions } from '../shared/form-actions';
import { BodiesApi } from './bodies-api';
import {
  BODY_KIND_OPTIONS,
  ELECTION_METHOD_OPTIONS,
  SUBSTITUTE_ORDER_OPTIONS,
} from './body-options';

/** The API's field paths are the form's field names; the inputs' ids add a prefix. */
const FIELD_IDS: Record<string, string> = {
  name: 'body-name',
  nameNn: 'body-name-nn',
  kind: 'body-kind',
  seats: 'body-seats',
  parentId: 'body-parent',
  termFrom: 'body-term-from',
  termTo: 'body-term-to',
  delegation: 'body-delegation',
  electionMethod: 'body-election-method',
  substituteOrder: 'body-substitute-order-per_list',
  isPublic: 'body-public',
};

/** Editors: create a body (`/organer/ny`) or change one (`/organer/:id/rediger`). */
@Component({
  selector: 'app-body-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    ErrorSummary,
    FieldError,
    FormField,
    FormActions,
    LoadState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './body-form-page.html',
  styleUrl: './bodies.css',
})
export class BodyFormPage {
  private readonly api = inject(BodiesApi);
  private readonly router = inject(Router);
  private readonly flash = inject(FlashMessage);
  private readonly pendingTasks = inject(PendingTasks);

  /** Route parameter `:id` when editing; absent for a new body. */
  readonly id = input<string>();

  protected readonly kinds = BODY_KIND_OPTIONS;
  protected readonly electionMethods = ELECTION_METHOD_OPTIONS;
  protected readonly substituteOrders = SUBSTITUTE_ORDER_OPTIONS;
  protected readonly problems = new FormProblems();
  protected readonly saving = signal(false);
  protected readonly editing = computed(() => !!this.id());

  /** Possible parent bodies: all others. */
  protected readonly bodies = rxResource({ stream: () => this.api.list('staff') });
  protected readonly parents = computed(() =>
    this.bodies.hasValue() ? this.bodies.value().items.filter((b) => b.id !== this.id()) : [],
  );
  /** The body being edited: the detail and the settings only the overview has. */
  protected readonly existing = rxResource({
    params: () => this.id(),
    stream: ({ params: id }) =>
      forkJoin([this.api.detail('staff', id), this.api.overview(id)]).pipe(
        map(([detail, overview]) => ({ body: detail.body, overview })),
      ),
  });

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    name: '',
    nameNn: '',
    kind: this.fb.control<BodyKind>('utvalg'),
    seats: '',
    parentId: '',
    termFrom: '',
    termTo: '',
    delegation: '',
    electionMethod: this.fb.control<ElectionMethod>('forholdsvalg'),
    substituteOrder: this.fb.control<SubstituteOrder>('per_list'),
    isPublic: true,
  });

  constructor() {
    const titles = inject(TranslatedTitleStrategy);
    effect(() => {
      const existing = this.existing.hasValue() ? this.existing.value() : null;
      titles.setDetail(existing?.body.name ?? null);
      if (existing) {
        const { body, overview } = existing;
        this.form.reset({
          name: body.name,
          nameNn: overview.nameNn ?? '',
          kind: body.kind,
          seats: String(body.seats),
          parentId: overview.parentId ?? '',
          termFrom: body.termFrom,
          termTo: body.termTo,
          delegation: overview.delegation,
          electionMethod: overview.electionMethod,
          substituteOrder: overview.substituteOrder,
          isPublic: overview.isPublic,
        });
      }
    });
  }

  protected submit(): void {
    this.pendingTasks.run(() => this.save());
  }

  private async save(): Promise<void> {
    if (this.saving()) return;
    const value = this.form.getRawValue();
    const problems = this.validate(value);
    this.problems.set(problems);
    if (problems.length > 0) return;
    const input: BodyInput = {
      name: value.name.trim(),
      nameNn: value.nameNn.trim() || null,
      kind: value.kind,
      seats: Number(value.seats),
      parentId: value.parentId || null,
      termFrom: value.termFrom,
      termTo: value.termTo,
      delegation: value.delegation.trim(),
      electionMethod: value.electionMethod,
      substituteOrder: value.substituteOrder,
      isPublic: value.isPublic,
    };
    this.saving.set(true);
    const id = this.id();
    try {
      const saved = await firstValueFrom(id ? this.api.update(id, input) : this.api.create(input));
      this.flash.set({
        messageKey: id ? 'bodies.form.updated' : 'bodies.form.created',
        params: { name: saved.name },
      });
      await this.router.navigateByUrl(`/organer/${saved.id}`);
    } catch (error) {
      this.problems.set(problemsFromError(error, FIELD_IDS));
    } finally {
      this.saving.set(false);
    }
  }

  private validate(value: ReturnType<typeof this.form.getRawValue>): FormProblem[] {
    const problems: FormProblem[] = [];
    if (!value.name.trim()) {
      problems.push({ field: 'body-name', messageKey: 'bodies.form.nameRequired' });
    }
    const seats = Number(value.seats);
    if (!/^\d+$/.test(value.seats.trim()) || seats < 1 || seats > 101) {
      problems.push({ field: 'body-seats', messageKey: 'bodies.form.seatsInvalid' });
    }
    if (!value.termFrom) {
      problems.push({ field: 'body-term-from', messageKey: 'bodies.form.termFromRequired' });
    }
    if (!value.termTo) {
      problems.push({ field: 'body-term-to', messageKey: 'bodies.form.termToRequired' });
    } else if (value.termFrom && value.termTo < value.termFrom) {
      problems.push({ field: 'body-term-to', messageKey: 'bodies.form.termToBeforeFrom' });
    }
    return problems;
  }
}
