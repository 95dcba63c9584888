import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  BODY_KINDS,
  COAT_OF_ARMS_MAX_BYTES,
  NOTICE_DAYS_MAX,
  SIGNATORIES_MAX,
  SIGNATORIES_MIN,
  SUBSTITUTE_ANSWER_HOURS_MAX,
  type BodyKind,
  type MunicipalitySettings,
  type MunicipalitySettingsInput,
  type WrittenStandard,
} from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ApiError } from '../core/api/api-error';
import { ErrorSummary } from '../shared/error-summary';
import { FieldError } from '../shared/field-error';
import { type FormProblem, FormProblems, problemsFromError } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { SettingsApi } from './settings-api';

/** Error codes of the coat of arms upload that have their own text (settings.errors.<code>). */
export const COAT_OF_ARMS_CODES = [
  'COAT_OF_ARMS_NOT_PNG',
  'COAT_OF_ARMS_BROKEN',
  'COAT_OF_ARMS_TOO_LARGE',
  'COAT_OF_ARMS_DIMENSIONS',
] as const;

/** The id of a field in the form, by the API's path (for the API's field errors). */
export const FIELD_IDS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(BODY_KINDS.map((kind) => [`noticeDays.${kind}`, `notice-${kind}`])),
  remoteMeetingsAllowed: 'remote-allowed',
  remoteMeetingsDecision: 'remote-decision',
  substituteAnswerHours: 'substitute-hours',
  writtenStandard: 'written-standard-nb',
  documentName: 'document-name',
  protocolSignatories: 'signatories',
};

