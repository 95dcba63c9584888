import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { RegisteredVote, ReviewVote } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../core/i18n/language.service';
import { ErrorSummary } from '../../shared/error-summary';
import { FormProblems, problemsFromError } from '../../shared/form-problems';
import { FormField } from '../../shared/form-field';
import { LoadState } from '../../shared/load-state';
import { ModalDialog } from '../../shared/modal-dialog';
import { ScrollRegion } from '../../shared/scroll-region';
import { formatDateTime } from '../election-dates';
import { ElectionsApi } from '../elections-api';

/** A vote that can still be cancelled: received (waiting for the board) or approved. */
export function cancellable(vote: Pick<RegisteredVote, 'status'>): boolean {
  return vote.status === 'received' || vote.status === 'approved';
}

/**
 * The election board cancels a registration made in error: found by the voter's name or
 * personal number (`/votes/search`), shown with whose vote it is, when, where, by which clerk
 * and its status, and cancelled after a confirmation with a reason. The vote is kept, marked
 * cancelled, and counted among the rejections with the reason.
 */
@Component({
  selector: 'app-cancel-vote-panel',
  imports: [TranslocoPipe, ErrorSummary, FormField, LoadState, ModalDialog, ScrollRegion],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './cancel-vote-panel.html',
  styleUrls: ['./admin.css', './cancel-vote-panel.css'],
})
export class CancelVotePanel {
  private readonly api = inject(ElectionsApi);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly language = inject(LanguageService);
  private readonly dialog = viewChild(ModalDialog);

  readonly electionId = input.required<string>();
  readonly cancelled = output<RegisteredVote>();

  protected readonly query = signal('');
  protected readonly searchProblems = new FormProblems();
  /** The search sent (a new object per search, so that the same words search again). */
  private readonly searched = signal<{ readonly q: string } | undefined>(undefined);
  protected readonly results = rxResource({
    params: () => {
      const search = this.searched();
      return search ? { id: this.electionId(), q: search.q } : undefined;
    },
    stream: ({ params }) => this.api.searchVotes(params.id, params.q),
  });

  protected readonly chosen = signal<ReviewVote | null>(null);
  protected readonly reason = signal('');
  protected readonly problems = new FormProblems();
  protected readonly saving = signal(false);
  protected readonly done = signal<ReviewVote | null>(null);

  protected castAt(iso: string): string {
    return formatDateTime(iso, this.language.locale());
  }

  protected cancellable(vote: ReviewVote): boolean {
    return cancellable(vote);
  }

  protected search(event: Event): void {
    event.preventDefault();
    const q = this.query().trim();
    if (q.length < 2) {
      this.searchProblems.set([
        { field: 'cancel-search', messageKey: 'elections.cancel.searchTooShort' },
      ]);
      return;
    }
    this.searchProblems.clear();
    this.done.set(null);
    this.searched.set({ q });
  }

  protected choose(vote: ReviewVote): void {
    this.chosen.set(vote);
    this.reason.set('');
    this.problems.clear();
    this.dialog()?.open();
  }

  protected closeDialog(): void {
    this.dialog()?.close();
  }

  protected dialogClosed(): void {
    this.chosen.set(null);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.pendingTasks.run(() => this.save());
  }

  private async save(): Promise<void> {
    const vote = this.chosen();
    if (!vote || this.saving()) return;
    const reason = this.reason().trim();
    if (reason.length < 3) {
      this.problems.set([
        { field: 'cancel-reason', messageKey: 'elections.cancel.reasonRequired' },
      ]);
      return;
    }
    this.saving.set(true);
    try {
      const cancelled = await firstValueFrom(this.api.cancel(vote.id, reason));
      this.done.set(vote);
      this.closeDialog();
      this.results.reload();
      this.cancelled.emit(cancelled);
    } catch (error) {
      this.problems.set(problemsFromError(error, { reason: 'cancel-reason' }));
    } finally {
      this.saving.set(false);
    }
  }
}
