import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { BookingCreated, BookingInput, Hold, HoldInput, WeddingBookingUpdateInput, WeddingLocale } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { hashSecretToken, newSecretToken } from '../common/secret-token.js';
import { currentScope } from '../core/tenant.js';
import { checkCertificate } from './rules/certificate.js';
import { weddingFee } from './rules/fee.js';
import { osloDay } from '../core/dates.js';
import type { Slot } from './rules/slots.js';
import { isAtLeast, underageWitnesses, WITNESS_MIN_AGE } from './rules/witnesses.js';
import { WeddingBooking } from './wedding-booking.entity.js';
import type { WeddingPlace } from './wedding-place.entity.js';
import { WeddingSettings } from './wedding-settings.entity.js';
import { WeddingsMailJobs } from './weddings.jobs.js';
import { weddingError } from './weddings.errors.js';
import { coupleBookingDto } from './weddings.mapper.js';
import { WeddingsSlotsService } from './weddings-slots.service.js';

/** How long a chosen slot is held for the couple to fill in the form. */
export const HOLD_MINUTES = 10;

const range = (from: Date, to: Date) => `[${from.toISOString()},${to.toISOString()})`;

/** A violated exclusion constraint (23P01) is the slot taken by someone else; which one says whose. */
export function takenError(e: unknown, locale: WeddingLocale): Error {
  const err = e as { code?: string; constraint?: string };
  if (err?.code !== '23P01') return e as Error;
  return err.constraint === 'wedding_booking_officiant_no_overlap' ? weddingError.officiantTaken(locale) : weddingError.slotTaken(locale);
}

/**
 * The couple's side: a slot held for ten minutes, the booking completing the hold, and the
 * booking seen, changed or cancelled through the reference and the private link's token.
 * Nothing is stored unless every rule holds; the database refuses what overlaps.
 */
