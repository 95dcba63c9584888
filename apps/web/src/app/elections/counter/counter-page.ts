import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  Injector,
  PendingTasks,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import type {
  LookupResponse,
  NextStep,
  PlaceCounts,
  RegisteredVote,
  VoterMatch,
} from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { ApiError } from '../../core/api/api-error';
import { hasAnyRole } from '../../core/session/roles';
import { SessionStore } from '../../core/session/session-store';
import { ErrorSummary } from '../../shared/error-summary';
import { type FormProblem, FormProblems, problemsFromError } from '../../shared/form-problems';
import { FormField } from '../../shared/form-field';
import { LoadState } from '../../shared/load-state';
import { ModalDialog } from '../../shared/modal-dialog';
import { ProblemText } from '../../shared/problem-text';
import { osloToday, periodOn } from '../election-dates';
import { ENVELOPE_NOTES } from '../election-options';
import { ORGANISER_ROLES } from '../election-roles';
import { ElectionsApi } from '../elections-api';
import {
  PERSONAL_NUMBER_LENGTH,
  digitsOf,
  municipalityNumberProblem,
  newIdempotencyKey,
  singleMatch,
  stepWith,
} from './counter-logic';
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

/** The voter a registration is for: found in the roll (match), or not (the number typed). */
interface Target {
  readonly personalNumber: string;
  readonly match: VoterMatch | null;
  /** The lookup's next step, before the clerk's identity doubt. */
  readonly step: NextStep;
}

/** The last registration, as the API answered it. */
interface Registered {
  readonly vote: RegisteredVote;
  /** Null for a voter not in the roll. */
  readonly name: string | null;
  readonly message: string;
  readonly replayed: boolean;
  /** What the counter showed the clerk to do: the API may have taken the vote otherwise. */
  readonly expected: NextStep['action'];
  /** The clerk undid it (`/votes/:id/undo`). */
  readonly undone: boolean;
}

/**
 * How long the counter offers Angre after a registration. The API allows five minutes from
 * the registration (UNDO_MINUTES); the counter stops a little earlier, measured from the
 * answer, so that the button does not outlive the server's limit on a slow line.
 */
export const UNDO_OFFER_MS = 4.5 * 60_000;

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

/**
 * The counter (`/valg/skranke`): look a voter up and register the advance vote, by keyboard and
 * barcode scanner alone. Focus starts and ends in the search field; 11 digits look up at once.
 */
