import { z } from 'zod';

/** Meetings, cases and agendas (issue 5, first slice). */

export const MEETING_STATUSES = ['planned', 'notice_sent', 'held', 'minutes_approved'] as const;
export const MeetingStatus = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/** PS politisk sak, RS referatsak, OS orienteringssak, DS delegert sak. */
export const AGENDA_ITEM_TYPES = ['PS', 'RS', 'OS', 'DS'] as const;
export const AgendaItemType = z.enum(AGENDA_ITEM_TYPES);
export type AgendaItemType = z.infer<typeof AgendaItemType>;

const instant = z.iso.datetime({ offset: true, error: 'Ugyldig tidspunkt: bruk ÅÅÅÅ-MM-DDTTT:MM med tidssone.' });
const legalGroundCode = z.string().trim().min(1).max(40);

export const MeetingInput = z
  .strictObject({
    startsAt: instant,
    endsAt: instant.nullable().default(null),
    place: z.string().trim().max(300).default(''),
    /** Fjernmøte (koml. § 11-7). */
    remote: z.boolean().default(false),
    videoUrl: z.url({ protocol: /^https$/, error: 'Ugyldig lenke: bruk https://.' }).max(500).nullable().default(null),
  })
  .refine((m) => !m.endsAt || Date.parse(m.endsAt) > Date.parse(m.startsAt), { path: ['endsAt'], message: 'Møtet må slutte etter at det begynner.' })
  .refine((m) => m.remote || m.place.length > 0, { path: ['place'], message: 'Oppgi møtested, eller merk møtet som fjernmøte.' });
export type MeetingInput = z.infer<typeof MeetingInput>;

export const Meeting = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string(),
  remote: z.boolean(),
  status: MeetingStatus,
  videoUrl: z.string().nullable(),
});
export type Meeting = z.infer<typeof Meeting>;
export const MeetingListResponse = z.object({ items: z.array(Meeting) });
export type MeetingListResponse = z.infer<typeof MeetingListResponse>;

export const CaseInput = z.strictObject({
  /** Arkivsak, "25/1234" or "2025/1234". */
  archiveReference: z.string().trim().min(1, 'Arkivsaksnummer mangler.').max(20),
  title: z.string().trim().min(1, 'Tittel mangler.').max(300),
  caseOfficer: z.string().trim().max(200).default(''),
  summary: z.string().max(20000).default(''),
  background: z.string().max(100000).default(''),
  assessment: z.string().max(100000).default(''),
  /** Innstilling: the administration's recommendation. */
  recommendation: z.string().max(50000).default(''),
  public: z.boolean().default(true),
  /** Required when the case is exempt (offentleglova): a code from the list of legal grounds. */
  legalGround: legalGroundCode.nullable().default(null),
});
export type CaseInput = z.infer<typeof CaseInput>;

export const Case = z.object({
  id: z.uuid(),
  archiveReference: z.string(),
  title: z.string(),
  caseOfficer: z.string(),
  summary: z.string(),
  background: z.string(),
  assessment: z.string(),
  recommendation: z.string(),
  public: z.boolean(),
  legalGround: z.string().nullable(),
  citation: z.string().nullable(),
});
export type Case = z.infer<typeof Case>;

export const AgendaItemInput = z
  .strictObject({
    caseId: z.uuid({ error: 'Ugyldig id: forventet en UUID.' }).nullable().default(null),
    type: AgendaItemType.default('PS'),
    /** For items without a case (orientations, references). */
    title: z.string().trim().min(1).max(300).nullable().default(null),
  })
  .refine((i) => i.caseId !== null || i.title !== null, { path: ['title'], message: 'Velg en sak eller skriv en tittel.' });
export type AgendaItemInput = z.infer<typeof AgendaItemInput>;

export const AgendaItem = z.object({
  id: z.uuid(),
  type: AgendaItemType,
  /** "PS 12/25". */
  number: z.string(),
  position: z.number().int(),
  /** "Unntatt offentlighet" for the public when the item is closed or its case exempt. */
  title: z.string(),
  closed: z.boolean(),
  legalGround: z.string().nullable(),
  citation: z.string().nullable(),
  videoStartSeconds: z.number().int().nullable(),
  /** Null for items without a case, and for the public on closed items. */
  case: Case.nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const MeetingDetail = Meeting.extend({ items: z.array(AgendaItem) });
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const AgendaOrderInput = z.strictObject({ itemIds: z.array(z.uuid({ error: 'Ugyldig id: forventet en UUID.' })).max(1000) });
export type AgendaOrderInput = z.infer<typeof AgendaOrderInput>;

export const ClosedItemInput = z.strictObject({
  closed: z.boolean(),
  /** Required when closed (koml. § 11-5, with the hjemmel recorded). */
  legalGround: legalGroundCode.nullable().default(null),
});
export type ClosedItemInput = z.infer<typeof ClosedItemInput>;
