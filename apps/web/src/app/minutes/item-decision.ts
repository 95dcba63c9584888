import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type {
  ItemOutcome,
  ItemTreatmentInput,
  MinutesItem,
  ProtocolLanguage,
} from '@sekretariat/contracts';
import { ErrorSummary } from '../shared/error-summary';
import { FieldError } from '../shared/field-error';
import { FormProblems } from '../shared/form-problems';
import { checkedOf, valueOf } from './minutes-format';
import { MinutesState } from './minutes-state';

const OUTCOMES: readonly ItemOutcome[] = ['pending', 'treated', 'postponed', 'withdrawn'];

/**
 * How an item was treated: the outcome, the treatment in brief, and the decision (written by the
 * API from the adopted proposals while untouched; edited here it is kept), exempt or not.
 */
@Component({
  selector: 'app-item-decision',
  imports: [TranslocoPipe, ErrorSummary, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="block form"
      novalidate
      (submit)="save($event)"
      [attr.aria-labelledby]="prefix() + '-heading'"
      data-testid="item-decision"
    >
      <h4 class="ds-heading" data-size="xs" [id]="prefix() + '-heading'">
        {{ 'minutes.decision.heading' | transloco }}
      </h4>
      <app-error-summary [problems]="problems" />
      <div class="ds-field">
        <label class="ds-label" [for]="prefix() + '-outcome'">{{
          'minutes.decision.outcome' | transloco
        }}</label>
        <select
          class="ds-input narrow"
          [id]="prefix() + '-outcome'"
          [value]="outcome()"
          (change)="setOutcome($event)"
        >
          @for (o of outcomes; track o) {
            <option [value]="o" [selected]="o === outcome()">
              {{ 'minutes.itemOutcome.' + o | transloco }}
            </option>
          }
        </select>
      </div>
      <div class="ds-field">
        <label class="ds-label" [for]="prefix() + '-treatment'">{{
          'minutes.decision.treatment' | transloco
        }}</label>
        <div
          class="ds-paragraph"
          data-size="sm"
          data-field="description"
          [id]="prefix() + '-treatment-help'"
        >
          {{ 'minutes.decision.treatmentHelp' | transloco }}
        </div>
        <textarea
          class="ds-input"
          rows="3"
          maxlength="50000"
          [id]="prefix() + '-treatment'"
          [attr.lang]="textLang()"
          [value]="treatment()"
          (input)="treatment.set(value($event))"
          [attr.aria-describedby]="
            problems.describedBy(prefix() + '-treatment', prefix() + '-treatment-help')
          "
        ></textarea>
        <app-field-error [problems]="problems" [field]="prefix() + '-treatment'" />
      </div>
      <div class="ds-field">
        <label class="ds-label" [for]="prefix() + '-decision'">{{
          'minutes.decision.decision' | transloco
        }}</label>
        <div
          class="ds-paragraph"
          data-size="sm"
          data-field="description"
          [id]="prefix() + '-decision-help'"
        >
          {{ 'minutes.decision.decisionHelp' | transloco }}
        </div>
        <textarea
          class="ds-input"
          rows="6"
          maxlength="50000"
          data-testid="decision-text"
          [id]="prefix() + '-decision'"
          [attr.lang]="textLang()"
          [value]="decision()"
          (input)="decision.set(value($event))"
          [attr.aria-describedby]="
            problems.describedBy(prefix() + '-decision', prefix() + '-decision-help')
          "
        ></textarea>
        <app-field-error [problems]="problems" [field]="prefix() + '-decision'" />
      </div>
      <div class="ds-field">
        <input
          class="ds-input"
          type="checkbox"
          [id]="prefix() + '-exempt'"
          [checked]="exempt()"
          (change)="exempt.set(checked($event))"
          [attr.aria-describedby]="prefix() + '-exempt-help'"
        />
        <label class="ds-label" [for]="prefix() + '-exempt'">{{
          'minutes.decision.exempt' | transloco
        }}</label>
        <div
          class="ds-paragraph"
          data-size="sm"
          data-field="description"
          [id]="prefix() + '-exempt-help'"
        >
          {{ 'minutes.decision.exemptHelp' | transloco }}
        </div>
      </div>
      <button
        type="submit"
        class="ds-button"
        data-testid="decision-save"
        [attr.aria-busy]="state.saving() || null"
      >
        {{ 'minutes.decision.save' | transloco }}
      </button>
    </form>
  `,
  styleUrl: './minutes.css',
})
export class ItemDecision {
  protected readonly state = inject(MinutesState);

  readonly item = input.required<MinutesItem>();
  readonly textLang = input<ProtocolLanguage>('nb');

  protected readonly outcomes = OUTCOMES;
  protected readonly prefix = computed(() => `decision-${this.item().id}`);
  // Each field follows what the API last said about it (a vote rewrites the decision), not every
  // answer: the computed values only change when the field did, so typing elsewhere is kept.
  private readonly saved = {
    outcome: computed(() => this.item().outcome),
    treatment: computed(() => this.item().treatment),
    decision: computed(() => this.item().decision),
    exempt: computed(() => this.item().decisionExempt),
  };
  protected readonly outcome = linkedSignal(() => this.saved.outcome());
  protected readonly treatment = linkedSignal(() => this.saved.treatment());
  protected readonly decision = linkedSignal(() => this.saved.decision());
  protected readonly exempt = linkedSignal(() => this.saved.exempt());
  protected readonly problems = new FormProblems();

  protected readonly value = valueOf;
  protected readonly checked = checkedOf;

  protected setOutcome(event: Event): void {
    const outcome = this.outcomes.find((o) => o === valueOf(event));
    if (outcome) this.outcome.set(outcome);
  }

  protected save(event: Event): void {
    event.preventDefault();
    const item = this.item();
    const prefix = this.prefix();
    const input: ItemTreatmentInput = {
      outcome: this.outcome(),
      treatment: this.treatment(),
      decision: this.decision(),
      decisionExempt: this.exempt(),
      handledAs: item.handledAs,
    };
    void this.state.save((api, meetingId) => api.treatItem(meetingId, item.id, input), {
      problems: this.problems,
      fieldIds: { treatment: `${prefix}-treatment`, decision: `${prefix}-decision` },
      doneKey: 'minutes.decision.saved',
      doneParams: () => ({ number: item.number }),
    });
  }
}
