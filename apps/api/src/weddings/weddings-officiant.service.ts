import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { DayListLanguage, OfficiantCeremoniesQuery, OfficiantCeremony } from '@sekretariat/contracts';
import { addDays, osloInstant } from './rules/oslo-time.js';
import { WeddingBooking } from './wedding-booking.entity.js';
import { WeddingOfficiant } from './wedding-officiant.entity.js';
import { WeddingsDocumentsService, type RenderedPdf } from './weddings-documents.service.js';
import { officiantError } from './weddings-officiant.errors.js';
import { weddingError } from './weddings.errors.js';

/** What the officiant sees of a ceremony: names, not contact details or birth dates. */
export function officiantCeremonyDto(b: WeddingBooking): OfficiantCeremony {
  const place = b.place.getEntity();
  return {
    id: b.id,
    reference: b.reference ?? '',
    status: b.status === 'held' ? 'booked' : b.status,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    place: { id: place.id, name: place.name, accessibility: place.accessibility },
    parties: (b.parties ?? []).map((p) => ({ name: p.name })),
    witnesses: (b.witnesses ?? []).map((w) => ({ name: w.name })),
    ceremonyLanguage: b.ceremonyLanguage ?? 'nb',
    guests: b.guests,
    certificateChecked: b.certificateChecked,
    notes: b.notes,
  };
}

/**
 * The signed-in officiant's own ceremonies. Every query names the officiant linked to the user in
 * its `where`, so another officiant's ceremony is never loaded, by list or by id; a user linked to
 * no officiant is told so (403 WEDDING_OFFICIANT_NOT_LINKED).
 */
@Injectable()
export class WeddingsOfficiantService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly documents: WeddingsDocumentsService,
  ) {}

  async linked(userId: string): Promise<WeddingOfficiant> {
    const o = await this.em.findOne(WeddingOfficiant, { user: userId });
    if (!o) throw officiantError.notLinked();
    return o;
  }

  /** Booked and held ceremonies of the officiant in the period (cancelled ones are not theirs any more). */
  async ceremonies(userId: string, q: OfficiantCeremoniesQuery): Promise<{ officiant: WeddingOfficiant; items: WeddingBooking[] }> {
    const officiant = await this.linked(userId);
    const items = await this.em.find(
      WeddingBooking,
      { officiant: officiant.id, status: { $in: ['booked', 'held_ceremony'] }, startsAt: { $gte: osloInstant(q.from, 0), $lt: osloInstant(addDays(q.to, 1), 0) } },
      { populate: ['place'], orderBy: { startsAt: 'asc' } },
    );
    return { officiant, items };
  }

  /** One of the officiant's ceremonies; another's is the same 404 as one that does not exist. */
  async ceremony(userId: string, id: string): Promise<WeddingBooking> {
    const officiant = await this.linked(userId);
    const b = await this.em.findOne(WeddingBooking, { id, officiant: officiant.id, status: { $in: ['booked', 'held_ceremony'] } }, { populate: ['place'] });
    if (!b) throw weddingError.bookingNotFound();
    return b;
  }

  async dayList(userId: string, date: string, language: DayListLanguage | undefined): Promise<RenderedPdf> {
    const officiant = await this.linked(userId);
    return this.documents.dayList(date, officiant.id, language);
  }
}
