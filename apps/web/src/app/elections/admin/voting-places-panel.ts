import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  PendingTasks,
  afterNextRender,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import type { VotingPlaceInput } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../core/i18n/language.service';
import { ErrorSummary } from '../../shared/error-summary';
import { type FormProblem, FormProblems, problemsFromError } from '../../shared/form-problems';
import { IsoDatePipe } from '../../shared/iso-date.pipe';
import { LoadState } from '../../shared/load-state';
import { FieldError } from '../../shared/field-error';
import { FormField } from '../../shared/form-field';
import { ScrollRegion } from '../../shared/scroll-region';
import { osloToday } from '../election-dates';
import { ElectionsApi } from '../elections-api';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function nextDay(iso: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** User names from a free text: separated by commas, spaces or new lines. */
export function parseUsernames(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((name) => name.trim().toLowerCase()))].filter(
    Boolean,
  );
}

/** The voting places of an election: where and when votes are received, and by whom. */
@Component({
  selector: 'app-voting-places-panel',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    IsoDatePipe,
    LoadState,
    ScrollRegion,
    ErrorSummary,
    FieldError,
    FormField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './voting-places-panel.html',
  styleUrls: ['./admin.css', './voting-places-panel.css'],
})
export class VotingPlacesPanel {
  private readonly api = inject(ElectionsApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly language = inject(LanguageService);

  readonly electionId = input.required<string>();

  protected readonly places = rxResource({
    params: () => this.electionId(),
    stream: ({ params: id }) => this.api.places(id),
  });
  protected readonly problems = new FormProblems();
  protected readonly saving = signal(false);
  protected readonly added = signal<string | null>(null);

  protected readonly form = this.fb.group({
    name: '',
    address: '',
    staff: '',
    hours: this.fb.array([this.hoursRow(osloToday())]),
  });

  protected addDay(): void {
    const rows = this.form.controls.hours;
    const last = rows.at(rows.length - 1)?.getRawValue();
    rows.push(this.hoursRow(last?.date ? nextDay(last.date) : osloToday(), last));
    this.focus(`place-hours-${String(rows.length - 1)}-date`);
  }

  protected removeDay(index: number): void {
    const rows = this.form.controls.hours;
    rows.removeAt(index);
    this.focus(
      rows.length > 0
        ? `place-hours-${String(Math.min(index, rows.length - 1))}-date`
        : 'place-add-day',
    );
  }

  protected submit(): void {
    this.pendingTasks.run(() => this.save());
  }

  private hoursRow(date: string, like?: { from: string; to: string }) {
    return this.fb.group({ date, from: like?.from ?? '09:00', to: like?.to ?? '15:00' });
  }

  private async save(): Promise<void> {
    if (this.saving()) return;
    const value = this.form.getRawValue();
    const problems = this.validate(value);
    this.problems.set(problems);
    this.added.set(null);
    if (problems.length > 0) return;
    const input: VotingPlaceInput = {
      name: value.name.trim(),
      address: value.address.trim(),
      openingHours: value.hours,
      staff: parseUsernames(value.staff),
    };
    this.saving.set(true);
    try {
      const place = await firstValueFrom(this.api.createPlace(this.electionId(), input));
      this.form.reset();
      this.form.controls.hours.clear();
      this.form.controls.hours.push(this.hoursRow(osloToday()));
      this.added.set(place.name);
      this.places.reload();
    } catch (error) {
      this.problems.set(
        problemsFromError(error, {
          name: 'place-name',
          address: 'place-address',
          staff: 'place-staff',
          openingHours: 'place-hours-0-date',
        }),
      );
    } finally {
      this.saving.set(false);
    }
  }

  private validate(value: ReturnType<typeof this.form.getRawValue>): FormProblem[] {
    const problems: FormProblem[] = [];
    if (!value.name.trim()) {
      problems.push({ field: 'place-name', messageKey: 'elections.places.nameRequired' });
    }
    value.hours.forEach((row, index) => {
      const day = { day: index + 1 };
      if (!row.date) {
        problems.push({
          field: `place-hours-${String(index)}-date`,
          messageKey: 'elections.places.dateRequired',
          params: day,
        });
      }
      if (!TIME.test(row.from)) {
        problems.push({
          field: `place-hours-${String(index)}-from`,
          messageKey: 'elections.places.timeInvalid',
          params: day,
        });
      } else if (!TIME.test(row.to)) {
        problems.push({
          field: `place-hours-${String(index)}-to`,
          messageKey: 'elections.places.timeInvalid',
          params: day,
        });
      } else if (row.to <= row.from) {
        problems.push({
          field: `place-hours-${String(index)}-to`,
          messageKey: 'elections.places.toBeforeFrom',
          params: day,
        });
      }
    });
    return problems;
  }

  private focus(id: string): void {
    afterNextRender(() => this.document.getElementById(id)?.focus(), { injector: this.injector });
  }
}