@Injectable()
export class WeddingsBookingService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly slots: WeddingsSlotsService,
    private readonly mails: WeddingsMailJobs,
    private readonly audit: AuditService,
  ) {}

  /** The offered slot at a place and instant, in the future, or the error saying why not. */
  async offeredSlot(placeId: string, startsAt: Date, locale: WeddingLocale, now = new Date()): Promise<{ slot: Slot; place: WeddingPlace }> {
    const place = await this.slots.activePlace(placeId);
    if (startsAt.getTime() <= now.getTime()) throw weddingError.slotInPast(locale);
    const slot = await this.slots.slotAt(placeId, startsAt, osloDay(startsAt));
    if (!slot) throw weddingError.slotNotOffered(locale);
    return { slot, place };
  }

  /**
   * Serialises the holds and moves of one place (and one officiant) for the transaction: without
   * it, concurrent inserts of the same slot each wait for the other in the exclusion check, and
   * PostgreSQL breaks the deadlock with an error instead of "slot taken". Place before officiant,
   * always in that order. The exclusion constraints remain the rule; this only orders the queue.
   */
  async lockSlot(slot: Pick<Slot, 'placeId' | 'officiantId'>): Promise<void> {
    await this.em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`wedding_place:${slot.placeId}`]);
    if (slot.officiantId) await this.em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`wedding_officiant:${slot.officiantId}`]);
  }

  /** Holds that have run out and overlap: deleted first, so an abandoned hold never blocks. */
  async releaseExpiredOverlapping(slot: Slot, exceptId: string | null = null): Promise<void> {
    await this.em.execute(
      `delete from wedding_booking where status = 'held' and hold_expires_at <= now() and during && ?::tstzrange
         and (place_id = ? or (officiant_id is not null and officiant_id = ?)) and id is distinct from ?`,
      [range(slot.startsAt, slot.busyUntil), slot.placeId, slot.officiantId, exceptId],
    );
  }

  async hold(input: HoldInput, locale: WeddingLocale = 'nb'): Promise<Hold> {
    const { slot } = await this.offeredSlot(input.placeId, new Date(input.startsAt), locale);
    await this.lockSlot(slot);
    await this.releaseExpiredOverlapping(slot);
    const token = newSecretToken();
    const id = randomUUID();
    try {
      const [row] = await this.em.execute<{ hold_expires_at: Date }[]>(
        `insert into wedding_booking (id, municipality_id, place_id, officiant_id, status, starts_at, ends_at, during, hold_expires_at, hold_token_hash)
         values (?, ?, ?, ?, 'held', ?, ?, ?::tstzrange, now() + interval '${HOLD_MINUTES} minutes', ?) returning hold_expires_at`,
        [id, currentScope().municipalityId, slot.placeId, slot.officiantId, slot.startsAt, slot.endsAt, range(slot.startsAt, slot.busyUntil), hashSecretToken(token)],
      );
      return { holdId: id, expiresAt: new Date(row!.hold_expires_at).toISOString(), holdToken: token };
    } catch (e) {
      throw takenError(e, locale);
    }
  }

  /** Capacity, ages, certificate: the rules on what the couple fills in, against the place and the day. */
  private validateDetails(input: WeddingBookingUpdateInput, place: WeddingPlace, startsAt: Date, now: Date): void {
    const locale = input.locale;
    if (input.guests > place.capacity) throw weddingError.overCapacity(place.capacity, locale);
    const day = osloDay(startsAt);
    const minors = input.parties.flatMap((p, i) => (isAtLeast(p.birthDate, day, WITNESS_MIN_AGE) ? [] : [i]));
    if (minors.length) throw weddingError.partyUnderage(minors, locale);
    const witnesses = underageWitnesses(input.witnesses, day);
    if (witnesses.length) throw weddingError.witnessUnderage(witnesses, locale);
    const certificate = checkCertificate(input.certificateIssuedOn, day, osloDay(now));
    if (!certificate.ok) {
      throw certificate.problem === 'not_issued_yet' ? weddingError.certificateNotIssued(locale) : weddingError.certificateExpired(certificate.latestWeddingDate, locale);
    }
  }

  private async fee(input: WeddingBookingUpdateInput): Promise<{ free: boolean; amountNok: number }> {
    const settings = await this.em.findOne(WeddingSettings, { municipality: currentScope().municipalityId });
    return weddingFee(input.parties.map((p) => p.residence), settings?.feeNok ?? 0);
  }

  private assignDetails(b: WeddingBooking, input: WeddingBookingUpdateInput, fee: { free: boolean; amountNok: number }): void {
    b.parties = input.parties.map((p) => ({ name: p.name, birthDate: p.birthDate, email: p.email, phone: p.phone, residence: p.residence }));
    b.witnesses = input.witnesses.map((w) => ({ name: w.name, birthDate: w.birthDate }));
    b.ceremonyLanguage = input.ceremonyLanguage;
    b.guests = input.guests;
    b.certificateIssuedOn = input.certificateIssuedOn;
    // Left out (the couple's link shows no notes): unchanged; a new booking's are ''.
    b.notes = input.notes ?? b.notes;
    b.locale = input.locale;
    b.feeFree = fee.free;
    b.feeNok = fee.amountNok;
  }

  /** The next reference of the year, "V-2027-0042": an upsert on the sequence, so concurrent bookings never share one. */
  private async nextReference(year: number): Promise<string> {
    const [row] = await this.em.execute<{ last: number }[]>(
      `insert into wedding_sequence (id, municipality_id, created_at, year, last) values (?, ?, now(), ?, 1)
       on conflict (municipality_id, year) do update set last = wedding_sequence.last + 1 returning last`,
      [randomUUID(), currentScope().municipalityId, year],
    );
    return `V-${year}-${String(row!.last).padStart(4, '0')}`;
  }

  /** Completes a live hold into a booking; every rule is checked again (the rules may have changed since the hold). */
  async book(input: BookingInput, baseUrl: string, now = new Date()): Promise<BookingCreated> {
    const locale = input.locale;
    const b = await this.em.findOne(WeddingBooking, { id: input.holdId, status: 'held' }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['place'] });
    if (!b || b.holdTokenHash !== hashSecretToken(input.holdToken) || !b.holdExpiresAt || b.holdExpiresAt <= now) throw weddingError.holdInvalid(locale);
    const { place } = await this.offeredSlot(b.place.id, b.startsAt, locale, now);
    this.validateDetails(input, place, b.startsAt, now);
    this.assignDetails(b, input, await this.fee(input));
    const token = newSecretToken();
    b.status = 'booked';
    b.reference = await this.nextReference(now.getUTCFullYear());
    b.manageTokenHash = hashSecretToken(token);
    b.holdExpiresAt = null;
    b.holdTokenHash = null;
    b.bookedAt = now;
    this.audit.record({ action: 'wedding.booked', entityType: 'wedding_booking', entityId: b.id, after: { reference: b.reference, placeId: place.id, startsAt: b.startsAt.toISOString(), free: b.feeFree } });
    await this.em.flush();
    await this.mails.queueConfirmation({ bookingId: b.id, municipalityId: currentScope().municipalityId, baseUrl });
    return { reference: b.reference, manageToken: token, booking: coupleBookingDto(b) };
  }

  /** A booking by its reference and either link token (the one shown at booking, or the e-mail's); else 404, the same as an unknown reference. */
  async byToken(reference: string, token: string, locale: WeddingLocale = 'nb', lock = false): Promise<WeddingBooking> {
    const b = await this.em.findOne(
      WeddingBooking,
      { reference, status: { $ne: 'held' } },
      { populate: ['place'], ...(lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) },
    );
    const hash = hashSecretToken(token);
    if (!b || (b.manageTokenHash !== hash && b.mailTokenHash !== hash)) throw weddingError.bookingNotFound(locale);
    return b;
  }

  /** The couple changes their details (not the time); the same rules as at booking. */
  async update(reference: string, token: string, input: WeddingBookingUpdateInput, now = new Date()): Promise<WeddingBooking> {
    const b = await this.byToken(reference, token, input.locale, true);
    if (b.status !== 'booked') throw weddingError.notBooked(input.locale);
    if (b.startsAt <= now) throw weddingError.slotInPast(input.locale);
    this.validateDetails(input, b.place.getEntity(), b.startsAt, now);
    this.assignDetails(b, input, await this.fee(input));
    this.audit.record({ action: 'wedding.updated_by_couple', entityType: 'wedding_booking', entityId: b.id, after: { reference } });
    await this.em.flush();
    return b;
  }

  /** The couple cancels; the place and officiant are free again at once. */
  async cancelByCouple(reference: string, token: string, reason: string, locale: WeddingLocale, now = new Date()): Promise<WeddingBooking> {
    const b = await this.byToken(reference, token, locale, true);
    if (b.status !== 'booked') throw weddingError.notBooked(locale);
    b.status = 'cancelled';
    b.cancelledAt = now;
    b.cancelReason = reason || null;
    this.audit.record({ action: 'wedding.cancelled_by_couple', entityType: 'wedding_booking', entityId: b.id, after: { reference, reasonGiven: !!reason } });
    await this.em.flush();
    return b;
  }
}
