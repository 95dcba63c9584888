import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  Injector,
  PendingTasks,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  CEREMONY_LANGUAGES,
  type CeremonyLanguage,
  type Hold,
  type Residence,
  RESIDENCES,
} from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { ErrorSummary } from '../shared/error-summary';
import { FieldError } from '../shared/field-error';
import { FormField } from '../shared/form-field';
import { FormProblems } from '../shared/form-problems';
import { LoadState } from '../shared/load-state';
import { NokPipe } from '../shared/nok.pipe';
import { todayIso } from '../shared/today';
import { bookingProblemsFromError, isHoldLost, isSlotGone } from './booking-errors';
import { BookingReceipt } from './booking-receipt';
import { type BookingFormValue, fieldId, validateBooking } from './booking-rules';
import { type PlacedSlot, PublicWeddingsApi } from './weddings-api';
import {
  addMonths,
  announcedMinutes,
  formatClock,
  formatDay,
  formatMoment,
  formatMonth,
  groupByDay,
  minutesLeft,
  monthOf,
  monthRange,
  osloDate,
} from './wedding-time';

/** How far ahead the calendar goes: a year, as the API's slot search. */
const MONTHS_AHEAD = 12;

/**
 * `/vigsel`: a couple books a civil wedding without signing in. The municipality's information
 * and places; a place and a month's free times (a list of days with a button per time, usable by
 * keyboard and on a phone); a chosen time is held for 10 minutes while they fill in the form;
 * then the receipt (`/vigsel/bekreftelse`).
 */
@Component({
  selector: 'app-wedding-booking-page',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    ErrorSummary,
    FieldError,
    FormField,
    LoadState,
    NokPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './booking-page.html',
  styleUrl: './weddings.css',
})
export class BookingPage {
  private readonly api = inject(PublicWeddingsApi);
  private readonly router = inject(Router);
  private readonly receipt = inject(BookingReceipt);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly injector = inject(Injector);
  protected readonly language = inject(LanguageService);
  protected readonly fieldId = fieldId;
  protected readonly residences = RESIDENCES;
  protected readonly formatClock = formatClock;
  protected readonly formatDay = formatDay;

  protected readonly info = rxResource({ stream: () => this.api.info() });
  protected readonly places = computed(() =>
    this.info.hasValue() ? this.info.value().places : [],
  );
  protected readonly languages = computed<readonly CeremonyLanguage[]>(() =>
    this.info.hasValue() && this.info.value().languages.length > 0
      ? this.info.value().languages
      : CEREMONY_LANGUAGES,
  );
  /** The information text in the interface's language, or in bokmål when that one is empty. */
  protected readonly infoText = computed(() => {
    if (!this.info.hasValue()) return null;
    const texts = this.info.value().infoText;
    const own = texts[this.language.lang()].trim();
    return own
      ? { text: own, lang: null }
      : texts.nb.trim()
        ? { text: texts.nb, lang: 'nb' }
        : null;
  });

  private readonly today = todayIso();
  private readonly firstMonth = monthOf(this.today);
  private readonly chosenPlaceId = signal<string | null>(null);
  /** The place whose times are shown: the chosen one, or the only one. */
  protected readonly placeId = computed(() => {
    const places = this.places();
    const chosen = this.chosenPlaceId();
    if (chosen && places.some((p) => p.id === chosen)) return chosen;
    return places.length === 1 ? (places[0]?.id ?? null) : null;
  });
  protected readonly place = computed(
    () => this.places().find((p) => p.id === this.placeId()) ?? null,
  );
  protected readonly month = signal(this.firstMonth);
  protected readonly monthName = computed(() => formatMonth(this.month(), this.language.locale()));
  protected readonly canGoBack = computed(() => this.month() > this.firstMonth);
  protected readonly canGoForward = computed(
    () => this.month() < addMonths(this.firstMonth, MONTHS_AHEAD),
  );

  protected readonly slots = rxResource({
    params: () => {
      const placeId = this.placeId();
      if (!placeId) return undefined;
      const range = monthRange(this.month());
      return { placeId, from: range.from < this.today ? this.today : range.from, to: range.to };
    },
    stream: ({ params }) => this.api.slots(params.placeId, params.from, params.to),
  });
  protected readonly days = computed(() =>
    this.slots.hasValue() ? groupByDay(this.slots.value().slots, (s) => s.startsAt) : [],
  );

  /** The time being held, with the hold from the API. */
  protected readonly held = signal<{ slot: PlacedSlot; hold: Hold } | null>(null);
  /** The time whose hold is being asked for (its button is busy). */
  protected readonly holding = signal<string | null>(null);
  protected readonly slotProblems = new FormProblems();
  private readonly now = signal(Date.now());
  protected readonly minutes = computed(() => {
    const held = this.held();
    return held ? minutesLeft(held.hold.expiresAt, this.now()) : 0;
  });
  /** The API said the hold is gone (expired while the page slept, or released). */
  private readonly holdLost = signal(false);
  protected readonly expired = computed(
    () => this.held() !== null && (this.minutes() === 0 || this.holdLost()),
  );
  /** What the polite live region says ("at most 5 minutes left"): changes at a few thresholds, never every second. */
  protected readonly announcedMinutes = computed(() => announcedMinutes(this.minutes()));
  protected readonly heldUntil = computed(() => {
    const held = this.held();
    return held ? formatClock(held.hold.expiresAt, this.language.locale()) : '';
  });
  protected readonly heldMoment = computed(() => {
    const held = this.held();
    return held ? formatMoment(held.slot.startsAt, this.language.locale()) : '';
  });

