import { z } from 'zod';

/** Meetings, cases and agendas (issue 5, first slice). */

export const MEETING_STATUSES = ['planned', 'notice_sent', 'held', 'minutes_approved'] as const;
export const MeetingStatus = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/** PS politisk sak, RS referatsak, OS orienteringssak, DS delegert sak, SP spørsmål, IP interpellasjon. */
export const AGENDA_ITEM_TYPES = ['PS', 'RS', 'OS', 'DS', 'SP', 'IP'] as const;
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
  /** Set once the meeting is cancelled (avlyst): when and why; shown on the public pages too. */
  cancellation: z.object({ at: z.string(), reason: z.string() }).nullable().optional(),
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
    /** Who asks, for questions (SP) and interpellations (IP): a person in the register. */
    askerPersonId: z.uuid({ error: 'Ugyldig id: forventet en UUID.' }).nullable().default(null),
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
  /** The body's own recommendation (innstilling) on the item; '' when none (or hidden). */
  recommendation: z.string(),
  /** The decision (vedtak), written after the meeting; '' when none (or hidden). */
  decision: z.string(),
  /** Who asks (SP/IP items). */
  askerPersonId: z.uuid().nullable(),
  askerName: z.string().nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const MeetingDetail = Meeting.extend({ items: z.array(AgendaItem) });
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const AgendaOrderInput = z.strictObject({ itemIds: z.array(z.uuid({ error: 'Ugyldig id: forventet en UUID.' })).max(1000) });
export type AgendaOrderInput = z.infer<typeof AgendaOrderInput>;

/** An item whose place among the published numbers moved: its number keeps, its position changes. */
export const AgendaMove = z.object({ number: z.string(), from: z.number().int(), to: z.number().int() });
export type AgendaMove = z.infer<typeof AgendaMove>;
/**
 * A reorder after the notice keeps the published numbers (never reused), so the order members were
 * given changes: the warning names the items that moved.
 */
export const AgendaOrderWarning = z.object({ code: z.literal('AGENDA_ORDER_CHANGED_AFTER_NOTICE'), message: z.string(), moved: z.array(AgendaMove) });
export type AgendaOrderWarning = z.infer<typeof AgendaOrderWarning>;
export const AgendaOrderResult = MeetingDetail.extend({ warning: AgendaOrderWarning.nullable() });
export type AgendaOrderResult = z.infer<typeof AgendaOrderResult>;

export const ClosedItemInput = z.strictObject({
  closed: z.boolean(),
  /** Required when closed (koml. § 11-5, with the hjemmel recorded). */
  legalGround: legalGroundCode.nullable().default(null),
});
export type ClosedItemInput = z.infer<typeof ClosedItemInput>;

// --- Meeting plan, status, annual plan ---------------------------------------------------

/** PUT /api/meetings/:id: the same fields as when planning. Not after the minutes are approved. */
export const MeetingUpdateInput = MeetingInput;
export type MeetingUpdateInput = z.infer<typeof MeetingUpdateInput>;

/**
 * POST /api/meetings/:id/status: notice_sent → held → minutes_approved (one step at a time;
 * planned → notice_sent is POST /api/meetings/:id/publish).
 */
export const MeetingStatusInput = z.strictObject({ status: MeetingStatus });
export type MeetingStatusInput = z.infer<typeof MeetingStatusInput>;

/**
 * POST /api/meetings/:id/cancel: the meeting is cancelled (avlyst) with a reason, before it is held.
 * It keeps its status, agenda and history; it can no longer be noticed, held or changed. The members
 * are told by e-mail when the notice had gone out.
 */
export const MeetingCancelInput = z.strictObject({
  reason: z.string().trim().min(1, 'Skriv hvorfor møtet avlyses.').max(1000, 'Begrunnelsen kan være høyst 1000 tegn.'),
});
export type MeetingCancelInput = z.infer<typeof MeetingCancelInput>;

/** GET /api/meetings?year=YYYY[&bodyId=]: the annual meeting plan (møteplan). */
export const MeetingPlanQuery = z.strictObject({
  year: z.coerce.number({ error: 'Ugyldig år.' }).int('Ugyldig år.').min(2000, 'Ugyldig år.').max(2100, 'Ugyldig år.'),
  bodyId: z.uuid({ error: 'Ugyldig id: forventet en UUID.' }).optional(),
});
export type MeetingPlanQuery = z.infer<typeof MeetingPlanQuery>;

