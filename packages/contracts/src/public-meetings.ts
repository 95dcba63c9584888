import { z } from 'zod';
import { DocumentSummary } from './documents.js';
import { AgendaItem, Meeting } from './meetings.js';

/**
 * The public meeting calendar (politisk møtekalender), under /api/public/<municipality>/. Only
 * published meetings of open bodies; closed items and exempt cases show number, "Unntatt
 * offentlighet" and the legal ground; exempt documents are not listed at all.
 */

/**
 * GET meetings?year=&bodyId=: without a year the upcoming meetings (soonest first); with a year
 * that year's meetings (in Norway), past ones too, in time order: the archive.
 */
export const PublicMeetingQuery = z.strictObject({
  year: z.coerce.number({ error: 'Ugyldig år.' }).int('Ugyldig år.').min(2000, 'Ugyldig år.').max(2100, 'Ugyldig år.').optional(),
  bodyId: z.uuid({ error: 'Ugyldig id: forventet en UUID.' }).optional(),
});
export type PublicMeetingQuery = z.infer<typeof PublicMeetingQuery>;

/** GET meetings/years: the years that have published meetings, newest first (for the archive). */
export const PublicMeetingYearsResponse = z.object({ years: z.array(z.number().int()) });
export type PublicMeetingYearsResponse = z.infer<typeof PublicMeetingYearsResponse>;

/**
 * GET meetings/:id/items/:itemId: one item of a published meeting with its case presentation
 * (saksframlegg) and the case's public documents. A closed item or exempt case has `item.case`
 * null, a neutral title and no documents.
 */
export const PublicAgendaItemDetail = z.object({
  meeting: Meeting,
  item: AgendaItem,
  documents: z.array(DocumentSummary),
});
export type PublicAgendaItemDetail = z.infer<typeof PublicAgendaItemDetail>;

/** Where an open case stands on the agendas of published meetings (for search hits on a case). */
export const PublicCaseItem = z.object({
  meetingId: z.uuid(),
  itemId: z.uuid(),
  /** "PS 12/25". */
  number: z.string(),
  bodyName: z.string(),
  startsAt: z.string(),
});
export type PublicCaseItem = z.infer<typeof PublicCaseItem>;

/** GET cases/:id/items: newest meeting first; empty for an exempt case or a closed item. */
export const PublicCaseItemsResponse = z.object({ items: z.array(PublicCaseItem) });
export type PublicCaseItemsResponse = z.infer<typeof PublicCaseItemsResponse>;

/** One step of a case's path through bodies (saksgang): a published agenda item of an open body. */
export const PublicCaseStep = z.object({
  meetingId: z.uuid(),
  itemId: z.uuid(),
  bodyName: z.string(),
  startsAt: z.string(),
  /** "PS 12/25". */
  number: z.string(),
  /** The body's recommendation (innstilling) when it passed the case on; '' if none. */
  recommendation: z.string(),
  /** The decision (vedtak) once made; '' before the meeting, or when the decision is exempt. */
  decision: z.string(),
});
export type PublicCaseStep = z.infer<typeof PublicCaseStep>;

/** GET cases/:id: an open case on a published agenda, its public documents and its saksgang (oldest meeting first). */
export const PublicCaseDetail = z.object({
  id: z.uuid(),
  title: z.string(),
  archiveReference: z.string(),
  summary: z.string(),
  documents: z.array(DocumentSummary),
  steps: z.array(PublicCaseStep),
});
export type PublicCaseDetail = z.infer<typeof PublicCaseDetail>;
