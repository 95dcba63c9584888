import { z } from 'zod';
import { DocumentSummary } from './documents.js';
import { AgendaItem, Meeting } from './meetings.js';

/**
 * The elected officials' reader (issue "Meetings, agendas and case documents", points 8–10):
 * the caller's meetings, a meeting's papers in reading order, read marks, personal annotations
 * with offline sync. All routes under /api/reader; officials and staff only.
 */

const uuid = z.uuid({ error: 'Ugyldig id: forventet en UUID.' });

/** Why the caller sees a meeting: a seat in the body, called in as substitute, or staff. */
export const READER_ACCESS = ['member', 'substitute', 'called_in', 'staff'] as const;
export const ReaderAccess = z.enum(READER_ACCESS);
export type ReaderAccess = z.infer<typeof ReaderAccess>;

// --- GET /api/reader/meetings ------------------------------------------------------------

export const ReaderMeetingSummary = Meeting.extend({
  access: ReaderAccess,
  itemCount: z.number().int(),
  /** Items the caller has not marked as read. */
  unreadItemCount: z.number().int(),
  /** Documents the caller may open. */
  documentCount: z.number().int(),
});
export type ReaderMeetingSummary = z.infer<typeof ReaderMeetingSummary>;

/**
 * The caller's meetings (status ≠ planned): `upcoming` (not yet started or today) earliest first,
 * then `recent` (the last 12 months) latest first.
 */
export const ReaderMeetingListResponse = z.object({
  upcoming: z.array(ReaderMeetingSummary),
  recent: z.array(ReaderMeetingSummary),
});
export type ReaderMeetingListResponse = z.infer<typeof ReaderMeetingListResponse>;

// --- GET /api/reader/meetings/:id --------------------------------------------------------

/**
 * A document as the reader shows it. When `withheld` (exempt and the caller has no access), the
 * title is "Unntatt offentlighet", filename/contentType are '' and size 0; only `legalGround`
 * and `citation` tell why. The bytes are at `/api/documents/:id/content` (PDF viewer).
 */
export const ReaderDocument = DocumentSummary.extend({
  withheld: z.boolean(),
  /** The caller's own annotations on the document (not the group's). */
  annotationCount: z.number().int(),
});
export type ReaderDocument = z.infer<typeof ReaderDocument>;

/**
 * An agenda item with its case presentation (`case`: summary, background, assessment,
 * recommendation) and documents. When `withheld`, `title` is "Unntatt offentlighet", `case` is
 * null and `documents` holds only placeholders; number, legal ground and citation remain.
 */
export const ReaderItem = AgendaItem.extend({
  withheld: z.boolean(),
  read: z.boolean(),
  /** The caller's own annotations on the item itself. */
  annotationCount: z.number().int(),
  documents: z.array(ReaderDocument),
});
export type ReaderItem = z.infer<typeof ReaderItem>;

/** GET /api/reader/items/:id: one item in full, with the meeting it is on. */
export const ReaderItemDetail = ReaderItem.extend({ meetingId: z.uuid() });
export type ReaderItemDetail = z.infer<typeof ReaderItemDetail>;

/**
 * An agenda item as the meeting's item list shows it: no case presentation and no document
 * details (those come per item from GET /api/reader/items/:id), so that a meeting of 100 items
 * stays small on a phone. `documentIds` are the documents the caller may open, to cache offline.
 */
export const ReaderItemSummary = AgendaItem.pick({
  id: true,
  type: true,
  number: true,
  position: true,
  title: true,
  closed: true,
  legalGround: true,
  citation: true,
}).extend({
  /** The item's case (search hits link to it); null without a case or when withheld. */
  caseId: z.uuid().nullable(),
  /** The case is exempt from public access (the caller may still read it). */
  exempt: z.boolean(),
  withheld: z.boolean(),
  read: z.boolean(),
  /** The caller's own annotations on the item and its documents. */
  annotationCount: z.number().int(),
  documentCount: z.number().int(),
  documentIds: z.array(z.uuid()),
});
export type ReaderItemSummary = z.infer<typeof ReaderItemSummary>;

export const ReaderMeetingDetail = Meeting.extend({
  access: ReaderAccess,
  /** Whether the caller may read this meeting's exempt papers (PaperAccess). */
  exemptAccess: z.boolean(),
  items: z.array(ReaderItemSummary),
});
export type ReaderMeetingDetail = z.infer<typeof ReaderMeetingDetail>;

// --- Read marks: PUT /api/reader/items/:id/read (one read state per item, documents included) ---

export const ReadMarkInput = z.strictObject({ read: z.boolean() });
export type ReadMarkInput = z.infer<typeof ReadMarkInput>;

export const ReadMarkResponse = z.object({
  targetId: z.uuid(),
  read: z.boolean(),
  /** When first marked read; null when unread. */
  readAt: z.string().nullable(),
});
export type ReadMarkResponse = z.infer<typeof ReadMarkResponse>;

// --- Annotations ---------------------------------------------------------------------------

/**
 * A highlighted area of a PDF page, as fractions of the page's width and height (0–1, from the
 * top left corner), so that it lands on the same words at any zoom.
 */
const fraction = z.number().min(0).max(1);
export const HighlightRect = z.strictObject({ x: fraction, y: fraction, w: fraction, h: fraction });
export type HighlightRect = z.infer<typeof HighlightRect>;

/** `private`: only the author; `group`: also officials of the author's party with access to the paper. */
export const ANNOTATION_SHARING = ['private', 'group'] as const;
export const AnnotationSharing = z.enum(ANNOTATION_SHARING);
export type AnnotationSharing = z.infer<typeof AnnotationSharing>;

