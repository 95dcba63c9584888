import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  inject,
  output,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RegisteredVote } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ErrorSummary } from '../../shared/error-summary';
import { type FormProblem, FormProblems, problemsFromError } from '../../shared/form-problems';
import { FormField } from '../../shared/form-field';
import { ElectionsApi } from '../elections-api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The election board cancels a registration made in error, by its id (shown at the counter for
 * a voter who has voted, and in the day's CSV), always with a reason. The vote is kept, marked
 * cancelled, and counted among the rejections.
 */
@Component({
  selector: 'app-cancel-vote-panel',
  imports: [ReactiveFormsModule, TranslocoPipe, ErrorSummary, FormField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './cancel-vote-panel.html',
  styleUrl: './admin.css',
})
export class CancelVotePanel {
  private readonly api = inject(ElectionsApi);
  private readonly pendingTasks = inject(PendingTasks);

  readonly cancelled = output<RegisteredVote>();

  protected readonly problems = new FormProblems();
  protected readonly saving = signal(false);
  protected readonly done = signal<RegisteredVote | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({ voteId: '', reason: '' });

  protected submit(): void {
    this.pendingTasks.run(() => this.save());
  }

  private async save(): Promise<void> {
    if (this.saving()) return;
    const value = this.form.getRawValue();
    const voteId = value.voteId.trim();
    const reason = value.reason.trim();
    const problems: FormProblem[] = [];
    if (!UUID.test(voteId)) {
      problems.push({ field: 'cancel-vote-id', messageKey: 'elections.cancel.idInvalid' });
    }
    if (reason.length < 3) {
      problems.push({ field: 'cancel-reason', messageKey: 'elections.cancel.reasonRequired' });
    }
    this.problems.set(problems);
    this.done.set(null);
    if (problems.length > 0) return;
    this.saving.set(true);
    try {
      const vote = await firstValueFrom(this.api.cancel(voteId, reason));
      this.form.reset();
      this.done.set(vote);
      this.cancelled.emit(vote);
    } catch (error) {
      this.problems.set(
        problemsFromError(error, { reason: 'cancel-reason', id: 'cancel-vote-id' }),
      );
    } finally {
      this.saving.set(false);
    }
  }
}
