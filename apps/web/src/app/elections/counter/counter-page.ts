import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  Injector,
  PendingTasks,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type { LookupResponse, VotesReport } from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ApiError } from '../../core/api/api-error';
import { hasAnyRole } from '../../core/session/roles';
import { SessionStore } from '../../core/session/session-store';
import { type FormProblem, problemsFromError } from '../../shared/form-problems';
import { LoadState } from '../../shared/load-state';
import { ProblemText } from '../../shared/problem-text';
import { osloToday, periodOn } from '../election-dates';
import { ORGANISER_ROLES } from '../election-roles';
import { ElectionsApi } from '../elections-api';
import { PERSONAL_NUMBER_LENGTH, digitsOf, newIdempotencyKey, singleMatch } from './counter-logic';
import { CounterSetup } from './counter-setup';
import { type CounterChoice, CounterStorage } from './counter-storage';
import { VoterResult } from './voter-result';

type SearchRequest =
  | { readonly by: 'number'; readonly personalNumber: string }
  | { readonly by: 'name'; readonly name: string; readonly birthDate: string };

/** The state of the search, from typing to an answer. */
type Lookup =
  | { readonly kind: 'idle' }
  | { readonly kind: 'searching'; readonly request: SearchRequest }
  | { readonly kind: 'result'; readonly request: SearchRequest; readonly response: LookupResponse }
  | {
      readonly kind: 'invalid';
      readonly personalNumber: string | null;
      readonly problem: FormProblem;
    }
  | { readonly kind: 'failed'; readonly request: SearchRequest; readonly error: unknown };

interface Registered {
  readonly name: string;
  readonly message: string;
  readonly replayed: boolean;
}

/**
 * A barcode scanner types the digits and then Enter, faster than any person. When the lookup
 * has already answered and moved focus to the identity check, that Enter is part of the scan,
 * not a request to register: it must not raise a warning.
 */
const SCANNER_ENTER_MS = 400;

/** Fields where digits are typed on purpose (the search, names, dates, the envelope number). */
function isTextEntry(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  }
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function numberOf(lookup: Lookup): string | null {
  if (lookup.kind === 'idle') return null;
  if (lookup.kind === 'invalid') return lookup.personalNumber;
  return lookup.request.by === 'number' ? lookup.request.personalNumber : null;
}

/** The votes counted today at the place, from the election's figures. */
export function countedToday(report: VotesReport, date: string, placeName: string): number {
  return report.days
    .filter((day) => day.date === date && day.votingPlace === placeName)
    .reduce((sum, day) => sum + day.counted, 0);
}

/**
 * The counter (`/valg/skranke`): look a voter up and register the advance vote, by keyboard and
 * barcode scanner alone. Focus starts and ends in the search field; 11 digits look up at once.
 */
@Component({
  selector: 'app-counter-page',
  imports: [TranslocoPipe, LoadState, ProblemText, CounterSetup, VoterResult],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './counter-page.html',
  styleUrl: './counter-page.css',
  host: {
    '(document:keydown.escape)': 'onEscape($event)',
    '(document:keydown)': 'onDigitElsewhere($event)',
  },
})
export class CounterPage {
  private readonly api = inject(ElectionsApi);
  private readonly storage = inject(CounterStorage);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  protected readonly session = inject(SessionStore);

  protected readonly elections = rxResource({ stream: () => this.api.list() });
  protected readonly choice = signal<CounterChoice | null>(this.storage.choice());
  /** The clerk asked to change election or place. */
  protected readonly changing = signal(false);
  protected readonly places = rxResource({
    params: () => this.choice()?.electionId,
    stream: ({ params: id }) => this.api.places(id),
  });

  protected readonly username = computed(() => this.session.user()?.username ?? '');
  protected readonly election = computed(() => {
    const id = this.choice()?.electionId;
    return this.elections.hasValue()
      ? (this.elections.value().items.find((e) => e.id === id) ?? null)
      : null;
  });
  protected readonly place = computed(() => {
    const id = this.choice()?.placeId;
    return this.places.hasValue()
      ? (this.places.value().items.find((p) => p.id === id) ?? null)
      : null;
  });
  protected readonly view = computed<'loading' | 'setup' | 'desk'>(() => {
    if (!this.elections.hasValue()) return 'loading';
    if (this.changing() || !this.election()) return 'setup';
    if (!this.places.hasValue()) return 'loading';
    return this.place() ? 'desk' : 'setup';
  });

