import type {
  CoupleBooking,
  StaffBooking,
  WeddingAvailability as AvailabilityDto,
  WeddingBlockedDay as BlockedDayDto,
  WeddingOfficiant as OfficiantDto,
  WeddingPlace as PlaceDto,
  WeddingSettings as SettingsDto,
} from '@sekretariat/contracts';
import { DEFAULT_WEDDING_RETENTION_MONTHS } from '@sekretariat/contracts';
import { certificateValidUntil } from './rules/certificate.js';
import type { WeddingAvailability } from './wedding-availability.entity.js';
import type { WeddingBlockedDay } from './wedding-blocked-day.entity.js';
import type { WeddingBooking } from './wedding-booking.entity.js';
import type { WeddingOfficiant } from './wedding-officiant.entity.js';
import type { WeddingPlace } from './wedding-place.entity.js';
import type { WeddingSettings } from './wedding-settings.entity.js';
import type { CeremonyFacts } from './weddings-mail.js';

export const placeDto = (p: WeddingPlace): PlaceDto => ({ id: p.id, name: p.name, capacity: p.capacity, address: p.address, accessibility: p.accessibility, active: p.active });

export const officiantDto = (o: WeddingOfficiant): OfficiantDto => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  decisionRef: o.decisionRef,
  authorisedFrom: o.authorisedFrom,
  authorisedTo: o.authorisedTo,
  active: o.active,
  userId: o.user?.id ?? null,
});

export const availabilityDto = (a: WeddingAvailability): AvailabilityDto => ({
  id: a.id,
  placeId: a.place.id,
  officiantId: a.officiant?.id ?? null,
  weekday: a.weekday,
  startTime: a.startTime,
  endTime: a.endTime,
  slotMinutes: a.slotMinutes,
  bufferMinutes: a.bufferMinutes,
  validFrom: a.validFrom,
  validTo: a.validTo,
});

export const blockedDayDto = (b: WeddingBlockedDay): BlockedDayDto => ({ id: b.id, date: b.date, placeId: b.place?.id ?? null, reason: b.reason });

export const settingsDto = (s: WeddingSettings | null): SettingsDto => ({
  feeNok: s?.feeNok ?? 0,
  infoText: { nb: s?.infoNb ?? '', nn: s?.infoNn ?? '', en: s?.infoEn ?? '' },
  retentionMonths: s?.retentionMonths ?? DEFAULT_WEDDING_RETENTION_MONTHS,
});

/** What the couple sees through their link (a booked, cancelled or held ceremony; never a bare hold). */
export function coupleBookingDto(b: WeddingBooking): CoupleBooking {
  const place = b.place.getEntity();
  const issued = b.certificateIssuedOn ?? '';
  return {
    reference: b.reference ?? '',
    status: b.status === 'held' ? 'booked' : b.status,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    place: { id: place.id, name: place.name, address: place.address },
    parties: (b.parties ?? []).map((p) => ({ ...p })),
    witnesses: (b.witnesses ?? []).map((w) => ({ ...w })),
    ceremonyLanguage: b.ceremonyLanguage ?? 'nb',
    guests: b.guests,
    certificateIssuedOn: issued,
    certificateValidUntil: issued ? certificateValidUntil(issued) : '',
    fee: { free: b.feeFree, amountNok: b.feeNok },
  };
}

export function staffBookingDto(b: WeddingBooking): StaffBooking {
  const officiant = b.officiant?.getEntity() ?? null;
  return {
    ...coupleBookingDto(b),
    id: b.id,
    officiant: officiant ? { id: officiant.id, name: officiant.name } : null,
    certificateChecked: b.certificateChecked,
    notes: b.notes,
    cancelReason: b.cancelReason,
    registryNotice: b.status !== 'held_ceremony' ? 'not_due' : b.registryNoticeSentAt ? 'sent' : 'due',
    anonymisedAt: b.anonymisedAt?.toISOString() ?? null,
  };
}

/** A place as one line for mails and the calendar entry's LOCATION: "name, address" when it has one. */
export const placeLine = (p: { name: string; address: string }): string => (p.address ? `${p.name}, ${p.address}` : p.name);

/** What the mails and the calendar entry say about a ceremony; the booking comes with its place loaded. */
export function ceremonyFacts(b: WeddingBooking, municipality: string): CeremonyFacts {
  return { reference: b.reference ?? '', municipality, place: placeLine(b.place.getEntity()), startsAt: b.startsAt, endsAt: b.endsAt, free: b.feeFree, feeNok: b.feeNok };
}