/** A whole number typed by a user within [min, max], or null. */
export function parseWhole(text: string, min: number, max: number): number | null {
  const cleaned = text.trim();
  if (!/^\d{1,4}$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value >= min && value <= max ? value : null;
}

/**
 * `/innstillinger` (admin): the municipality's own rules that the software applies, grouped as
 * meetings, documents and protocol, with the coat of arms for documents.
 */
@Component({
  selector: 'app-settings-page',
  imports: [ReactiveFormsModule, TranslocoPipe, ErrorSummary, FieldError, LoadState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './settings-page.html',
  styleUrl: './settings-page.css',
})
export class SettingsPage {
  private readonly api = inject(SettingsApi);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly kinds = BODY_KINDS;
  protected readonly signatoryChoices = Array.from(
    { length: SIGNATORIES_MAX - SIGNATORIES_MIN + 1 },
    (_, i) => SIGNATORIES_MIN + i,
  );
  protected readonly limits = {
    noticeDays: NOTICE_DAYS_MAX,
    hours: SUBSTITUTE_ANSWER_HOURS_MAX,
    kilobytes: COAT_OF_ARMS_MAX_BYTES / 1024,
  };

  protected readonly loaded = rxResource({ stream: () => this.api.get() });
  /** The settings as last read or saved. */
  protected readonly current = signal<MunicipalitySettings | null>(null);

  protected readonly problems = new FormProblems();
  protected readonly armsProblems = new FormProblems();
  protected readonly saving = signal(false);
  protected readonly uploading = signal(false);
  protected readonly saved = signal(false);
  protected readonly armsMessage = signal<'uploaded' | 'removed' | null>(null);
  protected readonly chosenFile = signal<File | null>(null);

  protected readonly form = this.fb.group({
    noticeDays: this.fb.group(
      Object.fromEntries(BODY_KINDS.map((kind) => [kind, this.fb.control('')])) as Record<
        BodyKind,
        FormControl<string>
      >,
    ),
    remoteMeetingsAllowed: false,
    remoteMeetingsDecision: '',
    substituteAnswerHours: '',
    writtenStandard: this.fb.control<WrittenStandard>('nb'),
    documentName: '',
    protocolSignatories: 2,
  });
  protected readonly remoteAllowed = signal(false);
  protected readonly placeholderName = computed(() => this.current()?.municipalityName ?? '');

  constructor() {
    effect(() => {
      if (this.loaded.hasValue()) this.show(this.loaded.value());
    });
    this.form.controls.remoteMeetingsAllowed.valueChanges.subscribe((value) => {
      this.remoteAllowed.set(value);
    });
  }

  private show(settings: MunicipalitySettings): void {
    this.current.set(settings);
    this.form.reset({
      noticeDays: Object.fromEntries(
        BODY_KINDS.map((kind) => [kind, String(settings.noticeDays[kind])]),
      ),
      remoteMeetingsAllowed: settings.remoteMeetingsAllowed,
      remoteMeetingsDecision: settings.remoteMeetingsDecision,
      substituteAnswerHours: String(settings.substituteAnswerHours),
      writtenStandard: settings.writtenStandard,
      documentName: settings.documentName,
      protocolSignatories: settings.protocolSignatories,
    });
    this.remoteAllowed.set(settings.remoteMeetingsAllowed);
  }

  /** The form as the API takes it, or the problems that keep it from being sent. */
  private read(): { input: MunicipalitySettingsInput | null; problems: FormProblem[] } {
    const raw = this.form.getRawValue();
    const problems: FormProblem[] = [];
    const noticeDays = {} as Record<BodyKind, number>;
    for (const kind of BODY_KINDS) {
      const days = parseWhole(raw.noticeDays[kind], 0, NOTICE_DAYS_MAX);
      if (days === null) {
        problems.push({
          field: `notice-${kind}`,
          messageKey: 'settings.problems.noticeDays',
          params: { max: NOTICE_DAYS_MAX },
        });
      } else {
        noticeDays[kind] = days;
      }
    }
    const hours = parseWhole(raw.substituteAnswerHours, 1, SUBSTITUTE_ANSWER_HOURS_MAX);
    if (hours === null) {
      problems.push({
        field: 'substitute-hours',
        messageKey: 'settings.problems.hours',
        params: { max: SUBSTITUTE_ANSWER_HOURS_MAX },
      });
    }
    const decision = raw.remoteMeetingsDecision.trim();
    if (raw.remoteMeetingsAllowed && decision.length === 0) {
      problems.push({ field: 'remote-decision', messageKey: 'settings.problems.decision' });
    }
    if (problems.length > 0 || hours === null) return { input: null, problems };
    return {
      input: {
        noticeDays,
        remoteMeetingsAllowed: raw.remoteMeetingsAllowed,
        remoteMeetingsDecision: decision,
        substituteAnswerHours: hours,
        writtenStandard: raw.writtenStandard,
        documentName: raw.documentName.trim(),
        protocolSignatories: Number(raw.protocolSignatories),
      },
      problems,
    };
  }

  protected submit(): void {
    this.pendingTasks.run(() => this.save());
  }

  private async save(): Promise<void> {
    if (this.saving()) return;
    this.saved.set(false);
    const { input, problems } = this.read();
    this.problems.set(problems);
    if (!input) return;
    this.saving.set(true);
    try {
      this.show(await firstValueFrom(this.api.save(input)));
      this.problems.clear();
      this.saved.set(true);
    } catch (error) {
      this.problems.set(problemsFromError(error, FIELD_IDS));
    } finally {
      this.saving.set(false);
    }
  }

  protected chooseFile(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.chosenFile.set(file);
    this.armsMessage.set(null);
    this.armsProblems.clear();
  }

  protected upload(): void {
    this.pendingTasks.run(() => this.sendFile());
  }

  private async sendFile(): Promise<void> {
    if (this.uploading()) return;
    this.armsMessage.set(null);
    const file = this.chosenFile();
    if (!file) {
      this.armsProblems.set([{ field: 'arms-file', messageKey: 'settings.arms.chooseFile' }]);
      return;
    }
    // The API checks the bytes; these checks only spare a round trip for the obvious cases.
    if (!/\.png$/i.test(file.name) && file.type !== 'image/png') {
      this.armsProblems.set([
        { field: 'arms-file', messageKey: 'settings.errors.COAT_OF_ARMS_NOT_PNG' },
      ]);
      return;
    }
    if (file.size > COAT_OF_ARMS_MAX_BYTES) {
      this.armsProblems.set([
        {
          field: 'arms-file',
          messageKey: 'settings.errors.COAT_OF_ARMS_TOO_LARGE',
          params: { kilobytes: this.limits.kilobytes },
        },
      ]);
      return;
    }
    this.uploading.set(true);
    try {
      this.current.set(await firstValueFrom(this.api.uploadCoatOfArms(file)));
      this.armsProblems.clear();
      this.armsMessage.set('uploaded');
    } catch (error) {
      this.armsProblems.set(this.uploadProblems(error));
    } finally {
      this.uploading.set(false);
    }
  }

  protected removeArms(): void {
    this.pendingTasks.run(async () => {
      if (this.uploading()) return;
      this.uploading.set(true);
      try {
        this.current.set(await firstValueFrom(this.api.removeCoatOfArms()));
        this.armsProblems.clear();
        this.armsMessage.set('removed');
      } catch (error) {
        this.armsProblems.set(problemsFromError(error));
      } finally {
        this.uploading.set(false);
      }
    });
  }

  private uploadProblems(error: unknown): FormProblem[] {
    if (
      error instanceof ApiError &&
      (COAT_OF_ARMS_CODES as readonly string[]).includes(error.code)
    ) {
      return [
        {
          field: 'arms-file',
          messageKey: `settings.errors.${error.code}`,
          params: { kilobytes: this.limits.kilobytes, pixels: 1000 },
        },
      ];
    }
    return problemsFromError(error, { file: 'arms-file' });
  }
}
