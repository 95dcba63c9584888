import { ChangeDetectionStrategy, Component, PendingTasks, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ElectionType } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ErrorSummary } from '../../shared/error-summary';
import { FlashMessage } from '../../shared/flash-message';
import { type FormProblem, FormProblems, problemsFromError } from '../../shared/form-problems';
import { FieldError } from '../../shared/field-error';
import { FormField } from '../../shared/form-field';
import { ELECTION_TYPE_OPTIONS, NATIONAL_TYPES } from '../election-options';
import { ElectionsApi } from '../elections-api';

const FIELD_IDS: Record<string, string> = {
  name: 'election-name',
  type: 'election-type',
  electionDay: 'election-day',
  advanceFrom: 'advance-from',
  advanceTo: 'advance-to',
};

/** Referendums are what a municipality sets up most often itself. */
const DEFAULT_TYPE: ElectionType = 'folkeavstemning';

function isMonday(iso: string): boolean {
  return new Date(`${iso}T12:00:00Z`).getUTCDay() === 1;
}

/** A new election: its voting periods follow from election day (computed by the API). */
@Component({
  selector: 'app-new-election-form',
  imports: [ReactiveFormsModule, TranslocoPipe, ErrorSummary, FieldError, FormField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './new-election-form.html',
})
export class NewElectionForm {
  private readonly api = inject(ElectionsApi);
  private readonly router = inject(Router);
  private readonly flash = inject(FlashMessage);
  private readonly pendingTasks = inject(PendingTasks);

  protected readonly types = ELECTION_TYPE_OPTIONS;
  protected readonly ownPeriodFields = [
    { id: 'advance-from', control: 'advanceFrom', label: 'elections.form.advanceFrom' },
    { id: 'advance-to', control: 'advanceTo', label: 'elections.form.advanceTo' },
  ] as const;
  protected readonly problems = new FormProblems();
  protected readonly saving = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: '',
    type: DEFAULT_TYPE,
    electionDay: '',
    advanceFrom: '',
    advanceTo: '',
  });

  /** Only elections the municipality holds itself may set their own advance voting period. */
  protected ownElection(): boolean {
    return !NATIONAL_TYPES.includes(this.form.controls.type.value);
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
    this.saving.set(true);
    try {
      const election = await firstValueFrom(
        this.api.create({
          name: value.name.trim(),
          type: value.type,
          electionDay: value.electionDay,
          ...(this.ownElection() && value.advanceFrom && value.advanceTo
            ? { advanceFrom: value.advanceFrom, advanceTo: value.advanceTo }
            : {}),
        }),
      );
      this.flash.set({ messageKey: 'elections.form.created', params: { name: election.name } });
      await this.router.navigate(['/valg', election.id]);
    } catch (error) {
      this.problems.set(problemsFromError(error, FIELD_IDS));
    } finally {
      this.saving.set(false);
    }
  }

  private validate(value: ReturnType<typeof this.form.getRawValue>): FormProblem[] {
    const problems: FormProblem[] = [];
    if (!value.name.trim()) {
      problems.push({ field: 'election-name', messageKey: 'elections.form.nameRequired' });
    }
    if (!value.electionDay) {
      problems.push({ field: 'election-day', messageKey: 'elections.form.dayRequired' });
    } else if (NATIONAL_TYPES.includes(value.type) && !isMonday(value.electionDay)) {
      problems.push({ field: 'election-day', messageKey: 'elections.form.dayMonday' });
    }
    if (this.ownElection() && (value.advanceFrom || value.advanceTo)) {
      if (!value.advanceFrom || !value.advanceTo) {
        problems.push({
          field: value.advanceFrom ? 'advance-to' : 'advance-from',
          messageKey: 'elections.form.periodBoth',
        });
      } else if (
        value.advanceTo < value.advanceFrom ||
        (value.electionDay && value.advanceTo >= value.electionDay)
      ) {
        problems.push({ field: 'advance-to', messageKey: 'elections.form.periodOrder' });
      }
    }
    return problems;
  }
}
