import { z } from 'zod';
import { MunicipalitySlugParams } from './municipalities.js';

/**
 * Outreach voting (ambulerende stemmegivning): institutions and voting sessions there, home-voting
 * applications, daily routes of two officials, and the marks made on a phone during the visits.
 */

export const OUTREACH_LOCALES = ['nb', 'nn', 'en'] as const;
export const OutreachLocale = z.enum(OUTREACH_LOCALES);
export type OutreachLocale = z.infer<typeof OutreachLocale>;

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Klokkeslett som TT:MM.');
const Postcode = z.string().regex(/^\d{4}$/, 'Postnummer har fire siffer.');
const Phone = z.string().trim().regex(/^\+?[\d ]{8,16}$/, 'Skriv et telefonnummer med 8 siffer (eller +47 …).');
const Text = (max: number, min = 1) => z.string().trim().min(min, 'Må fylles ut.').max(max);

export const INSTITUTION_KINDS = ['care_home', 'hospital', 'prison'] as const;
export const InstitutionKind = z.enum(INSTITUTION_KINDS);
export type InstitutionKind = z.infer<typeof InstitutionKind>;

export const InstitutionInput = z.strictObject({
  kind: InstitutionKind,
  name: Text(200),
  address: Text(300),
  postcode: Postcode,
  contactName: Text(200),
  contactEmail: z.email('Ugyldig e-postadresse.').max(254),
  contactPhone: Phone,
  /** The language of the e-mails to the institution. */
  locale: OutreachLocale.default('nb'),
});
export type InstitutionInput = z.infer<typeof InstitutionInput>;

export const Institution = z.object({
  id: z.uuid(),
  kind: InstitutionKind,
  name: z.string(),
  address: z.string(),
  postcode: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  locale: OutreachLocale,
});
export type Institution = z.infer<typeof Institution>;

export const Official = z.object({ id: z.uuid(), name: z.string() });
export type Official = z.infer<typeof Official>;

const TwoOfficials = z
  .array(z.uuid())
  .length(2, 'Velg to stemmemottakere.')
  .refine((ids) => ids[0] !== ids[1], 'Velg to forskjellige stemmemottakere.');

export const SessionInput = z
  .strictObject({
    institutionId: z.uuid(),
    date: z.iso.date({ error: 'Ugyldig dato: bruk ÅÅÅÅ-MM-DD.' }),
    from: Time,
    to: Time,
    officials: TwoOfficials,
    /** Queue the e-mail announcing the session to the institution's contact. */
    announce: z.boolean().default(true),
  })
  .refine((s) => s.from < s.to, { message: 'Sluttiden må være etter starttiden.', path: ['to'] });
export type SessionInput = z.infer<typeof SessionInput>;

export const Session = z.object({
  id: z.uuid(),
  electionId: z.uuid(),
  institution: Institution,
  date: z.string(),
  from: z.string(),
  to: z.string(),
  officials: z.array(Official),
  announcedAt: z.string().nullable(),
});
export type Session = z.infer<typeof Session>;

export const APPLICATION_STATUSES = ['received', 'approved', 'visited', 'voted', 'not_at_home', 'refused', 'withdrawn'] as const;
export const ApplicationStatus = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

export const APPLICATION_CHANNELS = ['phone', 'web'] as const;
export type ApplicationChannel = (typeof APPLICATION_CHANNELS)[number];

const ApplicationFields = {
  personalNumber: z.string().trim().regex(/^\d{11}$/, 'Fødselsnummer har 11 siffer.'),
  name: Text(200),
  address: Text(300),
  postcode: Postcode,
  phone: Phone,
  /** Why the voter cannot come (health-related): seen only by election staff. */
  reason: Text(500),
  /** Who applied on the voter's behalf, if someone did. */
  appliedBy: z.string().trim().max(200).nullable().default(null),
};

/** Staff entering an application from a phone call. */
export const ApplicationInput = z.strictObject(ApplicationFields);
export type ApplicationInput = z.infer<typeof ApplicationInput>;

/** The public form /stemme-hjemme. */
export const PublicApplicationInput = z.strictObject({
  electionId: z.uuid(),
  ...ApplicationFields,
  consent: z.literal(true, { error: 'Bekreft at opplysningene kan brukes til å planlegge besøket.' }),
});
export type PublicApplicationInput = z.infer<typeof PublicApplicationInput>;

export const PublicApplicationReceipt = z.object({ reference: z.string(), message: z.string() });
export type PublicApplicationReceipt = z.infer<typeof PublicApplicationReceipt>;

export const PublicOutreachElection = z.object({
  id: z.uuid(),
  name: z.string(),
  electionDay: z.string(),
  applicationDeadline: z.string(),
  open: z.boolean(),
});
export const PublicOutreachInfo = z.object({ municipality: z.string(), elections: z.array(PublicOutreachElection) });
export type PublicOutreachInfo = z.infer<typeof PublicOutreachInfo>;
export const PublicOutreachParams = MunicipalitySlugParams;

export const Application = z.object({
  id: z.uuid(),
  electionId: z.uuid(),
  reference: z.string(),
  personalNumberMasked: z.string(),
  name: z.string(),
  address: z.string(),
  postcode: z.string(),
  phone: z.string(),
  appliedBy: z.string().nullable(),
  channel: z.enum(APPLICATION_CHANNELS),
  status: ApplicationStatus,
  /** Null for those who may not see it (anyone but election staff and admin). */
  reason: z.string().nullable(),
  receivedAt: z.string(),
  /** The open route the voter is on, if any. */
  routeId: z.uuid().nullable(),
});
export type Application = z.infer<typeof Application>;

