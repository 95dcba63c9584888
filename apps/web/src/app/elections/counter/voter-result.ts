import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import type { LookupResponse } from '@sekretariat/contracts';
import { LanguageService } from '../../core/i18n/language.service';
import { IsoDatePipe } from '../../shared/iso-date.pipe';
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

const castAtFormats = new Map<string, Intl.DateTimeFormat>();

/** When a vote was cast, in Norwegian time as the API records it. */
function formatCastAt(iso: string, locale: string): string {
  let format = castAtFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: 'Europe/Oslo',
    });
    castAtFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}

/** The answer of a lookup, big and unmistakable: what the clerk must do with this voter. */
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

  protected readonly state = computed(() => voterState(this.response()));
  protected readonly look = computed(() => LOOKS[this.state()]);
  protected readonly match = computed(() => singleMatch(this.response()));

  protected castAt(iso: string): string {
    return formatCastAt(iso, this.language.locale());
  }
}
