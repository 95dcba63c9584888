import { z } from 'zod';
import { MunicipalitySlugParams } from './municipalities.js';

/**
 * Absence (forfall) and disqualification (inhabilitet) of members, and substitutes called in
 * (innkalling av varamedlem, koml. § 7-10). See docs/attendance.md.
 */

/** `absent`: forfall for the whole meeting; `disqualified`: inhabil in one item (fvl. § 6, koml. § 11-10). */
export const ABSENCE_KINDS = ['absent', 'disqualified'] as const;
export const AbsenceKind = z.enum(ABSENCE_KINDS);
export type AbsenceKind = z.infer<typeof AbsenceKind>;

/** How the absence reached us: the secretariat, the member signed in, or the member's link in the notice e-mail. */
export const ABSENCE_SOURCES = ['secretariat', 'self', 'link'] as const;
export const AbsenceSource = z.enum(ABSENCE_SOURCES);
export type AbsenceSource = z.infer<typeof AbsenceSource>;

export const SUMMONS_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export const SummonsStatus = z.enum(SUMMONS_STATUSES);
export type SummonsStatus = z.infer<typeof SummonsStatus>;

const uuid = z.uuid({ error: 'Ugyldig id: forventet en UUID.' });

/** Hours a substitute has to answer; never past the start of the meeting. */
export const DEFAULT_SUMMONS_HOURS = 24;

const absenceFields = {
  /** Null: the whole meeting (forfall). An item: disqualified (inhabil) in that item. */
  agendaItemId: uuid.nullable().default(null),
  reason: z.string().trim().max(1000).default(''),
};
const reasonForItem = <T extends { agendaItemId: string | null; reason: string }>(a: T) => a.agendaItemId === null || a.reason.length > 0;
const reasonMessage = { path: ['reason'], message: 'Oppgi grunnen til inhabiliteten.' };

/** POST /api/meetings/:id/absences (the secretariat, for any member). */
export const AbsenceInput = z
  .strictObject({
    personId: uuid,
    ...absenceFields,
    /** How long each substitute has to answer, in hours (default 24). */
    deadlineHours: z.number().int().min(1).max(336).default(DEFAULT_SUMMONS_HOURS),
  })
  .refine(reasonForItem, reasonMessage);
export type AbsenceInput = z.infer<typeof AbsenceInput>;

/** POST /api/meetings/:id/my-absence (an official) and POST /api/public/:m/absence-links/:token (the notice link). */
export const OwnAbsenceInput = z.strictObject(absenceFields).refine(reasonForItem, reasonMessage);
export type OwnAbsenceInput = z.infer<typeof OwnAbsenceInput>;

export const Summons = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  /** The list (party) the substitute was elected from, or the common list. */
  list: z.string(),
  rank: z.number().int(),
  status: SummonsStatus,
  deadline: z.string(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Summons = z.infer<typeof Summons>;

export const Absence = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  kind: AbsenceKind,
  agendaItemId: z.uuid().nullable(),
  /** "PS 12/25" for a disqualification. */
  agendaItemNumber: z.string().nullable(),
  reason: z.string(),
  source: AbsenceSource,
  reportedBy: z.string(),
  reportedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  deadlineHours: z.number().int(),
  /** Every substitute asked, first first. */
  summonses: z.array(Summons),
  /** Why no one (more) is asked, when the list is exhausted; else null. */
  exhausted: z.string().nullable(),
});
export type Absence = z.infer<typeof Absence>;
export const AbsenceListResponse = z.object({ items: z.array(Absence) });
export type AbsenceListResponse = z.infer<typeof AbsenceListResponse>;

/** One seat of the body on the meeting day, for the secretariat before the meeting. */
export const SeatState = z.object({
  membershipId: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  party: z.string().nullable(),
  /** present: expected to attend; absent: forfall for the meeting; on_leave: permisjon or fritak that day. */
  state: z.enum(['present', 'absent', 'on_leave']),
  /** The absence for the whole meeting and any disqualifications, with the substitutes asked. */
  absences: z.array(Absence),
});
export type SeatState = z.infer<typeof SeatState>;

export const MeetingSeats = z.object({
  meetingId: z.uuid(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  startsAt: z.string(),
  status: z.string(),
  /** The agenda, for disqualifications (titles as the members see them). */
  items: z.array(z.object({ id: z.uuid(), number: z.string(), title: z.string() })),
  seats: z.array(SeatState),
  /** Substitutes who have accepted (called-in members of this meeting). */
  calledIn: z.array(z.object({ personId: z.uuid(), name: z.string(), forPersonId: z.uuid(), forName: z.string(), agendaItemNumber: z.string().nullable() })),
  /** Seats with an absence and no one who has accepted or been asked: the list is exhausted. */
  emptySeats: z.number().int(),
});
export type MeetingSeats = z.infer<typeof MeetingSeats>;

export const TokenParams = MunicipalitySlugParams.extend({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'Ugyldig lenke.'),
});
export type TokenParams = z.infer<typeof TokenParams>;

const publicMeeting = z.object({
  bodyName: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string(),
  remote: z.boolean(),
});

/** GET /api/public/:municipality/summons/:token: what a substitute sees from the link in the e-mail. */
export const PublicSummons = z.object({
  substituteName: z.string(),
  /** The member who cannot attend. */
  replaces: z.string(),
  /** The item, for a disqualification; null for the whole meeting. */
  agendaItem: z.object({ number: z.string(), title: z.string() }).nullable(),
  meeting: publicMeeting,
  status: SummonsStatus,
  deadline: z.string(),
  /** True when the deadline has passed while the summons is still pending. */
  pastDeadline: z.boolean(),
});
export type PublicSummons = z.infer<typeof PublicSummons>;

/** GET /api/public/:municipality/absence-links/:token: the member's own link from the notice e-mail. */
export const PublicAbsenceLink = z.object({
  memberName: z.string(),
  meeting: publicMeeting,
  /** Titles without exempt information. */
  items: z.array(z.object({ id: z.uuid(), number: z.string(), title: z.string() })),
  /** What the member has already reported for the meeting. */
  reported: z.array(z.object({ kind: AbsenceKind, agendaItemNumber: z.string().nullable(), reportedAt: z.string() })),
  /** False once the meeting has started or been held. */
  open: z.boolean(),
});
export type PublicAbsenceLink = z.infer<typeof PublicAbsenceLink>;

/** The answer to a report through the link: the absence as far as the member may see it. */
export const AbsenceReceipt = z.object({
  kind: AbsenceKind,
  agendaItemNumber: z.string().nullable(),
  reportedAt: z.string(),
  /** Whether a substitute has been asked (the member is not told who). */
  substituteAsked: z.boolean(),
});
export type AbsenceReceipt = z.infer<typeof AbsenceReceipt>;

/** POST /api/summonses/:id/answer: the secretariat records an answer given by phone or in person. */
export const SummonsAnswerInput = z.strictObject({ answer: z.enum(['accept', 'decline']) });
export type SummonsAnswerInput = z.infer<typeof SummonsAnswerInput>;
