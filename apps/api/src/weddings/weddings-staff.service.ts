import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import type { MoveInput, StaffBookingsQuery } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { currentScope } from '../core/tenant.js';
import { checkCertificate } from './rules/certificate.js';
import { canOfficiate } from './rules/officiants.js';
import { addDays, osloInstant } from './rules/oslo-time.js';
import { osloDay } from '../core/dates.js';
import { WeddingBooking } from './wedding-booking.entity.js';
import { WeddingOfficiant } from './wedding-officiant.entity.js';
import { WeddingsBookingService, takenError } from './weddings-booking.service.js';
import { weddingError } from './weddings.errors.js';
import { placeLine } from './weddings.mapper.js';
import { WeddingsMailJobs } from './weddings.jobs.js';

const range = (from: Date, to: Date) => `[${from.toISOString()},${to.toISOString()})`;

/** The staff's side of the bookings: the calendar, the officiant, the certificate checked, held, the notice to the register, cancel, move. */
@Injectable()
export class WeddingsStaffService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly booking: WeddingsBookingService,
    private readonly mails: WeddingsMailJobs,
    private readonly audit: AuditService,
  ) {}

  list(q: StaffBookingsQuery): Promise<WeddingBooking[]> {
    return this.em.find(
      WeddingBooking,
      {
        status: { $ne: 'held' },
        startsAt: { $gte: osloInstant(q.from, 0), $lt: osloInstant(addDays(q.to, 1), 0) },
        ...(q.placeId ? { place: q.placeId } : {}),
        ...(q.officiantId ? { officiant: q.officiantId } : {}),
      },
      { populate: ['place', 'officiant'], orderBy: { startsAt: 'asc' } },
    );
  }

  async get(id: string, lock = false): Promise<WeddingBooking> {
    const b = await this.em.findOne(WeddingBooking, { id, status: { $ne: 'held' } }, { populate: ['place', 'officiant'], ...(lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {}) });
    if (!b) throw weddingError.bookingNotFound();
    return b;
  }

  private async booked(id: string): Promise<WeddingBooking> {
    const b = await this.get(id, true);
    if (b.status !== 'booked') throw weddingError.notBooked();
    return b;
  }

  /** An officiant for a booked ceremony: one who may officiate that day (el. § 12) and is free then (the database checks). */
  async assignOfficiant(id: string, officiantId: string | null): Promise<WeddingBooking> {
    const b = await this.booked(id);
    const officiant = officiantId ? await this.em.findOne(WeddingOfficiant, officiantId) : null;
    if (officiantId && !officiant) throw weddingError.officiantNotFound();
    if (officiant && !canOfficiate(officiant, osloDay(b.startsAt))) throw weddingError.officiantNotAuthorised();
    const before = b.officiant?.id ?? null;
    b.officiant = officiant ? this.em.getReference(WeddingOfficiant, officiant.id, { wrapped: true }) : null;
    this.audit.record({ action: 'wedding.officiant_assigned', entityType: 'wedding_booking', entityId: b.id, before: { officiantId: before }, after: { officiantId } });
    try {
      await this.em.flush();
    } catch (e) {
      throw takenError(e, 'nb');
    }
    return this.get(id);
  }

  async certificateChecked(id: string, checked: boolean): Promise<WeddingBooking> {
    const b = await this.get(id, true);
    b.certificateChecked = checked;
    this.audit.record({ action: 'wedding.certificate_checked', entityType: 'wedding_booking', entityId: b.id, after: { checked } });
    await this.em.flush();
    return b;
  }

  /** The ceremony took place (from its start time): the "Melding om vigsel" to the population register is due. */
  async markHeld(id: string, now = new Date()): Promise<WeddingBooking> {
    const b = await this.booked(id);
    if (b.startsAt > now) throw weddingError.notYetHeld();
    b.status = 'held_ceremony';
    b.heldAt = now;
    this.audit.record({ action: 'wedding.held', entityType: 'wedding_booking', entityId: b.id, after: { officiantId: b.officiant?.id ?? null } });
    await this.em.flush();
    return b;
  }

  async registryNotice(id: string, sent: boolean, now = new Date()): Promise<WeddingBooking> {
    const b = await this.get(id, true);
    if (b.status !== 'held_ceremony') throw weddingError.notHeld();
    b.registryNoticeSentAt = sent ? now : null;
    this.audit.record({ action: 'wedding.registry_notice', entityType: 'wedding_booking', entityId: b.id, after: { sent } });
    await this.em.flush();
    return b;
  }

  /** Cancelled by the staff with a reason; the couple is told by e-mail in the booking's language. */
  async cancel(id: string, reason: string, now = new Date()): Promise<WeddingBooking> {
    const b = await this.booked(id);
    b.status = 'cancelled';
    b.cancelledAt = now;
    b.cancelReason = reason;
    // Only that a reason was given: the text may name people or an illness, lives in the booking
    // (cancel_reason, anonymised by the retention job) and never in the append-only audit log.
    this.audit.record({ action: 'wedding.cancelled', entityType: 'wedding_booking', entityId: b.id, after: { reasonGiven: reason.trim() !== '' } });
    await this.em.flush();
    await this.mails.queueCancellation({ bookingId: b.id, municipalityId: currentScope().municipalityId });
    return b;
  }

  /** To another offered slot (place and time): capacity, certificate and officiant are checked for it, the database refuses an overlap; the couple is e-mailed the new time. */
  async move(id: string, input: MoveInput, now = new Date()): Promise<WeddingBooking> {
    const b = await this.booked(id);
    const { slot, place } = await this.booking.offeredSlot(input.placeId, new Date(input.startsAt), 'nb', now);
    if (b.guests > place.capacity) throw weddingError.overCapacity(place.capacity);
    const day = osloDay(slot.startsAt);
    if (b.certificateIssuedOn) {
      const c = checkCertificate(b.certificateIssuedOn, day, osloDay(now));
      if (!c.ok && c.problem === 'expired') throw weddingError.certificateExpired(c.latestWeddingDate);
    }
    // The assigned officiant goes along (if they may officiate that day); else the slot's own.
    if (b.officiant && !canOfficiate(b.officiant.getEntity(), day)) throw weddingError.officiantNotAuthorised();
    const officiantId = b.officiant?.id ?? slot.officiantId;
    await this.booking.lockSlot({ placeId: place.id, officiantId });
    await this.booking.releaseExpiredOverlapping({ ...slot, officiantId }, b.id);
    const before = { placeId: b.place.id, startsAt: b.startsAt.toISOString() };
    const previousPlace = placeLine(b.place.getEntity());
    try {
      // calendar_sequence: the couple's calendar replaces its entry (same UID, higher SEQUENCE).
      await this.em.execute(`update wedding_booking set place_id = ?, officiant_id = ?, starts_at = ?, ends_at = ?, during = ?::tstzrange, calendar_sequence = calendar_sequence + 1 where id = ?`, [
        place.id,
        officiantId,
        slot.startsAt,
        slot.endsAt,
        range(slot.startsAt, slot.busyUntil),
        b.id,
      ]);
    } catch (e) {
      throw takenError(e, 'nb');
    }
    this.audit.record({ action: 'wedding.moved', entityType: 'wedding_booking', entityId: b.id, before, after: { placeId: place.id, startsAt: slot.startsAt.toISOString() } });
    await this.em.flush();
    await this.em.refresh(b, { populate: ['place', 'officiant'] });
    await this.mails.queueMoved({ bookingId: b.id, municipalityId: currentScope().municipalityId, previousStartsAt: before.startsAt, previousPlace });
    return b;
  }
}