  private readonly today = signal(osloToday());
  protected readonly assigned = computed(
    () => this.place()?.staff.includes(this.username()) ?? false,
  );
  protected readonly period = computed(() => {
    const election = this.election();
    return election ? periodOn(election, this.today()) : null;
  });

  /** Everyone at the counter reads the place's figures (counts only); the browser's tally is the fallback. */
  protected readonly countFromFigures = computed(() =>
    hasAnyRole(this.session.callers(), [...ORGANISER_ROLES, 'election_staff']),
  );
  protected readonly count = signal<number | null>(null);

  protected readonly query = signal('');
  protected readonly nameQuery = signal('');
  protected readonly birthDate = signal('');
  protected readonly lookup = signal<Lookup>({ kind: 'idle' });
  protected readonly identityChecked = signal(false);
  /** Shown when Enter was pressed to register before the identity was confirmed. */
  protected readonly identityMissing = signal(false);
  protected readonly envelopeSerial = signal('');
  protected readonly registering = signal(false);
  protected readonly registerProblem = signal<FormProblem | null>(null);
  protected readonly registered = signal<Registered | null>(null);

  /** The key of the registration being attempted: the same on a retry, new for the next voter. */
  private attemptKey: string | null = null;
  /** Answers to searches the clerk has moved on from are ignored. */
  private searchSeq = 0;
  private lastSearchInputAt = 0;

  protected readonly result = computed(() => {
    const lookup = this.lookup();
    return lookup.kind === 'result' ? lookup : null;
  });
  /** The voter who can be registered now: found by personal number, one match, in a voting period. */
  protected readonly registrable = computed(() => {
    const result = this.result();
    if (result?.request.by !== 'number' || result.response.status !== 'found') return null;
    const match = singleMatch(result.response);
    return match?.kind ? { match, personalNumber: result.request.personalNumber } : null;
  });
  protected readonly outsidePeriod = computed(() => {
    const result = this.result();
    return result?.response.status === 'found' && !singleMatch(result.response)?.kind;
  });
  /** The field a search problem belongs to, for aria-invalid. */
  protected readonly problemField = computed(() => {
    const lookup = this.lookup();
    return lookup.kind === 'invalid' ? lookup.problem.field : null;
  });

  constructor() {
    // When the desk opens (or the place changes): start in the search field with today's count.
    effect(() => {
      if (this.view() !== 'desk') return;
      const choice = this.choice();
      untracked(() => {
        if (choice) this.pendingTasks.run(() => this.loadCount(choice));
        this.focus('voter-search');
      });
    });
  }

  protected choose(choice: CounterChoice): void {
    this.storage.saveChoice(choice);
    this.startOver();
    this.registered.set(null);
    this.choice.set(choice);
    this.changing.set(false);
  }

  protected onSearchInput(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.query.set(value);
    this.lastSearchInputAt = Date.now();
    const digits = digitsOf(value);
    const shown = this.lookup();
    const shownNumber = numberOf(shown);
    // A result or warning for another number must not stay on screen (nor be registered).
    const stale = shown.kind === 'invalid' || shownNumber !== null;
    if (stale && shownNumber !== digits) this.clearLookup();
    if (digits.length === PERSONAL_NUMBER_LENGTH && digits !== shownNumber) {
      this.search({ by: 'number', personalNumber: digits });
    }
  }

  /** Enter in the search field (a scanner's Enter too): look up, unless this number is already shown. */
  protected searchByNumber(event: Event): void {
    event.preventDefault();
    const digits = digitsOf(this.query());
    if (digits.length !== PERSONAL_NUMBER_LENGTH) {
      this.lookup.set({
        kind: 'invalid',
        personalNumber: null,
        problem: {
          field: 'voter-search',
          messageKey: digits ? 'elections.counter.elevenDigits' : 'elections.counter.typeNumber',
          params: { count: digits.length },
        },
      });
      return;
    }
    const shown = this.lookup();
    if (numberOf(shown) === digits && shown.kind !== 'failed') return;
    this.search({ by: 'number', personalNumber: digits });
  }