export const ApplicationList = z.object({ items: z.array(Application) });
export type ApplicationList = z.infer<typeof ApplicationList>;

export const ApplicationTransitionInput = z.strictObject({ status: ApplicationStatus });
export type ApplicationTransitionInput = z.infer<typeof ApplicationTransitionInput>;

export const OutreachSettings = z.object({
  electionId: z.uuid(),
  /** The last moment an application is accepted (ISO, with offset). */
  applicationDeadline: z.string(),
  /** The law's default (Tuesday of the last week before election day, end of day). */
  defaultDeadline: z.string(),
  /** The range valgstyret may choose from (old valgloven § 8-3 (6)): Tuesday–Friday of that week. */
  earliest: z.string(),
  latest: z.string(),
});
export type OutreachSettings = z.infer<typeof OutreachSettings>;

export const OutreachSettingsInput = z.strictObject({
  /** The last day an application is accepted (until 23:59 Norwegian time). */
  deadlineDate: z.iso.date({ error: 'Ugyldig dato: bruk ÅÅÅÅ-MM-DD.' }),
});
export type OutreachSettingsInput = z.infer<typeof OutreachSettingsInput>;

export const PlanQuery = z.strictObject({ date: z.iso.date({ error: 'Ugyldig dato: bruk ÅÅÅÅ-MM-DD.' }) });
export type PlanQuery = z.infer<typeof PlanQuery>;

export const PlanGroup = z.object({
  area: z.string(),
  /** Why the stops are in this order (shown to staff). */
  explanation: z.string(),
  applications: z.array(Application),
});
export const RoutePlan = z.object({ date: z.string(), groups: z.array(PlanGroup) });
export type RoutePlan = z.infer<typeof RoutePlan>;

export const RouteInput = z.strictObject({
  date: z.iso.date({ error: 'Ugyldig dato: bruk ÅÅÅÅ-MM-DD.' }),
  start: Time,
  /** Length of each visit's time window, travel included. */
  minutesPerVisit: z.number().int().min(10).max(180).default(30),
  officials: TwoOfficials,
  /** The applications in visiting order. */
  applicationIds: z.array(z.uuid()).min(1, 'Velg minst én velger.').max(30),
});
export type RouteInput = z.infer<typeof RouteInput>;

export const RouteOrderInput = z.strictObject({ stopIds: z.array(z.uuid()).min(1) });
export type RouteOrderInput = z.infer<typeof RouteOrderInput>;

export const VISIT_OUTCOMES = ['voted', 'not_at_home', 'refused'] as const;
export const VisitOutcome = z.enum(VISIT_OUTCOMES);
export type VisitOutcome = z.infer<typeof VisitOutcome>;

export const RouteStop = z.object({
  id: z.uuid(),
  position: z.number().int(),
  applicationId: z.uuid(),
  name: z.string(),
  address: z.string(),
  postcode: z.string(),
  phone: z.string(),
  windowFrom: z.string(),
  windowTo: z.string(),
  outcome: VisitOutcome.nullable(),
  markedAt: z.string().nullable(),
  /** The message from the vote's registration (ballot box or envelope), when voted. */
  voteMessage: z.string().nullable(),
});
export type RouteStop = z.infer<typeof RouteStop>;

export const Route = z.object({
  id: z.uuid(),
  electionId: z.uuid(),
  date: z.string(),
  area: z.string(),
  officials: z.array(Official),
  stops: z.array(RouteStop),
});
export type Route = z.infer<typeof Route>;
export const RouteList = z.object({ items: z.array(Route) });
export type RouteList = z.infer<typeof RouteList>;

/** One mark made on the phone; clientId is made on the phone once, so a replay is recognised. */
export const VisitMarkInput = z.strictObject({
  clientId: z.uuid(),
  stopId: z.uuid(),
  outcome: VisitOutcome,
  /** When the official marked it (the phone's clock; the vote's time is when the server receives it). */
  markedAt: z.iso.datetime({ offset: true }),
  identityDoubt: z.boolean().default(false),
  envelopeSerial: z.string().trim().max(40).nullable().default(null),
});
export type VisitMarkInput = z.infer<typeof VisitMarkInput>;

export const VisitMarkResult = z.object({
  clientId: z.uuid(),
  stopId: z.uuid(),
  outcome: VisitOutcome,
  voteId: z.uuid().nullable(),
  voteStatus: z.string().nullable(),
  message: z.string(),
  /** True when this mark had been received before (a replay): nothing new was written. */
  replayed: z.boolean(),
});
export type VisitMarkResult = z.infer<typeof VisitMarkResult>;

/** A vote received at an institution's session (the counter's rules, kind "institution"). */
export const SessionVoteInput = z.strictObject({
  clientId: z.uuid(),
  personalNumber: z.string().trim().regex(/^\d{11}$/, 'Fødselsnummer har 11 siffer.'),
  identityDoubt: z.boolean().default(false),
  envelopeSerial: z.string().trim().max(40).nullable().default(null),
});
export type SessionVoteInput = z.infer<typeof SessionVoteInput>;

export const ApplicationListQuery = z.strictObject({ status: ApplicationStatus.optional() });
export type ApplicationListQuery = z.infer<typeof ApplicationListQuery>;
export const RouteListQuery = z.strictObject({ date: z.iso.date().optional() });
export type RouteListQuery = z.infer<typeof RouteListQuery>;

/** One application in a plan's group (an Application). */
export type PlanGroupItem = Application;
