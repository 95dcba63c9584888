import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { Election, VotingPlace } from '@sekretariat/contracts';
import { LanguageService } from '../../core/i18n/language.service';
import { IsoDatePipe } from '../../shared/iso-date.pipe';
import { LoadState } from '../../shared/load-state';
import { osloToday, periodOn } from '../election-dates';
import { ElectionsApi } from '../elections-api';
import type { CounterChoice } from './counter-storage';

/** A voting place as the clerk chooses it: may I register votes there, and is it open? */
export interface PlaceOption {
  readonly place: VotingPlace;
  readonly assigned: boolean;
}

/** Places where the clerk works first; the others are listed too, marked. */
export function placeOptions(places: readonly VotingPlace[], username: string): PlaceOption[] {
  return places
    .map((place) => ({ place, assigned: place.staff.includes(username) }))
    .sort((a, b) => Number(b.assigned) - Number(a.assigned));
}

/**
 * Choosing the election and voting place for this counter, once: the choice is remembered in
 * the browser. Every place is listed, but votes can only be registered where the clerk is staff.
 */
@Component({
  selector: 'app-counter-setup',
  imports: [TranslocoPipe, IsoDatePipe, LoadState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './counter-setup.html',
  styleUrl: './counter-setup.css',
})
export class CounterSetup {
  private readonly api = inject(ElectionsApi);
  protected readonly language = inject(LanguageService);

  readonly elections = input.required<readonly Election[]>();
  readonly username = input.required<string>();
  /** The current choice, when changing it. */
  readonly current = input<CounterChoice | null>(null);
  readonly chosen = output<CounterChoice>();
  readonly cancelled = output();

  protected readonly today = osloToday();

  /** The current election, else one that takes advance votes today, else the first. */
  protected readonly electionId = linkedSignal(() => {
    const elections = this.elections();
    const current = this.current()?.electionId;
    if (current && elections.some((e) => e.id === current)) return current;
    return (elections.find((e) => periodOn(e, this.today)) ?? elections[0])?.id ?? '';
  });

  protected readonly places = rxResource({
    params: () => this.electionId() || undefined,
    stream: ({ params: id }) => this.api.places(id),
  });

  protected readonly options = computed(() =>
    this.places.hasValue() ? placeOptions(this.places.value().items, this.username()) : [],
  );

  /** The current place, else the first where the clerk works. */
  protected readonly placeId = linkedSignal(() => {
    const options = this.options();
    const current = this.current()?.placeId;
    if (current && options.some((o) => o.place.id === current)) return current;
    return options.find((o) => o.assigned)?.place.id ?? options[0]?.place.id ?? '';
  });

  protected readonly chosenOption = computed(
    () => this.options().find((o) => o.place.id === this.placeId()) ?? null,
  );

  protected isOngoing(election: Election): boolean {
    return periodOn(election, this.today) !== null;
  }

  protected chooseElection(event: Event): void {
    this.electionId.set((event.target as HTMLSelectElement).value);
  }

  protected choosePlace(event: Event): void {
    this.placeId.set((event.target as HTMLSelectElement).value);
  }

  protected start(event: Event): void {
    event.preventDefault();
    const electionId = this.electionId();
    const placeId = this.placeId();
    if (electionId && placeId) this.chosen.emit({ electionId, placeId });
  }
}
