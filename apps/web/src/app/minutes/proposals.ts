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
import type {
  MinutesItem,
  Proposal,
  ProposalInput,
  ProtocolLanguage,
} from '@sekretariat/contracts';
import { ErrorSummary } from '../shared/error-summary';
import { FieldError } from '../shared/field-error';
import { FormProblems } from '../shared/form-problems';
import { ModalDialog } from '../shared/modal-dialog';
import { valueOf } from './minutes-format';
import { MinutesState } from './minutes-state';
import { VoteForm } from './vote-form';
import { type Voter, voterLabel } from './voters';

type NewKind = ProposalInput['kind'];

/** The proposals of an item in voting order, each with its vote; a member's new proposal; removing one. */
@Component({
  selector: 'app-proposals',
  imports: [TranslocoPipe, ErrorSummary, FieldError, ModalDialog, VoteForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './proposals.html',
  styleUrl: './minutes.css',
})
export class Proposals {
  protected readonly state = inject(MinutesState);

  readonly item = input.required<MinutesItem>();
  readonly voters = input.required<readonly Voter[]>();
  readonly textLang = input<ProtocolLanguage>('nb');

  protected readonly kinds: readonly NewKind[] = ['new', 'amendment', 'addition'];
  protected readonly prefix = computed(() => `proposal-${this.item().id}`);
  protected readonly kind = signal<NewKind>('new');
  protected readonly personId = signal('');
  protected readonly onBehalfOf = signal('');
  protected readonly text = signal('');
  protected readonly problems = new FormProblems();
  protected readonly removeProblems = new FormProblems();
  protected readonly removing = signal<Proposal | null>(null);
  protected readonly dialog = viewChild.required(ModalDialog);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  protected readonly label = voterLabel;
  protected readonly value = valueOf;

  protected setKind(event: Event): void {
    const kind = this.kinds.find((k) => k === valueOf(event));
    if (kind) this.kind.set(kind);
  }

  protected add(event: Event): void {
    event.preventDefault();
    const prefix = this.prefix();
    const problems = [
      ...(this.personId()
        ? []
        : [{ field: `${prefix}-person`, messageKey: 'minutes.proposals.personRequired' }]),
      ...(this.text().trim()
        ? []
        : [{ field: `${prefix}-text`, messageKey: 'minutes.proposals.textRequired' }]),
    ];
    if (problems.length > 0) {
      this.problems.set(problems);
      return;
    }
    const input: ProposalInput = {
      kind: this.kind(),
      personId: this.personId(),
      onBehalfOf: this.onBehalfOf().trim(),
      text: this.text().trim(),
    };
    const itemId = this.item().id;
    void this.state
      .save((api, meetingId) => api.addProposal(meetingId, itemId, input), {
        problems: this.problems,
        fieldIds: { personId: `${prefix}-person`, text: `${prefix}-text` },
        doneKey: 'minutes.proposals.added',
      })
      .then((saved) => {
        if (!saved) return;
        this.text.set('');
        this.onBehalfOf.set('');
        this.personId.set('');
      });
  }

  protected askRemove(proposal: Proposal): void {
    this.removeProblems.clear();
    this.removing.set(proposal);
    this.dialog().open();
  }

  protected remove(): void {
    const proposal = this.removing();
    if (!proposal) return;
    void this.state
      .save((api, meetingId) => api.removeProposal(meetingId, proposal.id), {
        problems: this.removeProblems,
        doneKey: 'minutes.proposals.removed',
        doneParams: () => ({ ordinal: proposal.ordinal }),
      })
      .then((saved) => {
        if (!saved) return;
        this.dialog().close();
        // The proposal and its button are gone: go on from the list's heading.
        this.heading().nativeElement.focus();
      });
  }
}
