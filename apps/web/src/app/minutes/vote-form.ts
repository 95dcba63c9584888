import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Proposal, ProtocolLanguage, VoteInput } from '@sekretariat/contracts';
import { ErrorSummary } from '../shared/error-summary';
import { FormProblems } from '../shared/form-problems';
import { checkedOf, findProposal } from './minutes-format';
import { MinutesState } from './minutes-state';
import { type Voter, groupByParty, previousAgainst, voterLabel } from './voters';

/**
 * The vote on one proposal, fast: «Enstemmig» records it with no one against; otherwise the
 * members present are ticked who voted against (a whole party at once), everyone else voted for
 * (koml. § 8-1). Also «Trukket» and «Ikke votert over». The result sentence comes from the API.
 */
@Component({
  selector: 'app-vote-form',
  imports: [TranslocoPipe, ErrorSummary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './vote-form.html',
  styleUrl: './minutes.css',
})
export class VoteForm {
  protected readonly state = inject(MinutesState);

  readonly proposal = input.required<Proposal>();
  /** The members present and voting in the item. */
  readonly voters = input.required<readonly Voter[]>();
  readonly textLang = input<ProtocolLanguage>('nb');

  protected readonly idPrefix = computed(() => `vote-${this.proposal().id}`);
  protected readonly groups = computed(() => groupByParty(this.voters()));
  protected readonly open = signal(false);
  protected readonly against = signal<ReadonlySet<string>>(new Set());
  protected readonly againstCount = computed(
    () => this.voters().filter((v) => this.against().has(v.personId)).length,
  );
  protected readonly problems = new FormProblems();
  private readonly toggleButton = viewChild.required<ElementRef<HTMLButtonElement>>('toggle');

  protected label = voterLabel;
  protected checked = checkedOf;

  protected allAgainst(voters: readonly Voter[]): boolean {
    return voters.every((v) => this.against().has(v.personId));
  }

  protected someAgainst(voters: readonly Voter[]): boolean {
    return !this.allAgainst(voters) && voters.some((v) => this.against().has(v.personId));
  }

  protected toggleForm(): void {
    if (this.open()) {
      this.close();
      return;
    }
    // Changing a recorded vote starts from who voted against in it.
    this.against.set(new Set(previousAgainst(this.voters(), this.proposal().result)));
    this.open.set(true);
  }

  protected close(): void {
    this.open.set(false);
    this.toggleButton().nativeElement.focus();
  }

  protected set(personId: string, against: boolean): void {
    const next = new Set(this.against());
    if (against) next.add(personId);
    else next.delete(personId);
    this.against.set(next);
  }

  protected setAll(voters: readonly Voter[], against: boolean): void {
    const next = new Set(this.against());
    for (const v of voters) {
      if (against) next.add(v.personId);
      else next.delete(v.personId);
    }
    this.against.set(next);
  }

  protected unanimous(): void {
    void this.send({ outcome: 'voted', againstPersonIds: [] });
  }

  protected setOutcome(outcome: 'withdrawn' | 'not_voted'): void {
    void this.send({ outcome, againstPersonIds: [] });
  }

  protected submit(event: Event): void {
    event.preventDefault();
    // In agenda order of the attendance; only those still voting in the item.
    const againstPersonIds = this.voters()
      .filter((v) => this.against().has(v.personId))
      .map((v) => v.personId);
    void this.send({ outcome: 'voted', againstPersonIds }).then((saved) => {
      if (saved) this.close();
    });
  }

  private send(input: VoteInput): Promise<boolean> {
    const id = this.proposal().id;
    return this.state.save((api, meetingId) => api.vote(meetingId, id, input), {
      problems: this.problems,
      doneKey:
        input.outcome === 'voted' ? 'minutes.vote.saved' : `minutes.vote.saved_${input.outcome}`,
      doneParams: (minutes) => ({
        ordinal: this.proposal().ordinal,
        sentence: findProposal(minutes, id)?.result?.sentence ?? '',
      }),
    });
  }
}