  private readonly fb = inject(NonNullableFormBuilder);
  private party() {
    return this.fb.group({
      name: '',
      birthDate: '',
      email: '',
      phone: '',
      residence: this.fb.control<Residence | ''>(''),
    });
  }
  private witness() {
    return this.fb.group({ name: '', birthDate: '' });
  }
  protected readonly form = this.fb.group({
    parties: this.fb.array([this.party(), this.party()]),
    witnesses: this.fb.array([this.witness(), this.witness()]),
    ceremonyLanguage: this.fb.control<CeremonyLanguage | ''>(''),
    // A number input: the control holds a number, or null while the field is empty.
    guests: this.fb.control<number | null>(0),
    certificateIssuedOn: '',
    notes: '',
  });
  protected readonly problems = new FormProblems();
  protected readonly saving = signal(false);

  private readonly formHeading = viewChild<ElementRef<HTMLElement>>('formHeading');
  private readonly slotsHeading = viewChild<ElementRef<HTMLElement>>('slotsHeading');

  constructor() {
    const timer = setInterval(() => {
      if (this.held()) this.now.set(Date.now());
    }, 5000);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(timer);
    });
  }

  protected choosePlace(id: string): void {
    this.chosenPlaceId.set(id);
  }

  protected goMonth(step: number): void {
    this.month.update((month) => addMonths(month, step));
  }

  protected slotLabel(slot: PlacedSlot): string {
    return formatMoment(slot.startsAt, this.language.locale());
  }

  protected chooseSlot(slot: PlacedSlot): void {
    if (this.holding()) return;
    this.pendingTasks.run(async () => {
      this.holding.set(slot.startsAt);
      this.slotProblems.clear();
      try {
        const hold = await firstValueFrom(
          this.api.hold({ placeId: slot.placeId, startsAt: slot.startsAt }),
        );
        this.now.set(Date.now());
        this.holdLost.set(false);
        this.held.set({ slot, hold });
        this.problems.clear();
        this.focusAfterRender(() => this.formHeading());
      } catch (error) {
        // Holding the same time again happens on the form, where the calendar is not shown.
        (this.held() ? this.problems : this.slotProblems).set(bookingProblemsFromError(error));
        if (isSlotGone(error)) this.slots.reload();
      } finally {
        this.holding.set(null);
      }
    });
  }

  /** Back to the calendar; the old hold runs out by itself. */
  protected chooseAgain(): void {
    this.held.set(null);
    this.slots.reload();
    this.focusAfterRender(() => this.slotsHeading());
  }

  protected holdAgain(): void {
    const held = this.held();
    if (held) this.chooseSlot(held.slot);
  }

  protected submit(): void {
    this.pendingTasks.run(() => this.save());
  }

  private async save(): Promise<void> {
    const held = this.held();
    const place = this.place();
    if (this.saving() || !held || !place) return;
    const raw = this.form.getRawValue();
    const value = {
      ...raw,
      guests: raw.guests === null ? '' : String(raw.guests),
    } as BookingFormValue;
    const locale = this.language.locale();
    const problems = validateBooking(value, {
      weddingDate: osloDate(held.slot.startsAt),
      today: this.today,
      capacity: place.capacity,
      formatDate: (date) => formatDay(date, locale),
    });
    this.problems.set(problems);
    if (problems.length > 0) return;
    this.saving.set(true);
    try {
      const created = await firstValueFrom(
        this.api.book({
          holdId: held.hold.holdId,
          holdToken: held.hold.holdToken,
          parties: [party(value.parties[0]), party(value.parties[1])],
          witnesses: [witness(value.witnesses[0]), witness(value.witnesses[1])],
          ceremonyLanguage: value.ceremonyLanguage as CeremonyLanguage,
          guests: Number(value.guests.trim()),
          certificateIssuedOn: value.certificateIssuedOn,
          ...(value.notes.trim() ? { notes: value.notes.trim() } : {}),
          locale: this.language.lang(),
        }),
      );
      this.receipt.set(created);
      await this.router.navigateByUrl('/vigsel/bekreftelse');
    } catch (error) {
      this.problems.set(
        bookingProblemsFromError(error, {
          params: { capacity: place.capacity },
          formatDate: (date) => formatDay(date, locale),
        }),
      );
      if (isHoldLost(error)) this.holdLost.set(true);
    } finally {
      this.saving.set(false);
    }
  }

  private focusAfterRender(target: () => ElementRef<HTMLElement> | undefined): void {
    afterNextRender(
      () => {
        target()?.nativeElement.focus();
      },
      { injector: this.injector },
    );
  }
}

function party(value: BookingFormValue['parties'][number]) {
  return {
    name: value.name.trim(),
    birthDate: value.birthDate,
    email: value.email.trim(),
    phone: value.phone.trim(),
    residence: value.residence as Residence,
  };
}

function witness(value: BookingFormValue['witnesses'][number]) {
  return { name: value.name.trim(), birthDate: value.birthDate };
}