/**
 * PUT /api/reader/annotations/:id — create or change (upsert). The client makes the id (UUID v4)
 * so it can create annotations offline. `baseVersion` is the server version the change was made
 * from (0 for a new annotation); `updatedAt` is the client's clock when the change was made.
 * Exactly one of `documentId` and `agendaItemId`; the target cannot change after creation.
 */
export const AnnotationUpsertInput = z
  .strictObject({
    documentId: uuid.nullable().default(null),
    agendaItemId: uuid.nullable().default(null),
    /** Page of the document the note belongs to (1-based), if any. */
    page: z.number().int('Bruk et helt sidetall.').min(1, 'Sidetallet må være minst 1.').max(100000).nullable().default(null),
    /** The selected text the note is anchored to; '' when none. */
    quote: z.string().max(5000, 'Sitatet er for langt.').default(''),
    text: z.string().max(20000, 'Notatet er for langt.'),
    shared: AnnotationSharing.default('private'),
    /** A highlight on the PDF page: the selected text's areas (empty for a plain note). */
    rects: z.array(HighlightRect).max(200, 'Utheving over for mange linjer.').default([]),
    baseVersion: z.number().int().min(0),
    updatedAt: z.iso.datetime({ offset: true, error: 'Ugyldig tidspunkt.' }),
  })
  .refine((a) => (a.documentId === null) !== (a.agendaItemId === null), {
    path: ['documentId'],
    message: 'Et notat hører til enten et dokument eller en sak på sakslisten.',
  })
  .refine((a) => a.rects.length === 0 || (a.documentId !== null && a.page !== null), {
    path: ['rects'],
    message: 'En utheving hører til en side i et dokument.',
  });
export type AnnotationUpsertInput = z.infer<typeof AnnotationUpsertInput>;

/** DELETE /api/reader/annotations/:id?baseVersion=n — a conflict (server newer) answers 409 too. */
export const AnnotationDeleteQuery = z.strictObject({
  baseVersion: z.coerce.number({ error: 'Ugyldig versjon.' }).int().min(0),
});
export type AnnotationDeleteQuery = z.infer<typeof AnnotationDeleteQuery>;

export const Annotation = z.object({
  id: z.uuid(),
  documentId: z.uuid().nullable(),
  agendaItemId: z.uuid().nullable(),
  page: z.number().int().nullable(),
  quote: z.string(),
  /** '' when deleted. */
  text: z.string(),
  shared: AnnotationSharing,
  /** The highlighted areas on `page` (empty for a plain note, and when deleted). */
  rects: z.array(HighlightRect),
  /** Whether the caller wrote it (only then may they change it). */
  mine: z.boolean(),
  authorName: z.string(),
  /** Increases by one with every accepted change; send it back as `baseVersion`. */
  version: z.number().int(),
  /** The author's clock at the last change. */
  updatedAt: z.string(),
  /** The server's clock at the last change. */
  savedAt: z.string(),
  /** A deleted annotation is kept as a tombstone so an old offline change cannot bring it back. */
  deleted: z.boolean(),
});
export type Annotation = z.infer<typeof Annotation>;

/**
 * GET /api/reader/documents/:id/annotations, GET /api/reader/items/:id/annotations: own +
 * group-shared, not deleted. GET /api/reader/meetings/:id/annotations: the same for every paper of
 * the meeting (to cache for offline reading), deleted ones of the caller included as tombstones.
 */
export const AnnotationListResponse = z.object({ items: z.array(Annotation) });
export type AnnotationListResponse = z.infer<typeof AnnotationListResponse>;

/** The body of 409 ANNOTATION_CONFLICT: the server's copy is kept; the client keeps its own text (e.g. as a new annotation). */
export const AnnotationConflictResponse = z.object({
  code: z.literal('ANNOTATION_CONFLICT'),
  message: z.string(),
  requestId: z.string().optional(),
  annotation: Annotation,
});
export type AnnotationConflictResponse = z.infer<typeof AnnotationConflictResponse>;

// --- POST /api/reader/sync ------------------------------------------------------------------

export const AnnotationChange = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('upsert'), id: uuid, annotation: AnnotationUpsertInput }),
  z.strictObject({ op: z.literal('delete'), id: uuid, baseVersion: z.number().int().min(0) }),
]);
export type AnnotationChange = z.infer<typeof AnnotationChange>;

/** Changes made offline, in the order made; one change per annotation is enough (send the latest state). */
export const SyncInput = z.strictObject({ changes: z.array(AnnotationChange).max(500, 'Send høyst 500 endringer om gangen.') });
export type SyncInput = z.infer<typeof SyncInput>;

/**
 * `applied`: saved (new version); `unchanged`: the same change was already saved (a replay);
 * `conflict`: the server has a newer version, kept as it is and returned in `annotation`;
 * `rejected`: not allowed or invalid (`code`, `message`), e.g. ANNOTATION_NOT_FOUND.
 */
export const SYNC_RESULT_STATUSES = ['applied', 'unchanged', 'conflict', 'rejected'] as const;
export const SyncResultStatus = z.enum(SYNC_RESULT_STATUSES);
export type SyncResultStatus = z.infer<typeof SyncResultStatus>;

export const SyncResult = z.object({
  id: z.uuid(),
  status: SyncResultStatus,
  annotation: Annotation.nullable(),
  code: z.string().nullable(),
  message: z.string().nullable(),
});
export type SyncResult = z.infer<typeof SyncResult>;

export const SyncResponse = z.object({ results: z.array(SyncResult) });
export type SyncResponse = z.infer<typeof SyncResponse>;