  protected searchByName(event: Event): void {
    event.preventDefault();
    const name = this.nameQuery().trim();
    const birthDate = this.birthDate();
    if (!name || !birthDate) {
      const field = name ? 'voter-birth-date' : 'voter-name';
      this.lookup.set({
        kind: 'invalid',
        personalNumber: null,
        problem: {
          field,
          messageKey: name
            ? 'elections.counter.nameSearch.birthDateRequired'
            : 'elections.counter.nameSearch.nameRequired',
        },
      });
      this.focus(field);
      return;
    }
    this.search({ by: 'name', name, birthDate });
  }

  protected retrySearch(): void {
    const lookup = this.lookup();
    if (lookup.kind === 'failed') this.search(lookup.request);
  }

  protected setIdentityChecked(event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.identityChecked.set(checked);
    if (checked) this.identityMissing.set(false);
  }

  /**
   * Enter anywhere in the registration form registers (the button is disabled until identity is
   * checked). After the envelope number (a scanner ends it with Enter) it moves on to the identity
   * check when that is still to do.
   */
  protected onRegisterEnter(event: Event): void {
    event.preventDefault();
    if (!this.identityChecked() && (event.target as Element | null)?.id === 'envelope-serial') {
      this.focus('identity-checked');
      return;
    }
    this.register();
  }

  protected register(event?: Event): void {
    event?.preventDefault();
    this.pendingTasks.run(() => this.submitVote());
  }

  /** Esc: forget this voter and start again in the search field. */
  protected onEscape(event: Event): void {
    if (this.view() !== 'desk' || this.registering()) return;
    event.preventDefault();
    this.startOver();
    this.registered.set(null);
    this.focus('voter-search');
  }

  /**
   * A digit typed or scanned while focus is on the identity box, a button or the page starts a
   * new search: the next voter's number must never be lost, nor its Enter register the voter
   * shown. Focus moves at once (not after rendering) so that a scanner's next digits follow it.
   */
  protected onDigitElsewhere(event: KeyboardEvent): void {
    if (!/^\d$/.test(event.key) || event.ctrlKey || event.altKey || event.metaKey) return;
    if (this.view() !== 'desk' || this.registering() || isTextEntry(event.target)) return;
    const search = this.document.getElementById('voter-search');
    if (!(search instanceof HTMLInputElement)) return;
    event.preventDefault();
    this.startOver();
    this.registered.set(null);
    this.query.set(event.key);
    search.value = event.key;
    search.focus();
    this.lastSearchInputAt = Date.now();
  }

  private search(request: SearchRequest): void {
    this.pendingTasks.run(() => this.runSearch(request));
  }

  private async runSearch(request: SearchRequest): Promise<void> {
    const election = this.election();
    if (!election) return;
    const seq = ++this.searchSeq;
    this.resetRegistration();
    this.registered.set(null);
    this.lookup.set({ kind: 'searching', request });
    try {
      const response = await firstValueFrom(
        request.by === 'number'
          ? this.api.lookupByNumber(election.id, request.personalNumber)
          : this.api.lookupByName(election.id, request.name, request.birthDate),
      );
      if (seq !== this.searchSeq) return;
      this.today.set(osloToday());
      this.lookup.set({ kind: 'result', request, response });
      this.focusAfterLookup(request, response);
    } catch (error) {
      if (seq !== this.searchSeq) return;
      if (error instanceof ApiError && error.code === 'INVALID_PERSONAL_NUMBER') {
        this.lookup.set({
          kind: 'invalid',
          personalNumber: request.by === 'number' ? request.personalNumber : null,
          problem: { field: 'voter-search', text: error.message },
        });
        this.focus('voter-search', true);
      } else {
        this.lookup.set({ kind: 'failed', request, error });
      }
    }
  }