@Component({
  selector: 'app-counter-page',
  imports: [
    TranslocoPipe,
    LoadState,
    ProblemText,
    ModalDialog,
    ErrorSummary,
    FormField,
    CounterSetup,
    VoterResult,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './counter-page.html',
  styleUrls: ['./counter-page.css', './counter-steps.css'],
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
  private readonly undoDialog = viewChild<ModalDialog>('undoDialog');

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
  /** The place's votes today per hour (Oslo time), from the counter's figures. */
  protected readonly hours = signal<PlaceCounts['hours']>([]);

  protected hourRange(hour: number): string {
    const pad = (h: number) => String(h).padStart(2, '0');
    return `${pad(hour)}–${pad((hour + 1) % 24)}`;
  }

  protected readonly query = signal('');
  protected readonly nameQuery = signal('');
  protected readonly birthDate = signal('');
  protected readonly lookup = signal<Lookup>({ kind: 'idle' });
  protected readonly identityChecked = signal(false);
  /** Shown when Enter was pressed to register before the identity was confirmed. */
  protected readonly identityMissing = signal(false);
  protected readonly envelopeSerial = signal('');
  /** The clerk doubts the voter's identity: the vote goes in an envelope for the board. */
  protected readonly identityDoubt = signal(false);
  /** For a voter not in the roll: the municipality they say they live in (optional). */
  protected readonly voterMunicipality = signal('');
  protected readonly registering = signal(false);
  protected readonly registerProblems = signal<readonly FormProblem[]>([]);
  protected readonly registered = signal<Registered | null>(null);
  /** Angre is offered for a few minutes after a registration. */
  protected readonly undoable = signal(false);
  protected readonly undoOpen = signal(false);
  protected readonly undoReason = signal('');
  protected readonly undoing = signal(false);
  protected readonly undoProblems = new FormProblems();
  private undoTimer: ReturnType<typeof setTimeout> | undefined;

  /** The key of the registration being attempted: the same on a retry, new for the next voter. */
  private attemptKey: string | null = null;
  /** Answers to searches the clerk has moved on from are ignored. */
  private searchSeq = 0;
  private lastSearchInputAt = 0;

  protected readonly result = computed(() => {
    const lookup = this.lookup();
    return lookup.kind === 'result' ? lookup : null;
  });
  /**
   * The voter whose vote can be received now: searched by personal number, one voter or none in
   * the roll (a voter is never turned away: not in the roll or already voted, the vote goes in an
   * envelope), and in a voting period.
   */
  protected readonly registrable = computed<Target | null>(() => {
    const result = this.result();
    if (result?.request.by !== 'number') return null;
    const { response } = result;
    if (!response.nextStep || response.status === 'several') return null;
    const match = singleMatch(response);
    if (response.status !== 'not_in_roll' && !match?.kind) return null;
    return { personalNumber: result.request.personalNumber, match, step: response.nextStep };
  });
  /** What the clerk does with the ballot: into the urn, or into an envelope with its note. */
  protected readonly step = computed(() => {
    const target = this.registrable();
    return target ? stepWith(target.step, this.identityDoubt()) : null;
  });
  protected readonly outsidePeriod = computed(() => {
    const result = this.result();
    if (!result || result.response.status === 'several') return false;
    const match = singleMatch(result.response);
    return !!match && !match.kind;
  });
  /** The municipality number's problem is shown at its field, the others above the button. */
  protected readonly municipalityProblem = computed(
    () => this.registerProblems().find((problem) => problem.field === 'voter-municipality') ?? null,
  );
  protected readonly registerAlert = computed(() =>
    this.registerProblems().filter((problem) => problem.field !== 'voter-municipality'),
  );
  /** The note for the envelope a registration was received in (Norwegian, as written on it). */
  protected readonly registeredNote = computed(() => {
    const reason = this.registered()?.vote.envelopeReason;
    return reason ? ENVELOPE_NOTES[reason] : null;
  });
  /** The field a search problem belongs to, for aria-invalid. */
  protected readonly problemField = computed(() => {
    const lookup = this.lookup();
    return lookup.kind === 'invalid' ? lookup.problem.field : null;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.undoTimer));
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
    this.forgetRegistration();
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

  protected setIdentityDoubt(event: Event): void {
    this.identityDoubt.set((event.target as HTMLInputElement).checked);
  }

  protected setVoterMunicipality(event: Event): void {
    this.voterMunicipality.set((event.target as HTMLInputElement).value);
    if (this.municipalityProblem()) this.registerProblems.set([]);
  }

  /**
   * Enter anywhere in the registration form registers (the button is disabled until identity is
   * checked). After the envelope number (a scanner ends it with Enter) or the municipality number
   * it moves on to the next field while the identity check is still to do.
   */
  protected onRegisterEnter(event: Event): void {
    event.preventDefault();
    const id = (event.target as Element | null)?.id;
    if (!this.identityChecked() && (id === 'envelope-serial' || id === 'voter-municipality')) {
      const municipalityField = !this.registrable()?.match && id === 'envelope-serial';
      this.focus(municipalityField ? 'voter-municipality' : 'identity-checked');
      return;
    }
    this.register();
  }

  protected register(event?: Event): void {
    event?.preventDefault();
    this.pendingTasks.run(() => this.submitVote());
  }

  /** Esc: forget this voter and start again in the search field (in the undo dialog: closes it). */
  protected onEscape(event: Event): void {
    if (this.view() !== 'desk' || this.registering() || this.undoOpen()) return;
    event.preventDefault();
    this.startOver();
    this.forgetRegistration();
    this.focus('voter-search');
  }

  /**
   * A digit typed or scanned while focus is on the identity box, a button or the page starts a
   * new search: the next voter's number must never be lost, nor its Enter register the voter
   * shown. Focus moves at once (not after rendering) so that a scanner's next digits follow it.
   */
  protected onDigitElsewhere(event: KeyboardEvent): void {
    if (!/^\d$/.test(event.key) || event.ctrlKey || event.altKey || event.metaKey) return;
    if (this.view() !== 'desk' || this.registering() || this.undoOpen()) return;
    if (isTextEntry(event.target)) return;
    const search = this.document.getElementById('voter-search');
    if (!(search instanceof HTMLInputElement)) return;
    event.preventDefault();
    this.startOver();
    this.forgetRegistration();
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
    this.forgetRegistration();
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
   * Next step by keyboard: for a voter in the roll the envelope number when the vote goes in an
   * envelope (scanned into its field, so that it cannot start a new search), or else the identity
   * check. A number not in the roll is most often mistyped: it stays selected in the search, so
   * that the next number typed or scanned replaces it (Tab leads on to the envelope).
   */
  private focusAfterLookup(request: SearchRequest, response: LookupResponse): void {
    const registrable = this.registrable();
    if (registrable?.match) {
      this.focus(registrable.step.action === 'envelope' ? 'envelope-serial' : 'identity-checked');
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
    const step = this.step();
    const election = this.election();
    const place = this.place();
    if (!target || !step || !election || !place) return;
    if (!this.identityChecked()) {
      if (Date.now() - this.lastSearchInputAt > SCANNER_ENTER_MS) this.identityMissing.set(true);
      this.focus('identity-checked');
      return;
    }
    const municipality = target.match ? '' : this.voterMunicipality().trim();
    if (municipalityNumberProblem(municipality)) {
      this.registerProblems.set([
        {
          field: 'voter-municipality',
          messageKey: 'elections.counter.register.municipalityInvalid',
        },
      ]);
      this.focus('voter-municipality');
      return;
    }
    this.attemptKey ??= newIdempotencyKey();
    this.registering.set(true);
    this.registerProblems.set([]);
    try {
      const response = await firstValueFrom(
        this.api.register(election.id, {
          personalNumber: target.personalNumber,
          votingPlaceId: place.id,
          identityChecked: true,
          envelopeSerial: step.action === 'envelope' ? this.envelopeSerial().trim() || null : null,
          identityDoubt: this.identityDoubt(),
          voterMunicipalityNumber: municipality || null,
          idempotencyKey: this.attemptKey,
        }),
      );
      this.registering.set(false);
      this.startOver();
      this.registered.set({
        vote: response.vote,
        name: target.match?.name ?? null,
        message: response.message,
        replayed: response.replayed,
        expected: step.action,
        undone: false,
      });
      this.offerUndo(response.vote.status === 'approved' || response.vote.status === 'received');
      this.focus('voter-search');
      await this.counted(response.replayed ? 0 : 1);
    } catch (error) {
      this.registering.set(false);
      this.registrationFailed(error);
    }
  }

  private registrationFailed(error: unknown): void {
    const transient = !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
    // The attempt's key is kept: sending it again cannot register the voter twice.
    this.registerProblems.set(
      transient
        ? [{ field: null, messageKey: 'elections.counter.register.notConfirmed' }]
        : problemsFromError(error, {
            voterMunicipalityNumber: 'voter-municipality',
            envelopeSerial: 'envelope-serial',
          }),
    );
  }

  /** Angre: asks for a reason in a dialog (Avbryt closes it, the registration stays). */
  protected openUndo(): void {
    if (!this.undoable()) return;
    this.undoReason.set('');
    this.undoProblems.clear();
    this.undoOpen.set(true);
    this.undoDialog()?.open();
  }

  protected closeUndo(): void {
    this.undoDialog()?.close();
  }

  protected undoClosed(): void {
    this.undoOpen.set(false);
  }

  protected submitUndo(event: Event): void {
    event.preventDefault();
    this.pendingTasks.run(() => this.undo());
  }

  private async undo(): Promise<void> {
    const done = this.registered();
    if (!done || this.undoing()) return;
    const reason = this.undoReason().trim();
    if (reason.length < 3) {
      this.undoProblems.set([
        { field: 'undo-reason', messageKey: 'elections.counter.undo.reasonRequired' },
      ]);
      this.focus('undo-reason');
      return;
    }
    this.undoing.set(true);
    try {
      await firstValueFrom(this.api.undo(done.vote.id, reason));
      this.undoing.set(false);
      this.offerUndo(false);
      this.registered.set({ ...done, undone: true });
      this.closeUndo();
      this.focus('voter-search');
      await this.counted(-1);
    } catch (error) {
      this.undoing.set(false);
      if (error instanceof ApiError && error.code === 'UNDO_TOO_LATE') this.offerUndo(false);
      this.undoProblems.set(problemsFromError(error, { reason: 'undo-reason' }));
    }
  }

  private offerUndo(offer: boolean): void {
    clearTimeout(this.undoTimer);
    this.undoable.set(offer);
    if (offer) this.undoTimer = setTimeout(() => this.undoable.set(false), UNDO_OFFER_MS);
  }

  private forgetRegistration(): void {
    this.registered.set(null);
    this.offerUndo(false);
  }

  /** After a registration (1), a replayed one (0) or an undo (-1): the day's count again. */
  private async counted(change: 1 | 0 | -1): Promise<void> {
    const choice = this.choice();
    if (!choice) return;
    this.today.set(osloToday());
    if (this.countFromFigures()) {
      await this.loadCount(choice);
    } else if (change !== 0) {
      this.count.set(this.storage.countOne(choice, this.today(), change));
    }
  }

  private async loadCount(choice: CounterChoice): Promise<void> {
    const today = osloToday();
    if (!this.countFromFigures()) {
      this.count.set(this.storage.tally(choice, today));
      return;
    }
    try {
      const counts = await firstValueFrom(
        this.api.placeCounts(choice.electionId, choice.placeId, today),
      );
      this.count.set(counts.total);
      this.hours.set(counts.hours);
    } catch {
      this.count.set(null);
      this.hours.set([]);
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
    this.identityDoubt.set(false);
    this.envelopeSerial.set('');
    this.voterMunicipality.set('');
    this.registerProblems.set([]);
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
