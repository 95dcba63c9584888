import {
  ChangeDetectionStrategy,
  Component,
  PendingTasks,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  CEREMONY_LANGUAGES,
  type CeremonyLanguage,
  type CoupleBooking,
  type WeddingLocale,
} from '@sekretariat/contracts';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../core/i18n/language.service';
import { ErrorSummary } from '../shared/error-summary';
import { FieldError } from '../shared/field-error';
import { todayIso } from '../shared/today';
import { bookingProblemsFromError } from './booking-errors';
import { type BookingFormValue, fieldId, validateBooking } from './booking-rules';
import { SetupForm, valueOf } from './setup-common';
import { formatShortDay, osloDate } from './wedding-time';
import { PublicWeddingsApi } from './weddings-api';

/**
 * The couple changes their details behind the private link (`PUT …/manage/:reference`): the
 * e-mail and phone of both, the witnesses, the ceremony language, the guests and the
 * prøvingsattest's issue date, checked by the booking's own rules (witnesses and parties 18 on the
 * day, the place's capacity, the certificate valid on the day) before the API checks them again.
 * Names, birth dates and residence stay as booked; the time is not changed here.
 */
@Component({
  selector: 'app-wedding-manage-edit',
  imports: [TranslocoPipe, ErrorSummary, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './manage-edit.html',
  styleUrl: './setup-pages.css',
})
export class ManageEdit {
  private readonly api = inject(PublicWeddingsApi);
  private readonly pendingTasks = inject(PendingTasks);
  protected readonly language = inject(LanguageService);
  protected readonly fieldId = fieldId;
  protected readonly languages = CEREMONY_LANGUAGES;
  protected readonly indexes = [0, 1] as const;

  readonly booking = input.required<CoupleBooking>();
  readonly reference = input.required<string>();
  readonly token = input.required<string>();
  readonly saved = output<CoupleBooking>();
  readonly cancelled = output();

  /** The public information (for the place's capacity), asked for once the form is open. */
  private readonly info = rxResource({
    params: () => (this.value() ? true : undefined),
    stream: () => this.api.info(),
  });
  /** The place's capacity (the API checks it again; unknown: no limit here). */
  private readonly capacity = computed(() => {
    const place = this.info.hasValue()
      ? this.info.value().places.find((p) => p.id === this.booking().place.id)
      : undefined;
    return place?.capacity ?? Number.MAX_SAFE_INTEGER;
  });

  protected readonly form = new SetupForm('manage-edit-errors');
  protected readonly value = signal<BookingFormValue | null>(null);

  /** The form starts from the booking as it is. */
  start(): void {
    const b = this.booking();
    const party = (i: number) => {
      const p = b.parties[i]!;
      return {
        name: p.name,
        birthDate: p.birthDate,
        email: p.email,
        phone: p.phone,
        residence: p.residence,
      };
    };
    const witness = (i: number) => ({
      name: b.witnesses[i]!.name,
      birthDate: b.witnesses[i]!.birthDate,
    });
    this.value.set({
      parties: [party(0), party(1)],
      witnesses: [witness(0), witness(1)],
      ceremonyLanguage: b.ceremonyLanguage,
      guests: String(b.guests),
      certificateIssuedOn: b.certificateIssuedOn,
      notes: '',
    });
    this.form.problems.clear();
    this.form.focusAfterRender(fieldId.party(0, 'email'));
  }

  protected setParty(i: number, field: 'email' | 'phone', event: Event): void {
    const text = valueOf(event);
    this.value.update((v) => {
      if (!v) return v;
      const parties = [...v.parties] as BookingFormValue['parties'];
      parties[i] = { ...parties[i]!, [field]: text };
      return { ...v, parties };
    });
  }

  protected setWitness(i: number, field: 'name' | 'birthDate', event: Event): void {
    const text = valueOf(event);
    this.value.update((v) => {
      if (!v) return v;
      const witnesses = [...v.witnesses] as BookingFormValue['witnesses'];
      witnesses[i] = { ...witnesses[i]!, [field]: text };
      return { ...v, witnesses };
    });
  }

  protected set(field: 'guests' | 'certificateIssuedOn' | 'ceremonyLanguage', event: Event): void {
    const text = valueOf(event);
    this.value.update((v) => (v ? { ...v, [field]: text } : v));
  }

  protected save(event: Event): void {
    event.preventDefault();
    const v = this.value();
    if (!v || this.form.saving()) return;
    const format = (date: string) => formatShortDay(date, this.language.locale());
    const weddingDate = osloDate(this.booking().startsAt);
    const problems = validateBooking(v, {
      weddingDate,
      today: todayIso(),
      capacity: this.capacity(),
      formatDate: format,
    });
    if (problems.length > 0) {
      this.form.fail(problems);
      return;
    }
    const locale: WeddingLocale = this.language.lang();
    const party = (i: 0 | 1) => ({
      ...v.parties[i],
      email: v.parties[i].email.trim(),
      phone: v.parties[i].phone.trim(),
      residence: v.parties[i].residence || ('municipality' as const),
    });
    const witness = (i: 0 | 1) => ({
      name: v.witnesses[i].name.trim(),
      birthDate: v.witnesses[i].birthDate,
    });
    this.pendingTasks.run(async () => {
      this.form.saving.set(true);
      try {
        const saved = await firstValueFrom(
          this.api.update(this.reference(), this.token(), {
            parties: [party(0), party(1)],
            witnesses: [witness(0), witness(1)],
            ceremonyLanguage: v.ceremonyLanguage as CeremonyLanguage,
            guests: Number(v.guests.trim()),
            certificateIssuedOn: v.certificateIssuedOn,
            locale,
          }),
        );
        this.value.set(null);
        this.saved.emit(saved);
      } catch (error) {
        this.form.fail(
          bookingProblemsFromError(error, {
            params: { capacity: this.capacity() },
            formatDate: format,
          }),
        );
      } finally {
        this.form.saving.set(false);
      }
    });
  }

  protected cancel(): void {
    this.value.set(null);
    this.form.problems.clear();
    this.cancelled.emit();
  }
}
