import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  computed,
  inject,
  input,
  type OnInit,
  output,
  signal,
} from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type {
  BodyDetail,
  MemberRole,
  MembershipKind,
  SubstituteOrder,
} from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { PeopleApi } from '../../people/people-api';
import { LanguageService } from '../../core/i18n/language.service';
import { ErrorSummary } from '../../shared/error-summary';
import { type FormProblem, FormProblems, problemsFromError } from '../../shared/form-problems';
import { IsoDatePipe } from '../../shared/iso-date.pipe';
import { LoadState } from '../../shared/load-state';
import { FieldError } from '../../shared/field-error';
import { FormField } from '../../shared/form-field';
import { todayIso } from '../../shared/today';
import { BodiesApi } from '../bodies-api';
import { MEMBER_ROLE_OPTIONS } from '../body-options';

/** The API's field paths → the ids of this form's inputs. */
const FIELD_IDS: Record<string, string> = {
  personId: 'add-person',
  partyId: 'add-party',
  kind: 'add-kind-member',
  role: 'add-role',
  rank: 'add-rank',
  from: 'add-from',
  to: 'add-to',
};

export interface MembershipAdded {
  readonly name: string;
  readonly kind: MembershipKind;
}

/** Editors: add a member or a substitute to the body (POST /api/bodies/:id/memberships). */
@Component({
  selector: 'app-add-membership-form',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    IsoDatePipe,
    ErrorSummary,
    FieldError,
    FormField,
    LoadState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './add-membership-form.html',
})
export class AddMembershipForm implements OnInit {
  private readonly bodiesApi = inject(BodiesApi);
  private readonly peopleApi = inject(PeopleApi);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly language = inject(LanguageService);

  readonly body = input.required<BodyDetail>();
  /** From the overview; `per_list` numbers substitutes per party list. */
  readonly substituteOrder = input<SubstituteOrder | null>(null);
  readonly added = output<MembershipAdded>();

  protected readonly roles = MEMBER_ROLE_OPTIONS;
  protected readonly people = rxResource({ stream: () => this.peopleApi.list() });
  protected readonly parties = rxResource({ stream: () => this.peopleApi.parties() });
  protected readonly problems = new FormProblems();
  protected readonly saving = signal(false);

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    personId: '',
    partyId: '',
    kind: this.fb.control<MembershipKind>('member'),
    role: this.fb.control<MemberRole>('member'),
    rank: '',
    from: '',
    to: '',
  });
  private readonly values = toSignal(this.form.valueChanges, {
    initialValue: this.form.getRawValue(),
  });
  protected readonly isSubstitute = computed(() => this.values().kind === 'substitute');

  /** The party list the new substitute joins, and the next number on it. */
  protected readonly nextRank = computed(() => this.rankFor(this.values().partyId ?? ''));

  constructor() {
    // Suggest the person's own party, and the next free number for a substitute.
    this.form.controls.personId.valueChanges.pipe(takeUntilDestroyed()).subscribe((personId) => {
      const person = this.people.value()?.items.find((p) => p.id === personId);
      const party = this.parties.value()?.items.find((p) => p.shortName === person?.party);
      this.form.controls.partyId.setValue(party?.id ?? '');
    });
    this.form.controls.kind.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.suggestRank();
    });
    this.form.controls.partyId.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.suggestRank();
    });
  }

  ngOnInit(): void {
    this.form.controls.from.setValue(this.defaultFrom());
  }

  /** Starts today, or on the first day of the term if today is outside it. */
  private defaultFrom(): string {
    const today = todayIso();
    const { termFrom, termTo } = this.body();
    return today < termFrom || today > termTo ? termFrom : today;
  }

  protected submit(): void {
    this.pendingTasks.run(() => this.save());
  }

  /** Reads the controls, not `values`: a control's valueChanges comes before its form's. */
  private suggestRank(): void {
    const { kind, partyId } = this.form.getRawValue();
    this.form.controls.rank.setValue(
      kind === 'substitute' ? String(this.rankFor(partyId).rank) : '',
      { emitEvent: false },
    );
  }

  private rankFor(partyId: string): { rank: number; list: string | null } {
    const party = this.parties.hasValue()
      ? (this.parties.value().items.find((p) => p.id === partyId)?.shortName ?? null)
      : null;
    const common = this.substituteOrder() === 'common';
    const onList = this.body().substitutes.filter((s) => common || s.party === party);
    const rank = onList.reduce((max, s) => Math.max(max, s.rank), 0) + 1;
    return { rank, list: common ? null : party };
  }

  private async save(): Promise<void> {
    if (this.saving()) return;
    const value = this.form.getRawValue();
    const problems = this.validate(value);
    this.problems.set(problems);
    if (problems.length > 0) return;
    this.saving.set(true);
    try {
      await firstValueFrom(
        this.bodiesApi.addMembership(this.body().id, {
          personId: value.personId,
          partyId: value.partyId || null,
          kind: value.kind,
          role: value.kind === 'member' ? value.role : 'member',
          rank: value.kind === 'substitute' ? Number(value.rank) : null,
          from: value.from,
          to: value.to || null,
        }),
      );
    } catch (error) {
      this.problems.set(problemsFromError(error, FIELD_IDS));
      return;
    } finally {
      this.saving.set(false);
    }
    const name = this.people.value()?.items.find((p) => p.id === value.personId)?.name ?? '';
    this.form.reset({ kind: value.kind, from: value.from });
    this.suggestRank();
    this.problems.clear();
    this.added.emit({ name, kind: value.kind });
  }

  private validate(value: ReturnType<typeof this.form.getRawValue>): FormProblem[] {
    const problems: FormProblem[] = [];
    if (!value.personId) {
      problems.push({ field: 'add-person', messageKey: 'bodies.add.personRequired' });
    }
    if (!value.from) {
      problems.push({ field: 'add-from', messageKey: 'common.form.fromRequired' });
    }
    if (value.kind === 'substitute' && !/^[1-9]\d*$/.test(value.rank.trim())) {
      problems.push({ field: 'add-rank', messageKey: 'bodies.add.rankRequired' });
    }
    if (value.to && value.to < value.from) {
      problems.push({ field: 'add-to', messageKey: 'common.form.toBeforeFrom' });
    }
    return problems;
  }
}
