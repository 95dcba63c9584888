import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { DayListLanguage } from '@sekretariat/contracts';
import { MunicipalitySettingsService } from '../municipalities/municipality-settings.service.js';
import { PdfRenderer } from '../pdf/pdf-renderer.service.js';
import { certificateValidUntil } from './rules/certificate.js';
import { addDays, osloInstant } from './rules/oslo-time.js';
import { WeddingBooking } from './wedding-booking.entity.js';
import { WeddingOfficiant } from './wedding-officiant.entity.js';
import { composeConfirmation } from './weddings-confirmation.composer.js';
import { composeDayList } from './weddings-day-list.composer.js';
import { weddingError } from './weddings.errors.js';

export interface RenderedPdf {
  pdf: Buffer;
  filename: string;
}

/** The private page of a booking, without its token. */
export const manageUrl = (baseUrl: string, reference: string) => `${baseUrl.replace(/\/+$/, '')}/vigsel/${encodeURIComponent(reference)}`;

/** The weddings' PDFs: the officiant's day list and the couple's confirmation, composed here and printed by the warm renderer. */
@Injectable()
export class WeddingsDocumentsService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly renderer: PdfRenderer,
    private readonly settings: MunicipalitySettingsService,
  ) {}

  /** The ceremonies of one Oslo day (booked or held, not cancelled), of one officiant or all; the officiant's filter is in the query itself. */
  ceremoniesOfDay(date: string, officiantId: string | null): Promise<WeddingBooking[]> {
    return this.em.find(
      WeddingBooking,
      {
        status: { $in: ['booked', 'held_ceremony'] },
        startsAt: { $gte: osloInstant(date, 0), $lt: osloInstant(addDays(date, 1), 0) },
        ...(officiantId ? { officiant: officiantId } : {}),
      },
      { populate: ['place', 'officiant'], orderBy: { startsAt: 'asc' } },
    );
  }

  /**
   * The day list of `date`: for the officiant (when given) or every ceremony of the day, in the
   * municipality's written standard (its settings, like the meeting notice) unless `language` says otherwise.
   */
  async dayList(date: string, officiantId: string | null, language: DayListLanguage | undefined, now = new Date()): Promise<RenderedPdf> {
    const officiant = officiantId ? await this.em.findOne(WeddingOfficiant, officiantId) : null;
    if (officiantId && !officiant) throw weddingError.officiantNotFound();
    const [bookings, settings] = await Promise.all([this.ceremoniesOfDay(date, officiantId), this.settings.get()]);
    const doc = composeDayList({
      municipalityName: settings.documentName,
      date,
      officiant: officiant?.name ?? null,
      language: language ?? settings.writtenStandard,
      generatedAt: now,
      ceremonies: bookings.map((b) => {
        const place = b.place.getEntity();
        return {
          reference: b.reference ?? '',
          startsAt: b.startsAt,
          endsAt: b.endsAt,
          place: place.name,
          accessibility: place.accessibility,
          officiant: b.officiant?.getEntity().name ?? null,
          parties: (b.parties ?? []).map((p) => p.name),
          witnesses: (b.witnesses ?? []).map((w) => w.name),
          ceremonyLanguage: b.ceremonyLanguage ?? 'nb',
          guests: b.guests,
          certificateChecked: b.certificateChecked,
          notes: b.notes,
          cancelled: false,
        };
      }),
    });
    const suffix = officiant ? `-${officiant.name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}` : '';
    return { pdf: await this.renderer.render(doc), filename: `vigsler-${date}${suffix}.pdf` };
  }

  /** The couple's confirmation in the booking's language; the booking comes with its place loaded. */
  async confirmation(b: WeddingBooking, municipalityName: string, baseUrl: string, now = new Date()): Promise<RenderedPdf> {
    const place = b.place.getEntity();
    const issued = b.certificateIssuedOn ?? '';
    const doc = composeConfirmation({
      municipalityName,
      reference: b.reference ?? '',
      status: b.status === 'held' ? 'booked' : b.status,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      place: { name: place.name, address: place.address, accessibility: place.accessibility },
      parties: b.parties ?? [],
      witnesses: b.witnesses ?? [],
      ceremonyLanguage: b.ceremonyLanguage ?? 'nb',
      guests: b.guests,
      capacity: place.capacity,
      certificate: { issuedOn: issued, validUntil: issued ? certificateValidUntil(issued) : '', checked: b.certificateChecked },
      fee: { free: b.feeFree, amountNok: b.feeNok },
      manageUrl: manageUrl(baseUrl, b.reference ?? ''),
      locale: b.locale,
      generatedAt: now,
    });
    return { pdf: await this.renderer.render(doc), filename: `vigsel-${b.reference}.pdf` };
  }
}