  /**
   * Next step by keyboard: for a voter who can vote the envelope number (scanned into its field,
   * so that it cannot start a new search) or else the identity check; otherwise a new search.
   */
  private focusAfterLookup(request: SearchRequest, response: LookupResponse): void {
    const registrable = this.registrable();
    if (registrable) {
      this.focus(registrable.match.envelope ? 'envelope-serial' : 'identity-checked');
    } else if (request.by === 'number') {
      // Selected, so that the next number typed or scanned replaces it.
      this.focus('voter-search', true);
    } else if (response.status === 'found') {
      this.focus('voter-search');
    }
  }

  private async submitVote(): Promise<void> {
    if (this.registering()) return;
    const target = this.registrable();
    const election = this.election();
    const place = this.place();
    if (!target || !election || !place) return;
    if (!this.identityChecked()) {
      if (Date.now() - this.lastSearchInputAt > SCANNER_ENTER_MS) this.identityMissing.set(true);
      this.focus('identity-checked');
      return;
    }
    this.attemptKey ??= newIdempotencyKey();
    this.registering.set(true);
    this.registerProblem.set(null);
    try {
      const response = await firstValueFrom(
        this.api.register(election.id, {
          personalNumber: target.personalNumber,
          votingPlaceId: place.id,
          identityChecked: true,
          envelopeSerial: target.match.envelope ? this.envelopeSerial().trim() || null : null,
          idempotencyKey: this.attemptKey,
        }),
      );
      this.registering.set(false);
      this.startOver();
      this.registered.set({
        name: target.match.name,
        message: response.message,
        replayed: response.replayed,
      });
      this.focus('voter-search');
      await this.counted(response.replayed);
    } catch (error) {
      this.registering.set(false);
      this.registrationFailed(error, target.match);
    }
  }

  private registrationFailed(error: unknown, match: LookupResponse['matches'][number]): void {
    const result = this.result();
    if (
      result &&
      error instanceof ApiError &&
      (error.code === 'ALREADY_VOTED' || error.code === 'VOTER_NOT_IN_ROLL')
    ) {
      // Someone else registered the voter meanwhile, or the roll changed: show it as a lookup would.
      const alreadyVoted = error.code === 'ALREADY_VOTED';
      this.resetRegistration();
      this.lookup.set({
        kind: 'result',
        request: result.request,
        response: {
          status: alreadyVoted ? 'already_voted' : 'not_in_roll',
          message: error.message,
          matches: alreadyVoted ? [{ ...match, existingVote: null }] : [],
        },
      });
      this.focus('voter-search', true);
      return;
    }
    const transient = !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
    // The attempt's key is kept: sending it again cannot register the voter twice.
    this.registerProblem.set(
      transient
        ? { field: null, messageKey: 'elections.counter.register.notConfirmed' }
        : (problemsFromError(error)[0] ?? null),
    );
  }

  private async counted(replayed: boolean): Promise<void> {
    const choice = this.choice();
    if (!choice) return;
    this.today.set(osloToday());
    if (this.countFromFigures()) {
      await this.loadCount(choice);
    } else if (!replayed) {
      this.count.set(this.storage.countOne(choice, this.today()));
    }
  }

  private async loadCount(choice: CounterChoice): Promise<void> {
    const today = osloToday();
    if (!this.countFromFigures()) {
      this.count.set(this.storage.tally(choice, today));
      return;
    }
    const place = this.place();
    try {
      const report = await firstValueFrom(this.api.report(choice.electionId));
      this.count.set(place ? countedToday(report, today, place.name) : null);
    } catch {
      this.count.set(null);
    }
  }

  private startOver(): void {
    this.query.set('');
    this.nameQuery.set('');
    this.birthDate.set('');
    this.clearLookup();
  }

  private clearLookup(): void {
    this.searchSeq++;
    this.lookup.set({ kind: 'idle' });
    this.resetRegistration();
  }

  private resetRegistration(): void {
    this.identityChecked.set(false);
    this.identityMissing.set(false);
    this.envelopeSerial.set('');
    this.registerProblem.set(null);
    this.attemptKey = null;
  }

  private focus(id: string, select = false): void {
    afterNextRender(
      () => {
        const element = this.document.getElementById(id);
        element?.focus();
        if (select && element instanceof HTMLInputElement) element.select();
      },
      { injector: this.injector },
    );
  }
}
