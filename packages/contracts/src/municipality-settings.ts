import { z } from 'zod';
import { BODY_KINDS, BodyKind } from './bodies.js';
import { Meeting } from './meetings.js';

/**
 * The municipality's own rules (its reglement, koml. § 11-12) that the software applies: notice
 * periods, written standard, remote meetings (koml. § 11-7), protocol signatories, the time a
 * summoned substitute has to answer, and the name and coat of arms on documents (docs/settings.md).
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Teksten er for lang (høyst ${max} tegn).`)
    .refine((s) => !CONTROL.test(s), 'Teksten inneholder ugyldige tegn.');

/** Målform: bokmål or nynorsk, for documents and PDFs. */
export const WRITTEN_STANDARDS = ['nb', 'nn'] as const;
export const WrittenStandard = z.enum(WRITTEN_STANDARDS);
export type WrittenStandard = z.infer<typeof WrittenStandard>;

export const NOTICE_DAYS_MAX = 60;
export const SIGNATORIES_MIN = 1;
export const SIGNATORIES_MAX = 5;
export const SUBSTITUTE_ANSWER_HOURS_MAX = 168;
export const COAT_OF_ARMS_MAX_BYTES = 256 * 1024;
export const COAT_OF_ARMS_MAX_PIXELS = 1000;

/**
 * Defaults from domain.md § 1.4 (practice, unverified): the council 14 days, other bodies 7. The law
 * sets no number of days (koml. § 11-3), so these are the municipality's to change.
 */
export const DEFAULT_NOTICE_DAYS: Readonly<Record<BodyKind, number>> = Object.fromEntries(
  BODY_KINDS.map((kind) => [kind, kind === 'kommunestyre' ? 14 : 7]),
) as Record<BodyKind, number>;

const noticeDays = z
  .number({ error: 'Oppgi antall dager.' })
  .int('Oppgi et helt antall dager.')
  .min(0, 'Varselet kan ikke være negativt.')
  .max(NOTICE_DAYS_MAX, `Høyst ${NOTICE_DAYS_MAX} dager.`);

/** Every body type with its number of days; an unknown type is refused. */
export const NoticeDays = z.strictObject(
  Object.fromEntries(BODY_KINDS.map((kind) => [kind, noticeDays])) as Record<BodyKind, typeof noticeDays>,
);
export type NoticeDays = z.infer<typeof NoticeDays>;

const settingsFields = {
  noticeDays: NoticeDays,
  writtenStandard: WrittenStandard,
  /** Whether the council has decided that bodies may meet remotely (koml. § 11-7 first paragraph). */
  remoteMeetingsAllowed: z.boolean(),
  /** The council's decision that allows remote meetings, e.g. "PS 12/24"; free text. */
  remoteMeetingsDecision: text(200),
  protocolSignatories: z
    .number()
    .int('Oppgi et helt tall.')
    .min(SIGNATORIES_MIN, `Minst ${SIGNATORIES_MIN}.`)
    .max(SIGNATORIES_MAX, `Høyst ${SIGNATORIES_MAX}.`),
  substituteAnswerHours: z
    .number()
    .int('Oppgi hele timer.')
    .min(1, 'Minst én time.')
    .max(SUBSTITUTE_ANSWER_HOURS_MAX, `Høyst ${SUBSTITUTE_ANSWER_HOURS_MAX} timer.`),
  /** The name on documents, e.g. "Fjordvik kommune – Sekretariatet"; empty: the municipality's registered name. */
  documentName: text(200),
};

export const MunicipalitySettingsInput = z
  .strictObject(settingsFields)
  .refine((s) => !s.remoteMeetingsAllowed || s.remoteMeetingsDecision.length > 0, {
    path: ['remoteMeetingsDecision'],
    message: 'Oppgi kommunestyrets vedtak om fjernmøter (koml. § 11-7).',
  });
export type MunicipalitySettingsInput = z.infer<typeof MunicipalitySettingsInput>;

export const CoatOfArms = z.object({
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  updatedAt: z.iso.datetime({ offset: true }),
  /** The public address of the image. */
  url: z.string(),
});
export type CoatOfArms = z.infer<typeof CoatOfArms>;

export const MunicipalitySettings = z.object({
  ...settingsFields,
  /** The municipality's registered name, used when documentName is empty. */
  municipalityName: z.string(),
  coatOfArms: CoatOfArms.nullable(),
  /** When the settings were last saved; null while every value is the default. */
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type MunicipalitySettings = z.infer<typeof MunicipalitySettings>;

/** How the notice of a meeting stands against the body type's notice period. */
export const NoticeTimeliness = z.object({
  /** The body type's notice period (days) in the settings. */
  requiredDays: z.number().int(),
  /** Calendar days (Norwegian time) from the notice to the meeting day; the notice not yet sent: from today. */
  daysBefore: z.number().int(),
  late: z.boolean(),
  /** When the notice went out; null while not sent. */
  sentAt: z.iso.datetime({ offset: true }).nullable(),
});
export type NoticeTimeliness = z.infer<typeof NoticeTimeliness>;

export const NOTICE_WARNING_CODES = ['NOTICE_LATE'] as const;
export const NoticeWarning = z.object({
  code: z.enum(NOTICE_WARNING_CODES),
  daysBefore: z.number().int(),
  requiredDays: z.number().int(),
});
export type NoticeWarning = z.infer<typeof NoticeWarning>;

/** The answer to publishing a meeting: the meeting, and warnings (the notice went out late). */
export const PublishMeetingResponse = Meeting.extend({ warnings: z.array(NoticeWarning) });
export type PublishMeetingResponse = z.infer<typeof PublishMeetingResponse>;
