import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type {
  EnvelopeReason,
  RejectionGround,
  ReviewVote,
  VoteDecisionInput,
} from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ApiError } from '../../core/api/api-error';
import { LanguageService } from '../../core/i18n/language.service';
import { TranslatedTitleStrategy } from '../../core/routing/translated-title-strategy';
import { ErrorSummary } from '../../shared/error-summary';
import { type FormProblem, FormProblems, problemsFromError } from '../../shared/form-problems';
import { FieldError } from '../../shared/field-error';
import { LoadState } from '../../shared/load-state';
import { ScrollRegion } from '../../shared/scroll-region';
import { formatDateTime } from '../election-dates';
import { ENVELOPE_REASON_OPTIONS, REJECTION_GROUND_OPTIONS } from '../election-options';
import { ElectionsApi } from '../elections-api';

type Decision = VoteDecisionInput['decision'];

/** The last decision made here, for the status line. */
interface Decided {
  readonly decision: Decision;
  readonly count: number;
  readonly ground: RejectionGround | null;
}

function asReason(value: string | null | undefined): EnvelopeReason | null {
  return ENVELOPE_REASON_OPTIONS.find((reason) => reason === value) ?? null;
}

function asGround(value: string): RejectionGround | null {
  return REJECTION_GROUND_OPTIONS.find((ground) => ground === value) ?? null;
}

/** The body of a decision on the chosen votes: a rejection carries its ground, an approval none. */
export function decisionInput(
  voteIds: readonly string[],
  decision: Decision,
  ground: RejectionGround | null,
): VoteDecisionInput {
  return { voteIds: [...voteIds], decision, ground: decision === 'reject' ? ground : null };
}

/**
 * The election board's prøving (`/valg/:id/proving`): the votes received in a special envelope,
 * oldest first, by envelope reason, each with whose vote it is, when, where and by which clerk,
 * and the voter's other votes beside it. The board chooses one or more and approves them, or
 * rejects them on a ground from the criteria; the API decides all chosen or none, and its
 * refusals (already decided, a voter approved twice) are shown as it words them.
 */
@Component({
  selector: 'app-review-page',
  imports: [RouterLink, TranslocoPipe, LoadState, ErrorSummary, FieldError, ScrollRegion],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './review-page.html',
  styleUrls: ['../admin/admin.css', './review-page.css'],
})
export class ReviewPage {
  private readonly api = inject(ElectionsApi);
  private readonly router = inject(Router);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly language = inject(LanguageService);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();
  /** Query parameter `reason`: only the votes of one envelope reason. */
  readonly reason = input<string | undefined>();

  protected readonly reasons = ENVELOPE_REASON_OPTIONS;
  protected readonly grounds = REJECTION_GROUND_OPTIONS;

  protected readonly elections = rxResource({ stream: () => this.api.list() });
  protected readonly election = computed(() =>
    this.elections.hasValue()
      ? (this.elections.value().items.find((e) => e.id === this.id()) ?? null)
      : null,
  );
  protected readonly filter = linkedSignal<EnvelopeReason | null>(() => asReason(this.reason()));
  protected readonly queue = rxResource({
    params: () => ({ id: this.id(), reason: this.filter() }),
    stream: ({ params }) => this.api.review(params.id, params.reason),
  });
  protected readonly items = computed<readonly ReviewVote[]>(() =>
    this.queue.hasValue() ? this.queue.value().items : [],
  );

  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  /** The chosen votes still in the queue (a reload drops those decided meanwhile). */
  protected readonly chosen = computed(() =>
    this.items().filter((item) => this.selected().has(item.id)),
  );
  protected readonly allChosen = computed(
    () => this.items().length > 0 && this.chosen().length === this.items().length,
  );
  protected readonly ground = signal<RejectionGround | null>(null);
  protected readonly problems = new FormProblems();
  protected readonly saving = signal<Decision | null>(null);
  protected readonly decided = signal<Decided | null>(null);

  constructor() {
    const titles = inject(TranslatedTitleStrategy);
    effect(() => {
      titles.setDetail(this.election()?.name ?? null);
    });
  }

  protected castAt(iso: string): string {
    return formatDateTime(iso, this.language.locale());
  }

  protected chooseFilter(event: Event): void {
    const reason = asReason((event.target as HTMLSelectElement).value);
    this.filter.set(reason);
    this.selected.set(new Set());
    this.problems.clear();
    void this.router.navigate([], {
      queryParams: { reason },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected toggle(id: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    const next = new Set(this.selected());
    if (checked) next.add(id);
    else next.delete(id);
    this.selected.set(next);
  }

  protected toggleAll(event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.selected.set(checked ? new Set(this.items().map((item) => item.id)) : new Set());
  }

  protected chooseGround(event: Event): void {
    this.ground.set(asGround((event.target as HTMLSelectElement).value));
  }

  protected decide(decision: Decision): void {
    this.pendingTasks.run(() => this.send(decision));
  }

  private async send(decision: Decision): Promise<void> {
    if (this.saving()) return;
    const chosen = this.chosen();
    const ground = this.ground();
    const problems: FormProblem[] = [];
    if (chosen.length === 0) {
      problems.push({ field: null, messageKey: 'elections.review.noneChosen' });
    }
    if (decision === 'reject' && !ground) {
      problems.push({ field: 'reject-ground', messageKey: 'elections.review.groundRequired' });
    }
    this.problems.set(problems);
    this.decided.set(null);
    if (problems.length > 0) return;
    this.saving.set(decision);
    try {
      const input = decisionInput(
        chosen.map((item) => item.id),
        decision,
        ground,
      );
      const answer = await firstValueFrom(this.api.decide(this.id(), input));
      this.selected.set(new Set());
      this.ground.set(null);
      this.decided.set({ decision, count: answer.items.length, ground: input.ground });
      this.queue.reload();
    } catch (error) {
      this.problems.set(this.decisionProblems(error, chosen));
      // What was decided meanwhile leaves the queue; the rest stays chosen.
      if (error instanceof ApiError && error.status === 409) this.queue.reload();
    } finally {
      this.saving.set(null);
    }
  }

  /** The API's refusal as it words it; a vote it names (`voteIds.3`) is named by its voter. */
  private decisionProblems(error: unknown, chosen: readonly ReviewVote[]): FormProblem[] {
    const problems = problemsFromError(error, { ground: 'reject-ground' });
    if (!(error instanceof ApiError)) return problems;
    const byVote = error.fields.flatMap((field) => {
      const match = /^voteIds\.(\d+)$/.exec(field.path);
      const vote = match ? chosen[Number(match[1])] : undefined;
      return vote
        ? [
            {
              field: null,
              text: `${vote.voterName ?? vote.personalNumberMasked}: ${field.message}`,
            },
          ]
        : [];
    });
    if (byVote.length === 0) return problems;
    return [problems[0] ?? { field: null, text: error.message }, ...byVote];
  }
}
