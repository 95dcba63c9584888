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
import {
  checkPersonalNumber,
  type Gender,
  type PersonalNumberProblem,
  type PersonInput,
} from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { TranslatedTitleStrategy } from '../core/routing/translated-title-strategy';
import { ErrorSummary } from '../shared/error-summary';
import { FlashMessage } from '../shared/flash-message';
import { type FormProblem, FormProblems, problemsFromError } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { FieldError } from '../shared/field-error';
import { FormField } from '../shared/form-field';
import { FormActions } from '../shared/form-actions';
import { PeopleApi } from './people-api';

const GENDERS: Record<Gender, true> = { female: true, male: true, other: true };
export const GENDER_OPTIONS = Object.keys(GENDERS) as Gender[];

const FIELD_IDS: Record<string, string> = {
  givenName: 'person-given-name',
  familyName: 'person-family-name',
  gender: 'person-gender-female',
  partyId: 'person-party',
  email: 'person-email',
  phone: 'person-phone',
  personalNumber: 'person-personal-number',
};

/** The same rule as the API's (@sekretariat/contracts), said in the user's language. */
const PERSONAL_NUMBER_PROBLEMS: Record<PersonalNumberProblem, string> = {
  format: 'people.form.personalNumberInvalid',
  control: 'people.form.personalNumberControl',
  date: 'people.form.personalNumberDate',
};

/** Editors: register an official (`/personer/ny`) or change one (`/personer/:id/rediger`). */
@Component({
  selector: 'app-person-form-page',
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
  templateUrl: './person-form-page.html',
  styleUrl: './people.css',
})
export class PersonFormPage {
  private readonly api = inject(PeopleApi);
  private readonly router = inject(Router);
  private readonly flash = inject(FlashMessage);
  private readonly pendingTasks = inject(PendingTasks);

  /** Route parameter `:id` when editing. */
  readonly id = input<string>();

  protected readonly genders = GENDER_OPTIONS;
  protected readonly problems = new FormProblems();
  protected readonly saving = signal(false);
  protected readonly editing = computed(() => !!this.id());
  protected readonly parties = rxResource({ stream: () => this.api.parties() });
  protected readonly existing = rxResource({
    params: () => this.id(),
    stream: ({ params: id }) => this.api.detail(id),
  });

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    givenName: '',
    familyName: '',
    gender: this.fb.control<Gender | ''>(''),
    partyId: '',
    email: '',
    phone: '',
    personalNumber: '',
  });

  constructor() {
    const titles = inject(TranslatedTitleStrategy);
    effect(() => {
      const person = this.existing.hasValue() ? this.existing.value() : null;
      const parties = this.parties.hasValue() ? this.parties.value().items : [];
      titles.setDetail(person?.name ?? null);
      if (person) {
        this.form.reset({
          givenName: person.givenName,
          familyName: person.familyName,
          gender: person.gender,
          partyId: parties.find((p) => p.shortName === person.party)?.id ?? '',
          email: person.email ?? '',
          phone: person.phone ?? '',
          personalNumber: '',
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
    if (problems.length > 0 || value.gender === '') return;
    const input: PersonInput = {
      givenName: value.givenName.trim(),
      familyName: value.familyName.trim(),
      gender: value.gender,
      partyId: value.partyId || null,
      email: value.email.trim() || null,
      phone: value.phone.trim() || null,
      // Empty when editing keeps the stored number (the API never sends it back).
      personalNumber: value.personalNumber.replace(/\s/g, '') || null,
    };
    this.saving.set(true);
    const id = this.id();
    try {
      const saved = await firstValueFrom(id ? this.api.update(id, input) : this.api.create(input));
      this.flash.set({
        messageKey: id ? 'people.form.updated' : 'people.form.created',
        params: { name: saved.name },
      });
      await this.router.navigateByUrl(`/personer/${saved.id}`);
    } catch (error) {
      this.problems.set(problemsFromError(error, FIELD_IDS));
    } finally {
      this.saving.set(false);
    }
  }

  private validate(value: ReturnType<typeof this.form.getRawValue>): FormProblem[] {
    const problems: FormProblem[] = [];
    if (!value.givenName.trim()) {
      problems.push({ field: 'person-given-name', messageKey: 'people.form.givenNameRequired' });
    }
    if (!value.familyName.trim()) {
      problems.push({ field: 'person-family-name', messageKey: 'people.form.familyNameRequired' });
    }
    if (value.gender === '') {
      problems.push({ field: 'person-gender-female', messageKey: 'people.form.genderRequired' });
    }
    if (value.email.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value.email.trim())) {
      problems.push({ field: 'person-email', messageKey: 'people.form.emailInvalid' });
    }
    const personalNumber = value.personalNumber.replace(/\s/g, '');
    const check = personalNumber ? checkPersonalNumber(personalNumber) : null;
    if (check && !check.valid) {
      problems.push({
        field: 'person-personal-number',
        messageKey: PERSONAL_NUMBER_PROBLEMS[check.problem ?? 'format'],
      });
    }
    return problems;
  }
}
