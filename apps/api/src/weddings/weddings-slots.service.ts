import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { WeddingAvailability } from './wedding-availability.entity.js';
import { WeddingBlockedDay } from './wedding-blocked-day.entity.js';
import { WeddingOfficiant } from './wedding-officiant.entity.js';
import { WeddingPlace } from './wedding-place.entity.js';
import { addDays, osloInstant } from './rules/oslo-time.js';
import { freeSlots, generateSlots, type Busy, type Slot } from './rules/slots.js';
import { weddingError } from './weddings.errors.js';

/** A live hold or a booking: what keeps a place or an officiant busy. */
const BUSY_SQL = `select place_id, officiant_id, lower(during) as starts_at, upper(during) as busy_until from wedding_booking
   where (status = 'booked' or (status = 'held' and hold_expires_at > now())) and during && tstzrange(?, ?, '[)')
     and (place_id = ? or officiant_id = any(?::uuid[]))`;

/** The slots of a place from its availability rules, less holidays, blocked days, the past and what is taken. */
@Injectable()
export class WeddingsSlotsService {
  constructor(@Inject(EntityManager) private readonly em: EntityManager) {}

  /** An active place, or 404 (an inactive place takes no bookings). */
  async activePlace(placeId: string): Promise<WeddingPlace> {
    const place = await this.em.findOne(WeddingPlace, { id: placeId, active: true });
    if (!place) throw weddingError.placeNotFound();
    return place;
  }

  /** Every slot the rules give at a place from `from` to `to` (ISO dates), taken or not. */
  async slots(placeId: string, from: string, to: string): Promise<Slot[]> {
    const [rules, blockedDays] = await Promise.all([
      this.em.find(WeddingAvailability, { place: placeId, validFrom: { $lte: to }, $or: [{ validTo: null }, { validTo: { $gte: from } }] }),
      this.em.find(WeddingBlockedDay, { date: { $gte: from, $lte: to }, $or: [{ place: null }, { place: placeId }] }),
    ]);
    const officiantIds = [...new Set(rules.flatMap((r) => (r.officiant ? [r.officiant.id] : [])))];
    const officiants = officiantIds.length ? await this.em.find(WeddingOfficiant, { id: { $in: officiantIds } }) : [];
    return generateSlots(
      rules.map((r) => ({
        placeId: r.place.id,
        officiantId: r.officiant?.id ?? null,
        weekday: r.weekday,
        startTime: r.startTime,
        endTime: r.endTime,
        slotMinutes: r.slotMinutes,
        bufferMinutes: r.bufferMinutes,
        validFrom: r.validFrom,
        validTo: r.validTo,
      })),
      { from, to, blockedDays: blockedDays.map((b) => ({ date: b.date, placeId: b.place?.id ?? null })), officiants: new Map(officiants.map((o) => [o.id, o])) },
    );
  }

  /** The free slots of a place from `from` to `to`: not past, not overlapping a live hold or booking of the place or the slot's officiant. */
  async free(placeId: string, from: string, to: string, now = new Date()): Promise<Slot[]> {
    await this.activePlace(placeId);
    const slots = await this.slots(placeId, from, to);
    if (slots.length === 0) return [];
    const officiantIds = [...new Set(slots.flatMap((s) => (s.officiantId ? [s.officiantId] : [])))];
    const rows = await this.em.execute<{ place_id: string; officiant_id: string | null; starts_at: Date; busy_until: Date }[]>(BUSY_SQL, [
      osloInstant(from, 0),
      osloInstant(addDays(to, 1), 0),
      placeId,
      `{${officiantIds.join(',')}}`,
    ]);
    const busy: Busy[] = rows.map((r) => ({ placeId: r.place_id, officiantId: r.officiant_id, startsAt: new Date(r.starts_at), busyUntil: new Date(r.busy_until) }));
    return freeSlots(slots, busy, now);
  }

  /** The slot of a place that starts at an instant, from the rules (taken or not), or null. */
  async slotAt(placeId: string, startsAt: Date, day: string): Promise<Slot | null> {
    return (await this.slots(placeId, day, day)).find((s) => s.startsAt.getTime() === startsAt.getTime()) ?? null;
  }
}
