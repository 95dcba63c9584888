import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  PendingTasks,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RollImportReport } from '@sekretariat/contracts';
import { type Subscription, exhaustMap, firstValueFrom, takeWhile, timer } from 'rxjs';
import { type FormProblem, problemsFromError } from '../../shared/form-problems';
import { ProblemText } from '../../shared/problem-text';
import { ScrollRegion } from '../../shared/scroll-region';
import { ElectionsApi } from '../elections-api';

/** How often the import job is asked for its progress. */
export const ROLL_POLL_MS = 1000;

function finished(report: RollImportReport): boolean {
  return report.state === 'completed' || report.state === 'failed';
}

/**
 * The roll upload: the file goes to the API as it is, a job imports it, and the page asks for
 * the job's progress every second until it has completed or failed.
 */
@Component({
  selector: 'app-roll-upload-panel',
  imports: [TranslocoPipe, ProblemText, ScrollRegion],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './roll-upload-panel.html',
  styleUrl: './admin.css',
})
export class RollUploadPanel {
  private readonly api = inject(ElectionsApi);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly destroyRef = inject(DestroyRef);

  readonly electionId = input.required<string>();
  /** The import completed: the roll has changed. */
  readonly imported = output<RollImportReport>();

  protected readonly file = signal<File | null>(null);
  protected readonly allowRejected = signal(false);
  protected readonly sending = signal(false);
  protected readonly job = signal<RollImportReport | null>(null);
  protected readonly problem = signal<FormProblem | null>(null);
  protected readonly busy = computed(() => {
    const job = this.job();
    return this.sending() || (job !== null && !finished(job));
  });
  private polling: Subscription | null = null;

  protected chooseFile(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
    this.problem.set(null);
  }

  protected setAllowRejected(event: Event): void {
    this.allowRejected.set((event.target as HTMLInputElement).checked);
  }

  protected upload(): void {
    this.pendingTasks.run(() => this.send());
  }

  private async send(): Promise<void> {
    const file = this.file();
    if (this.busy()) return;
    if (!file) {
      this.problem.set({ field: 'roll-file', messageKey: 'elections.roll.chooseFile' });
      return;
    }
    this.sending.set(true);
    this.problem.set(null);
    this.job.set(null);
    try {
      const report = await firstValueFrom(
        this.api.uploadRoll(this.electionId(), file, this.allowRejected()),
      );
      this.job.set(report);
      if (report.jobId) this.poll(report.jobId);
    } catch (error) {
      this.problem.set(problemsFromError(error)[0] ?? null);
    } finally {
      this.sending.set(false);
    }
  }

  private poll(jobId: string): void {
    this.polling?.unsubscribe();
    const electionId = this.electionId();
    // Not a pending task: an import of millions of lines may take minutes.
    this.polling = timer(ROLL_POLL_MS, ROLL_POLL_MS)
      .pipe(
        exhaustMap(() => this.api.rollJob(electionId, jobId)),
        takeWhile((report) => !finished(report), true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (report) => {
          this.job.set(report);
          if (report.state === 'completed') this.imported.emit(report);
        },
        error: (error: unknown) => {
          this.problem.set(problemsFromError(error)[0] ?? null);
          this.job.set(null);
        },
      });
  }
}
