import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  APPROVAL_METHODS,
  type ApprovalMethod,
  type MinutesRecordInput,
  PROTOCOL_LANGUAGES,
  type ProtocolLanguage,
} from '@sekretariat/contracts';
import { ErrorSummary } from '../shared/error-summary';
import { FieldError } from '../shared/field-error';
import { FormProblems } from '../shared/form-problems';
import { checkedOf, valueOf } from './minutes-format';
import { MinutesState } from './minutes-state';
import { presentMembers, voterLabel } from './voters';

const MAX_SIGNATORIES = 5;
const FIELDS = {
  openedAt: 'record-opened',
  closedAt: 'record-closed',
  chairPersonId: 'record-chair',
  remarks: 'record-remarks',
  signatoryPersonIds: 'record-signatories',
} as const;

/** The protocol's facts: written standard, opened and closed, chair, remarks, how it is approved and who signs. */
@Component({
  selector: 'app-record-form',
  imports: [TranslocoPipe, ErrorSummary, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './record-form.html',
  styleUrl: './minutes.css',
})
export class RecordForm {
  protected readonly state = inject(MinutesState);

  protected readonly languages = PROTOCOL_LANGUAGES;
  protected readonly methods = APPROVAL_METHODS;
  protected readonly max = MAX_SIGNATORIES;
  protected readonly members = computed(() => {
    const minutes = this.state.minutes();
    return minutes ? presentMembers(minutes) : [];
  });

  // As in the item's form: each field follows the saved value only when that value changed.
  private readonly saved = {
    language: computed(() => this.state.minutes()?.record.language ?? 'nb'),
    openedAt: computed(() => this.state.minutes()?.record.openedAt ?? ''),
    closedAt: computed(() => this.state.minutes()?.record.closedAt ?? ''),
    chair: computed(() => this.state.minutes()?.record.chairPersonId ?? ''),
    remarks: computed(() => this.state.minutes()?.record.remarks ?? ''),
    method: computed(() => this.state.minutes()?.record.approvalMethod ?? 'signatures'),
    signatories: computed(() => this.state.minutes()?.record.signatoryPersonIds ?? [], {
      equal: (a, b) => a.join() === b.join(),
    }),
  };
  protected readonly language = linkedSignal<ProtocolLanguage>(() => this.saved.language());
  protected readonly openedAt = linkedSignal(() => this.saved.openedAt());
  protected readonly closedAt = linkedSignal(() => this.saved.closedAt());
  protected readonly chair = linkedSignal(() => this.saved.chair());
  protected readonly remarks = linkedSignal(() => this.saved.remarks());
  protected readonly method = linkedSignal<ApprovalMethod>(() => this.saved.method());
  protected readonly signatories = linkedSignal<readonly string[]>(() => this.saved.signatories());
  protected readonly problems = new FormProblems();
  /** The chair chosen is not present (the body's leader is the default): named, so the select shows it. */
  protected readonly absentChair = computed(() => {
    const chair = this.chair();
    if (!chair || this.members().some((m) => m.personId === chair)) return null;
    return this.state.minutes()?.attendees.find((a) => a.personId === chair)?.name ?? '–';
  });

  protected readonly label = voterLabel;
  protected readonly value = valueOf;
  protected readonly checked = checkedOf;

  protected toggleSignatory(personId: string, chosen: boolean): void {
    const others = this.signatories().filter((id) => id !== personId);
    this.signatories.set(chosen ? [...others, personId] : others);
  }

  protected save(event: Event): void {
    event.preventDefault();
    const signatoryPersonIds = this.method() === 'signatures' ? [...this.signatories()] : [];
    if (signatoryPersonIds.length > MAX_SIGNATORIES) {
      this.problems.set([
        {
          field: FIELDS.signatoryPersonIds,
          messageKey: 'minutes.record.tooMany',
          params: { max: MAX_SIGNATORIES },
        },
      ]);
      return;
    }
    const input: MinutesRecordInput = {
      language: this.language(),
      openedAt: this.openedAt() || null,
      closedAt: this.closedAt() || null,
      chairPersonId: this.chair() || null,
      remarks: this.remarks(),
      approvalMethod: this.method(),
      signatoryPersonIds,
    };
    void this.state.save((api, meetingId) => api.record(meetingId, input), {
      problems: this.problems,
      fieldIds: FIELDS,
      doneKey: 'minutes.record.saved',
    });
  }
}
