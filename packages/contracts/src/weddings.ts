import { z } from 'zod';
import { MunicipalitySlugParams } from './municipalities.js';

/**
 * Civil weddings (kommunal vigsel, ekteskapsloven §§ 12 and 12 a): ceremony places, officiants,
 * availability, the couple's public booking and the staff side (see docs/weddings.md).
 */

const id = z.uuid({ error: 'Ugyldig id: forventet en UUID.' });
const date = z.iso.date({ error: 'Ugyldig dato: bruk formatet ÅÅÅÅ-MM-DD.' });
const dateTime = z.iso.datetime({ offset: true, error: 'Ugyldig tidspunkt: bruk ISO 8601 med tidssone.' });
/** A local clock time, "10:30". */
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Ugyldig klokkeslett: bruk TT:MM.');
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Free text, trimmed; NUL and other control characters (except line breaks and tabs) are refused. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Teksten er for lang (høyst ${max} tegn).`)
    .refine((s) => !CONTROL.test(s), 'Teksten inneholder ugyldige tegn.');
const required = (max: number, label: string) => text(max).refine((s) => s.length > 0, `${label} mangler.`);

export const OFFICIANT_KINDS = ['mayor', 'deputy_mayor', 'authorised'] as const;
export const OfficiantKind = z.enum(OFFICIANT_KINDS);
export type OfficiantKind = z.infer<typeof OfficiantKind>;

/** The languages of the official wedding formula (bokmål, nynorsk, Sami, English, German, French, Spanish, Russian). */
export const CEREMONY_LANGUAGES = ['nb', 'nn', 'se', 'en', 'de', 'fr', 'es', 'ru'] as const;
export const CeremonyLanguage = z.enum(CEREMONY_LANGUAGES);
export type CeremonyLanguage = z.infer<typeof CeremonyLanguage>;

export const RESIDENCES = ['municipality', 'other_municipality', 'abroad'] as const;
export const Residence = z.enum(RESIDENCES);
export type Residence = z.infer<typeof Residence>;

export const WEDDING_LOCALES = ['nb', 'nn', 'en'] as const;
export const WeddingLocale = z.enum(WEDDING_LOCALES);
export type WeddingLocale = z.infer<typeof WeddingLocale>;

export const BOOKING_STATUSES = ['booked', 'cancelled', 'held_ceremony'] as const;
export const WeddingBookingStatus = z.enum(BOOKING_STATUSES);
export type WeddingBookingStatus = z.infer<typeof WeddingBookingStatus>;

/** The "Melding om vigsel" to the population register: due the working day after the ceremony. */
export const REGISTRY_NOTICE_STATUSES = ['not_due', 'due', 'sent'] as const;
export const RegistryNoticeStatus = z.enum(REGISTRY_NOTICE_STATUSES);
export type RegistryNoticeStatus = z.infer<typeof RegistryNoticeStatus>;

export const LocalizedText = z.strictObject({ nb: text(10_000), nn: text(10_000), en: text(10_000) });
export type LocalizedText = z.infer<typeof LocalizedText>;

// ── Places ──────────────────────────────────────────────────────────────────────────────

export const WeddingPlaceInput = z.strictObject({
  name: required(200, 'Navn'),
  /** Guests besides the couple and the witnesses. */
  capacity: z.number().int().min(0).max(10_000),
  /** Street address (and postcode, place) for the couple and their guests; in the confirmation and the calendar entry. */
  address: text(300).default(''),
  accessibility: text(2000).default(''),
  active: z.boolean().default(true),
});
export type WeddingPlaceInput = z.infer<typeof WeddingPlaceInput>;

export const WeddingPlace = z.object({
  id: z.uuid(),
  name: z.string(),
  capacity: z.number().int(),
  address: z.string(),
  accessibility: z.string(),
  active: z.boolean(),
});
export type WeddingPlace = z.infer<typeof WeddingPlace>;
export const WeddingPlaceList = z.object({ items: z.array(WeddingPlace) });
export type WeddingPlaceList = z.infer<typeof WeddingPlaceList>;

// ── Officiants ──────────────────────────────────────────────────────────────────────────

export const WeddingOfficiantInput = z
  .strictObject({
    name: required(200, 'Navn'),
    kind: OfficiantKind,
    /** The municipal council's decision authorising the officiant (el. § 12). */
    decisionRef: text(100).nullable().default(null),
    authorisedFrom: date.nullable().default(null),
    authorisedTo: date.nullable().default(null),
    active: z.boolean().default(true),
    /**
     * The user (role wedding_officiant) who signs in as this officiant to see their own ceremonies;
     * one officiant per user. Left out: unchanged (none for a new officiant); null: no user.
     */
    userId: id.nullable().optional(),
  })
  .refine((o) => o.kind !== 'authorised' || (o.decisionRef !== null && o.decisionRef.length > 0), {
    path: ['decisionRef'],
    message: 'Skriv kommunestyrets vedtak om vigselsmyndighet.',
  })
  .refine((o) => o.kind !== 'authorised' || o.authorisedFrom !== null, {
    path: ['authorisedFrom'],
    message: 'Skriv når vigselsmyndigheten gjelder fra.',
  })
  .refine((o) => !o.authorisedFrom || !o.authorisedTo || o.authorisedTo >= o.authorisedFrom, {
    path: ['authorisedTo'],
    message: 'Slutt kan ikke være før start.',
  });
export type WeddingOfficiantInput = z.infer<typeof WeddingOfficiantInput>;

export const WeddingOfficiant = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: OfficiantKind,
  decisionRef: z.string().nullable(),
  authorisedFrom: z.iso.date().nullable(),
  authorisedTo: z.iso.date().nullable(),
  active: z.boolean(),
  userId: z.uuid().nullable(),
});
export type WeddingOfficiant = z.infer<typeof WeddingOfficiant>;
export const WeddingOfficiantList = z.object({ items: z.array(WeddingOfficiant) });
export type WeddingOfficiantList = z.infer<typeof WeddingOfficiantList>;

/** GET /api/weddings/officiant-users: the users with the role wedding_officiant, for linking one to an officiant. */
export const WeddingOfficiantUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  /** The officiant this user is linked to, if any. */
  officiantId: z.uuid().nullable(),
});
export type WeddingOfficiantUser = z.infer<typeof WeddingOfficiantUser>;
export const WeddingOfficiantUserList = z.object({ items: z.array(WeddingOfficiantUser) });
export type WeddingOfficiantUserList = z.infer<typeof WeddingOfficiantUserList>;

// ── Availability and blocked days ───────────────────────────────────────────────────────

export const WeddingAvailabilityInput = z
  .strictObject({
    placeId: id,
    officiantId: id.nullable().default(null),
    /** ISO weekday: 1 Monday … 7 Sunday. */
    weekday: z.number().int().min(1).max(7),
    startTime: clock,
    endTime: clock,
    slotMinutes: z.number().int().min(5).max(480),
    bufferMinutes: z.number().int().min(0).max(240).default(0),
    validFrom: date,
    validTo: date.nullable().default(null),
  })
  .refine((a) => a.endTime > a.startTime, { path: ['endTime'], message: 'Slutt må være etter start.' })
  .refine((a) => !a.validTo || a.validTo >= a.validFrom, { path: ['validTo'], message: 'Slutt kan ikke være før start.' });
export type WeddingAvailabilityInput = z.infer<typeof WeddingAvailabilityInput>;

export const WeddingAvailability = z.object({
  id: z.uuid(),
  placeId: z.uuid(),
  officiantId: z.uuid().nullable(),
  weekday: z.number().int(),
  startTime: z.string(),
  endTime: z.string(),
  slotMinutes: z.number().int(),
  bufferMinutes: z.number().int(),
  validFrom: z.iso.date(),
  validTo: z.iso.date().nullable(),
});
export type WeddingAvailability = z.infer<typeof WeddingAvailability>;
export const WeddingAvailabilityList = z.object({ items: z.array(WeddingAvailability) });
export type WeddingAvailabilityList = z.infer<typeof WeddingAvailabilityList>;

export const WeddingBlockedDayInput = z.strictObject({
  date,
  /** null: every place. */
  placeId: id.nullable().default(null),
  reason: text(300).default(''),
});
export type WeddingBlockedDayInput = z.infer<typeof WeddingBlockedDayInput>;

export const WeddingBlockedDay = z.object({
  id: z.uuid(),
  date: z.iso.date(),
  placeId: z.uuid().nullable(),
  reason: z.string(),
});
export type WeddingBlockedDay = z.infer<typeof WeddingBlockedDay>;
export const WeddingBlockedDayList = z.object({ items: z.array(WeddingBlockedDay) });
export type WeddingBlockedDayList = z.infer<typeof WeddingBlockedDayList>;

// ── Settings ────────────────────────────────────────────────────────────────────────────

/**
 * The fee for couples the municipality need not marry. Free by law (el. § 12 a, fixed, not a
 * setting): at least one party resides in the municipality, or neither resides in Norway.
 */
export const WeddingSettingsInput = z.strictObject({
  feeNok: z.number().int().min(0).max(100_000),
  infoText: LocalizedText,
  /**
   * Months after the ceremony (or its cancellation) before the couple's and witnesses' personal
   * data is anonymised (1–120; 12 until set). Left out: unchanged.
   */
  retentionMonths: z
    .number({ error: 'Ugyldig antall måneder.' })
    .int('Oppbevaringstiden må være et helt antall måneder.')
    .min(1, 'Oppbevaringstiden må være minst 1 måned.')
    .max(120, 'Oppbevaringstiden kan være høyst 120 måneder.')
    .optional(),
});
export type WeddingSettingsInput = z.infer<typeof WeddingSettingsInput>;

export const WeddingSettings = z.object({
  feeNok: z.number().int(),
  infoText: z.object({ nb: z.string(), nn: z.string(), en: z.string() }),
  retentionMonths: z.number().int(),
});
export type WeddingSettings = z.infer<typeof WeddingSettings>;

// ── Public side ─────────────────────────────────────────────────────────────────────────

export const PublicWeddingInfo = z.object({
  municipality: z.string(),
  places: z.array(z.object({ id: z.uuid(), name: z.string(), capacity: z.number().int(), address: z.string(), accessibility: z.string() })),
  infoText: z.object({ nb: z.string(), nn: z.string(), en: z.string() }),
  feeNok: z.number().int(),
  languages: z.array(CeremonyLanguage),
});
export type PublicWeddingInfo = z.infer<typeof PublicWeddingInfo>;

const DAY_MS = 86_400_000;
export const FreeSlotsQuery = z
  .strictObject({ placeId: id, from: date, to: date })
  .refine((q) => q.to >= q.from, { path: ['to'], message: 'Slutt kan ikke være før start.' })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS <= 366, {
    path: ['to'],
    message: 'Søk i høyst 366 dager om gangen.',
  });
export type FreeSlotsQuery = z.infer<typeof FreeSlotsQuery>;

export const FreeSlot = z.object({ startsAt: z.iso.datetime({ offset: true }), endsAt: z.iso.datetime({ offset: true }) });
export type FreeSlot = z.infer<typeof FreeSlot>;
/** The free slots of one place (named once: a year of slots is thousands of entries). */
export const FreeSlots = z.object({ placeId: z.uuid(), slots: z.array(FreeSlot) });
export type FreeSlots = z.infer<typeof FreeSlots>;

export const HoldInput = z.strictObject({ placeId: id, startsAt: dateTime });
export type HoldInput = z.infer<typeof HoldInput>;

/** A slot held for 10 minutes while the couple fills in the form. */
export const Hold = z.object({ holdId: z.uuid(), expiresAt: z.iso.datetime({ offset: true }), holdToken: z.string() });
export type Hold = z.infer<typeof Hold>;

export const WeddingPartyInput = z.strictObject({
  name: required(200, 'Navn'),
  birthDate: date,
  email: z.email({ error: 'Ugyldig e-postadresse.' }).trim().max(200),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ]{8,20}$/, 'Ugyldig telefonnummer: bruk sifre, gjerne med landskode (+47).'),
  residence: Residence,
});
export type WeddingPartyInput = z.infer<typeof WeddingPartyInput>;

export const WeddingWitnessInput = z.strictObject({ name: required(200, 'Navn'), birthDate: date });
export type WeddingWitnessInput = z.infer<typeof WeddingWitnessInput>;

export const BookingInput = z.strictObject({
  holdId: id,
  holdToken: z.string().trim().min(1).max(200),
  parties: z.tuple([WeddingPartyInput, WeddingPartyInput]),
  witnesses: z.tuple([WeddingWitnessInput, WeddingWitnessInput]),
  ceremonyLanguage: CeremonyLanguage,
  guests: z.number().int().min(0).max(10_000),
  /** The prøvingsattest's issue date (valid 4 months). */
  certificateIssuedOn: date,
  notes: text(2000).optional(),
  locale: WeddingLocale,
});
export type BookingInput = z.infer<typeof BookingInput>;

/** PUT …/manage/:reference: what the couple may change themselves (not the time: cancel and book again). */
export const WeddingBookingUpdateInput = BookingInput.omit({ holdId: true, holdToken: true });
export type WeddingBookingUpdateInput = z.infer<typeof WeddingBookingUpdateInput>;

const Party = z.object({
  name: z.string(),
  birthDate: z.iso.date(),
  email: z.string(),
  phone: z.string(),
  residence: Residence,
});
const Witness = z.object({ name: z.string(), birthDate: z.iso.date() });

export const CoupleBooking = z.object({
  reference: z.string(),
  status: WeddingBookingStatus,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  place: z.object({ id: z.uuid(), name: z.string(), address: z.string() }),
  parties: z.array(Party),
  witnesses: z.array(Witness),
  ceremonyLanguage: CeremonyLanguage,
  guests: z.number().int(),
  certificateIssuedOn: z.iso.date(),
  certificateValidUntil: z.iso.date(),
  fee: z.object({ free: z.boolean(), amountNok: z.number().int() }),
});
export type CoupleBooking = z.infer<typeof CoupleBooking>;

export const BookingCreated = z.object({
  /** "V-2027-0042". */
  reference: z.string(),
  /** Shown once; only its hash is stored. */
  manageToken: z.string(),
  booking: CoupleBooking,
});
export type BookingCreated = z.infer<typeof BookingCreated>;

export const WeddingManageParams = MunicipalitySlugParams.extend({
  reference: z.string().trim().regex(/^V-\d{4}-\d{4,}$/, 'Ugyldig referanse.'),
});
export type WeddingManageParams = z.infer<typeof WeddingManageParams>;
export const WeddingManageQuery = z.strictObject({ token: z.string().trim().min(1).max(200) });
export type WeddingManageQuery = z.infer<typeof WeddingManageQuery>;

// ── Staff side ──────────────────────────────────────────────────────────────────────────

export const StaffBooking = CoupleBooking.extend({
  id: z.uuid(),
  officiant: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  certificateChecked: z.boolean(),
  notes: z.string(),
  cancelReason: z.string().nullable(),
  registryNotice: RegistryNoticeStatus,
  /** When the personal data was removed (the retention job); the parties and witnesses are then empty. */
  anonymisedAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type StaffBooking = z.infer<typeof StaffBooking>;
export const StaffBookingList = z.object({ items: z.array(StaffBooking) });
export type StaffBookingList = z.infer<typeof StaffBookingList>;

export const StaffBookingsQuery = z
  .strictObject({ from: date, to: date, placeId: id.optional(), officiantId: id.optional() })
  .refine((q) => q.to >= q.from, { path: ['to'], message: 'Slutt kan ikke være før start.' })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS <= 366, {
    path: ['to'],
    message: 'Søk i høyst 366 dager om gangen.',
  });
export type StaffBookingsQuery = z.infer<typeof StaffBookingsQuery>;

export const AssignOfficiantInput = z.strictObject({ officiantId: id.nullable() });
export type AssignOfficiantInput = z.infer<typeof AssignOfficiantInput>;

export const CancelInput = z.strictObject({ reason: required(1000, 'Grunn') });
export type CancelInput = z.infer<typeof CancelInput>;

/** The couple's own cancellation: a reason is optional. */
export const WeddingCoupleCancelInput = z.strictObject({ reason: text(1000).default('') });
export type WeddingCoupleCancelInput = z.infer<typeof WeddingCoupleCancelInput>;

export const MoveInput = z.strictObject({ placeId: id, startsAt: dateTime });
export type MoveInput = z.infer<typeof MoveInput>;

export const WeddingRegistryNoticeInput = z.strictObject({ sent: z.boolean() });
export type WeddingRegistryNoticeInput = z.infer<typeof WeddingRegistryNoticeInput>;

// ── The officiant's own view and the day list ───────────────────────────────────────────

/** One of the signed-in officiant's ceremonies: what they need on the day, no contact details. */
export const OfficiantCeremony = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: WeddingBookingStatus,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  place: z.object({ id: z.uuid(), name: z.string(), accessibility: z.string() }),
  parties: z.array(z.object({ name: z.string() })),
  witnesses: z.array(z.object({ name: z.string() })),
  ceremonyLanguage: CeremonyLanguage,
  guests: z.number().int(),
  certificateChecked: z.boolean(),
  notes: z.string(),
});
export type OfficiantCeremony = z.infer<typeof OfficiantCeremony>;
export const OfficiantCeremonyList = z.object({
  officiant: z.object({ id: z.uuid(), name: z.string() }),
  items: z.array(OfficiantCeremony),
});
export type OfficiantCeremonyList = z.infer<typeof OfficiantCeremonyList>;

export const OfficiantCeremoniesQuery = z
  .strictObject({ from: date, to: date })
  .refine((q) => q.to >= q.from, { path: ['to'], message: 'Slutt kan ikke være før start.' })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS <= 366, {
    path: ['to'],
    message: 'Søk i høyst 366 dager om gangen.',
  });
export type OfficiantCeremoniesQuery = z.infer<typeof OfficiantCeremoniesQuery>;

/** The written standard of the day list: bokmål or nynorsk. */
export const DAY_LIST_LANGUAGES = ['nb', 'nn'] as const;
export const DayListLanguage = z.enum(DAY_LIST_LANGUAGES);
export type DayListLanguage = z.infer<typeof DayListLanguage>;

/** The day; `language` only to override the municipality's written standard (its settings). */
export const MyDayListQuery = z.strictObject({ date, language: DayListLanguage.optional() });
export type MyDayListQuery = z.infer<typeof MyDayListQuery>;
export const StaffDayListQuery = MyDayListQuery.extend({ officiantId: id.optional() });
export type StaffDayListQuery = z.infer<typeof StaffDayListQuery>;

// ── Records: retention, export, statistics ──────────────────────────────────────────────

/** The retention setting until the municipality sets one (months). */
export const DEFAULT_WEDDING_RETENTION_MONTHS = 12;

/**
 * The fee rule's classification (el. § 12 a), kept when the personal data is anonymised:
 * `resident` at least one party resides in the municipality (free), `abroad` neither resides in
 * Norway (free), `non_resident` the others (they pay the fee).
 */
export const RESIDENCE_CLASSES = ['resident', 'abroad', 'non_resident'] as const;
export const ResidenceClass = z.enum(RESIDENCE_CLASSES);
export type ResidenceClass = z.infer<typeof ResidenceClass>;

const AuditTrailEntry = z.object({
  at: z.iso.datetime({ offset: true }),
  action: z.string(),
  actor: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

/** GET /api/weddings/bookings/:id/export: everything stored about one booking, for the couple's request (GDPR art. 15). */
export const WeddingBookingExport = z.object({
  exportedAt: z.iso.datetime({ offset: true }),
  municipality: z.string(),
  booking: z.object({
    id: z.uuid(),
    reference: z.string().nullable(),
    status: WeddingBookingStatus,
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    place: z.object({ id: z.uuid(), name: z.string() }),
    officiant: z.object({ id: z.uuid(), name: z.string(), kind: OfficiantKind }).nullable(),
    parties: z.array(Party),
    witnesses: z.array(Witness),
    ceremonyLanguage: CeremonyLanguage.nullable(),
    guests: z.number().int(),
    certificateIssuedOn: z.iso.date().nullable(),
    certificateChecked: z.boolean(),
    notes: z.string(),
    locale: WeddingLocale,
    fee: z.object({ free: z.boolean(), amountNok: z.number().int() }),
    residenceClass: ResidenceClass.nullable(),
    cancelReason: z.string().nullable(),
    bookedAt: z.iso.datetime({ offset: true }).nullable(),
    cancelledAt: z.iso.datetime({ offset: true }).nullable(),
    heldAt: z.iso.datetime({ offset: true }).nullable(),
    registryNoticeSentAt: z.iso.datetime({ offset: true }).nullable(),
    anonymisedAt: z.iso.datetime({ offset: true }).nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    /** Whether a private link was given (only the tokens' SHA-256 are stored; they are not exported). */
    privateLink: z.boolean(),
  }),
  /** The booking's audit trail, oldest first. */
  audit: z.array(AuditTrailEntry),
});
export type WeddingBookingExport = z.infer<typeof WeddingBookingExport>;

const year = z.coerce
  .number({ error: 'Ugyldig år.' })
  .int('Ugyldig år.')
  .min(2000, 'Ugyldig år.')
  .max(2100, 'Ugyldig år.');

export const WeddingStatisticsQuery = z.strictObject({ year });
export type WeddingStatisticsQuery = z.infer<typeof WeddingStatisticsQuery>;
export const WeddingStatisticsCsvQuery = z.strictObject({ year, lang: WeddingLocale.default('nb') });
export type WeddingStatisticsCsvQuery = z.infer<typeof WeddingStatisticsCsvQuery>;

/** Ceremonies by their start (Oslo time): all made, and by what became of them. Holds are not counted. */
export const WeddingCounts = z.object({
  total: z.number().int(),
  held: z.number().int(),
  /** Still booked: ahead, or not (yet) marked held. */
  booked: z.number().int(),
  cancelled: z.number().int(),
});
export type WeddingCounts = z.infer<typeof WeddingCounts>;

export const WeddingStatistics = z.object({
  year: z.number().int(),
  totals: WeddingCounts,
  /** All twelve months, 1–12. */
  months: z.array(WeddingCounts.extend({ month: z.number().int().min(1).max(12) })),
  places: z.array(WeddingCounts.extend({ placeId: z.uuid(), name: z.string() })),
  /** `officiantId` null: no officiant assigned. */
  officiants: z.array(WeddingCounts.extend({ officiantId: z.uuid().nullable(), name: z.string().nullable() })),
  residence: z.array(WeddingCounts.extend({ residenceClass: ResidenceClass })),
});
export type WeddingStatistics = z.infer<typeof WeddingStatistics>;
