import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { type Opt, OptionalProps, type Ref } from '@mikro-orm/core';
import { CEREMONY_LANGUAGES, RESIDENCE_CLASSES, WEDDING_LOCALES, type CeremonyLanguage, type Residence, type ResidenceClass, type WeddingLocale } from '@sekretariat/contracts';
import { TenantEntity } from '../core/tenant-entity.js';
import { WeddingOfficiant } from './wedding-officiant.entity.js';
import { WeddingPlace } from './wedding-place.entity.js';

/** A hold for 10 minutes, a booked ceremony, a cancelled one, or one held. */
export const WEDDING_ROW_STATUSES = ['held', 'booked', 'cancelled', 'held_ceremony'] as const;
export type WeddingRowStatus = (typeof WEDDING_ROW_STATUSES)[number];

export interface StoredParty {
  name: string;
  birthDate: string;
  email: string;
  phone: string;
  residence: Residence;
}
export interface StoredWitness {
  name: string;
  birthDate: string;
}

/**
 * One ceremony from the hold on: `during` is the time the place and the officiant are taken (the
 * ceremony and the buffer after it). Two exclusion constraints (written in the migration) refuse
 * overlapping holds and bookings of one place or one officiant in PostgreSQL itself.
 * The couple's and witnesses' personal data are kept as JSON on the booking.
 */
@Entity({ tableName: 'wedding_booking' })
@Index({ properties: ['place', 'startsAt'] })
@Unique({ name: 'wedding_booking_reference_unique', properties: ['municipality', 'reference'] })
export class WeddingBooking extends TenantEntity {
  [OptionalProps]?:
    | 'officiant' | 'holdExpiresAt' | 'holdTokenHash' | 'reference' | 'manageTokenHash' | 'mailTokenHash' | 'parties' | 'witnesses'
    | 'ceremonyLanguage' | 'guests' | 'certificateIssuedOn' | 'certificateChecked' | 'notes' | 'locale' | 'feeFree' | 'feeNok'
    | 'cancelReason' | 'cancelledAt' | 'bookedAt' | 'heldAt' | 'registryNoticeSentAt' | 'calendarSequence' | 'id' | 'createdAt'
    | 'residenceClass' | 'anonymisedAt';

  @ManyToOne(() => WeddingPlace, { ref: true, deleteRule: 'restrict' })
  place!: Ref<WeddingPlace>;

  @ManyToOne(() => WeddingOfficiant, { ref: true, nullable: true, deleteRule: 'restrict' })
  officiant: Ref<WeddingOfficiant> | null = null;

  @Enum({ items: [...WEDDING_ROW_STATUSES] })
  status!: WeddingRowStatus;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  /** The ceremony's end (without the buffer). */
  @Property({ type: 'datetime' })
  endsAt!: Date;

  /** tstzrange [start, end + buffer): written as text ("[2027-06-11T08:00:00Z,2027-06-11T08:45:00Z)"), never read. */
  @Property({ columnType: 'tstzrange', type: 'string', lazy: true })
  during!: string;

  @Property({ type: 'datetime', nullable: true })
  holdExpiresAt: Date | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  holdTokenHash: string | null = null;

  /** "V-2027-0042", given when the hold is booked. */
  @Property({ type: 'string', length: 20, nullable: true })
  reference: string | null = null;

  /** SHA-256 of the couple's link token shown once at booking. */
  @Property({ type: 'string', length: 64, nullable: true })
  manageTokenHash: string | null = null;

  /** SHA-256 of the link token in the confirmation e-mail (made by the mail job). */
  @Property({ type: 'string', length: 64, nullable: true })
  mailTokenHash: string | null = null;

  @Property({ type: 'json', nullable: true })
  parties: StoredParty[] | null = null;

  @Property({ type: 'json', nullable: true })
  witnesses: StoredWitness[] | null = null;

  @Enum({ items: [...CEREMONY_LANGUAGES], nullable: true })
  ceremonyLanguage: CeremonyLanguage | null = null;

  @Property({ type: 'integer', default: 0 })
  guests: number & Opt = 0;

  @Property({ type: 'date', nullable: true })
  certificateIssuedOn: string | null = null;

  @Property({ type: 'boolean', default: false })
  certificateChecked: boolean & Opt = false;

  @Property({ type: 'text', default: '' })
  notes: string & Opt = '';

  @Enum({ items: [...WEDDING_LOCALES], default: 'nb' })
  locale: WeddingLocale & Opt = 'nb';

  @Property({ type: 'boolean', default: false })
  feeFree: boolean & Opt = false;

  @Property({ type: 'integer', default: 0 })
  feeNok: number & Opt = 0;

  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  bookedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  heldAt: Date | null = null;

  /** When the "Melding om vigsel" went to the population register. */
  @Property({ type: 'datetime', nullable: true })
  registryNoticeSentAt: Date | null = null;

  /** The iCalendar SEQUENCE of the ceremony: raised on every move, so the couple's calendar takes the new time (RFC 5545 § 3.8.7.4). */
  @Property({ type: 'integer', default: 0 })
  calendarSequence: number & Opt = 0;

  /** The fee rule's classification, written when the personal data (with the residences) is removed. */
  @Enum({ items: [...RESIDENCE_CLASSES], nullable: true })
  residenceClass: ResidenceClass | null = null;

  /** When the retention job removed the personal data (docs/weddings.md, Retention). */
  @Property({ type: 'datetime', nullable: true })
  anonymisedAt: Date | null = null;
}
