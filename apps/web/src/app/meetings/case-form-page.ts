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
import { firstValueFrom, of } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { CaseDocuments } from '../documents/case-documents';
import { TranslatedTitleStrategy } from '../core/routing/translated-title-strategy';
import { ErrorSummary } from '../shared/error-summary';
import { type Flash, FlashMessage } from '../shared/flash-message';
import { FormProblems, problemsFromError } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { FieldError } from '../shared/field-error';
import { FormField } from '../shared/form-field';
import { FormActions } from '../shared/form-actions';
import {
  CASE_FIELD_IDS,
  type CaseFormValue,
  EMPTY_CASE,
  caseFormProblems,
  caseFormValue,
  toCaseInput,
} from './case-form';
import { LEGAL_GROUND_OPTIONS } from './legal-grounds';
import { formatMeetingTime } from './meeting-time';
import { MeetingStatusTag } from './meeting-status-tag';
import { MeetingsApi } from './meetings-api';

/** The case presentation's long texts, in the order of a saksframlegg. */
export const CASE_TEXTS = ['summary', 'background', 'assessment', 'recommendation'] as const;

/** `/saker/ny` and `/saker/:id`: a case with its case presentation (saksframlegg) and its saksgang. */
@Component({
  selector: 'app-case-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    ErrorSummary,
    FieldError,
    FormField,
    FormActions,
    LoadState,
    MeetingStatusTag,
    CaseDocuments,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-form-page.html',
  styleUrl: './meetings.css',
})
export class CaseFormPage {
  private readonly api = inject(MeetingsApi);
  private readonly router = inject(Router);
  private readonly flashMessage = inject(FlashMessage);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly language = inject(LanguageService);

  /** Route parameter `:id`; absent for a new case. */
  readonly id = input<string>();

  protected readonly editing = computed(() => !!this.id());
  protected readonly grounds = LEGAL_GROUND_OPTIONS;
  protected readonly texts = CASE_TEXTS;
  protected readonly problems = new FormProblems();
  protected readonly saving = signal(false);
  protected readonly flash = signal<Flash | null>(this.flashMessage.take());

  protected readonly existing = rxResource({
    params: () => this.id(),
    stream: ({ params: id }) => (id ? this.api.getCase(id) : of(null)),
  });

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    archiveReference: '',
    title: '',
    caseOfficer: '',
    summary: '',
    background: '',
    assessment: '',
    recommendation: '',
    access: this.fb.control<CaseFormValue['access']>('public'),
    legalGround: '',
  });
  protected readonly access = signal<CaseFormValue['access']>('public');

  constructor() {
    const titles = inject(TranslatedTitleStrategy);
    effect(() => {
      const kase = this.existing.hasValue() ? this.existing.value() : null;
      titles.setDetail(kase?.title ?? null);
      if (kase) {
        this.form.reset(caseFormValue(kase));
        this.access.set(kase.public ? 'public' : 'exempt');
      }
    });
    this.form.controls.access.valueChanges.subscribe((value) => {
      this.access.set(value);
    });
  }

  protected when(iso: string): string {
    return formatMeetingTime(iso, this.language.locale());
  }

  protected submit(): void {
    this.pendingTasks.run(() => this.save());
  }

  private async save(): Promise<void> {
    if (this.saving()) return;
    const value = { ...EMPTY_CASE, ...this.form.getRawValue() };
    const problems = caseFormProblems(value);
    this.problems.set(problems);
    if (problems.length > 0) return;
    this.saving.set(true);
    const id = this.id();
    try {
      const saved = await firstValueFrom(
        id ? this.api.updateCase(id, toCaseInput(value)) : this.api.createCase(toCaseInput(value)),
      );
      const flash = {
        messageKey: id ? 'meetings.case.updated' : 'meetings.case.created',
        params: { title: saved.title },
      };
      if (id) {
        this.flash.set(flash);
        this.existing.reload();
      } else {
        this.flashMessage.set(flash);
        await this.router.navigateByUrl(`/saker/${saved.id}`);
      }
    } catch (error) {
      this.problems.set(problemsFromError(error, CASE_FIELD_IDS));
    } finally {
      this.saving.set(false);
    }
  }
}
