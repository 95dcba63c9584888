import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { LookupResponse, NextStep } from '@sekretariat/contracts';
import { LanguageService } from '../../core/i18n/language.service';
import { IsoDatePipe } from '../../shared/iso-date.pipe';
import { formatDateTime } from '../election-dates';
import { singleMatch, type VoterState, voterState } from './counter-logic';

interface StateLook {
  /** Designsystemet colour: the background, border and text follow it. */
  readonly color: 'success' | 'info' | 'danger' | 'warning' | 'neutral';
  readonly testId: string;
}

/** Colour, icon (in the template) and words together: never colour alone. */
const LOOKS: Record<VoterState, StateLook> = {
  own: { color: 'success', testId: 'can-vote' },
  other: { color: 'info', testId: 'other-municipality' },
  alreadyVoted: { color: 'danger', testId: 'already-voted' },
  notInRoll: { color: 'warning', testId: 'not-in-roll' },
  several: { color: 'neutral', testId: 'several-matches' },
};

/**
 * The answer of a lookup, big and unmistakable: who the voter is and what the clerk must do. A
 * voter is never turned away: one who has voted or is not in the roll votes in an envelope.
 */
@Component({
  selector: 'app-voter-result',
  imports: [TranslocoPipe, IsoDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './voter-result.html',
  styleUrl: './voter-result.css',
})
export class VoterResult {
  protected readonly language = inject(LanguageService);

  readonly response = input.required<LookupResponse>();
  /** Found by name: the personal number must still be typed to register. */
  readonly byName = input(false);
  /** The step the clerk takes (with the clerk's identity doubt), when the vote can be received now. */
  readonly step = input<NextStep | null>(null);

  protected readonly state = computed(() => voterState(this.response()));
  protected readonly look = computed(() => LOOKS[this.state()]);
  protected readonly match = computed(() => singleMatch(this.response()));
  /** The own voter's ballot goes in an envelope (an early vote, or the clerk doubts the identity). */
  protected readonly envelope = computed(() => {
    const step = this.step();
    return step ? step.action === 'envelope' : (this.match()?.envelope ?? false);
  });

  protected castAt(iso: string): string {
    return formatDateTime(iso, this.language.locale());
  }
}