export const MeetingPlanEntry = Meeting.extend({ itemCount: z.number().int() });
export type MeetingPlanEntry = z.infer<typeof MeetingPlanEntry>;
/** Also the response of GET /api/meetings/upcoming-for-me (the caller's bodies, next 12 months). */
export const MeetingPlanResponse = z.object({ items: z.array(MeetingPlanEntry) });
export type MeetingPlanResponse = z.infer<typeof MeetingPlanResponse>;

// --- Cases: search, edit, saksgang -------------------------------------------------------

/** GET /api/cases?q=&limit=: by archive reference or title, newest first. */
export const CaseQuery = z.strictObject({
  q: z.string().trim().max(200).default(''),
  limit: z.coerce.number({ error: 'Ugyldig antall.' }).int('Ugyldig antall.').min(1, 'Ugyldig antall.').max(100, 'Ugyldig antall.').default(20),
});
export type CaseQuery = z.infer<typeof CaseQuery>;

export const CaseSummary = z.object({
  id: z.uuid(),
  archiveReference: z.string(),
  title: z.string(),
  caseOfficer: z.string(),
  public: z.boolean(),
  legalGround: z.string().nullable(),
  citation: z.string().nullable(),
  createdAt: z.string(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;
export const CaseListResponse = z.object({ items: z.array(CaseSummary) });
export type CaseListResponse = z.infer<typeof CaseListResponse>;

/** PUT /api/cases/:id: the whole case presentation, as when creating. */
export const CaseUpdateInput = CaseInput;
export type CaseUpdateInput = z.infer<typeof CaseUpdateInput>;

/** One step of a case's way through the bodies (saksgang), in meeting order. */
export const SaksgangEntry = z.object({
  itemId: z.uuid(),
  meetingId: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  meetingStartsAt: z.string(),
  meetingStatus: MeetingStatus,
  /** "PS 12/25". */
  number: z.string(),
  closed: z.boolean(),
  /** The body's recommendation (innstilling) and its decision (vedtak); '' when none. */
  recommendation: z.string(),
  decision: z.string(),
});
export type SaksgangEntry = z.infer<typeof SaksgangEntry>;
export const SaksgangResponse = z.object({ items: z.array(SaksgangEntry) });
export type SaksgangResponse = z.infer<typeof SaksgangResponse>;

/** GET /api/cases/:id: the case with its saksgang. */
export const CaseDetail = Case.extend({ saksgang: z.array(SaksgangEntry) });
export type CaseDetail = z.infer<typeof CaseDetail>;

// --- Agenda items: edit ------------------------------------------------------------------

/**
 * PUT /api/agenda-items/:id: only the fields sent change. `title` only for items without a case;
 * `decision` once the meeting is held; the rest until the minutes are approved.
 */
export const AgendaItemUpdateInput = z
  .strictObject({
    title: z.string().trim().min(1, 'Tittel mangler.').max(300).optional(),
    videoStartSeconds: z.number().int('Bruk hele sekunder.').min(0, 'Kan ikke være negativ.').max(86400).nullable().optional(),
    recommendation: z.string().max(50000).optional(),
    decision: z.string().max(50000).optional(),
    askerPersonId: z.uuid({ error: 'Ugyldig id: forventet en UUID.' }).nullable().optional(),
  })
  .refine((i) => Object.keys(i).length > 0, { message: 'Ingenting å endre.' });
export type AgendaItemUpdateInput = z.infer<typeof AgendaItemUpdateInput>;

// --- Calendar feed for an official ------------------------------------------------------

/**
 * POST /api/me/calendar-link: makes (or replaces) the caller's secret calendar address. The old
 * address stops working. `url` is relative to the site: /api/public/calendar/<token>.ics.
 */
export const CalendarLinkResponse = z.object({ url: z.string(), createdAt: z.string() });
export type CalendarLinkResponse = z.infer<typeof CalendarLinkResponse>;

/**
 * POST /api/meetings/:id/notice/resend: e-mails the changed notice (endret møteinnkalling) to the
 * members and to substitutes with an accepted summons, with the secretariat's short message at the top.
 * Only while the status is notice_sent. Answers 202 with the meeting; the mail goes in a job.
 */
export const NoticeResendInput = z.strictObject({
  message: z.string({ error: 'Meldingen må være tekst.' }).trim().max(1000, 'Meldingen kan være på høyst 1000 tegn.').default(''),
});
export type NoticeResendInput = z.infer<typeof NoticeResendInput>;
