import { z } from 'zod';

/** Documents (attachments) of cases. */

/** What every reader of a case's documents gets; the bytes are fetched from `/api/documents/:id/content`. */
export const DocumentSummary = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  title: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  public: z.boolean(),
  legalGround: z.string().nullable(),
  /** The legal ground as cited in Norwegian ("Offl. § 13, jf. fvl. § 13 første ledd nr. 1"). */
  citation: z.string().nullable(),
  position: z.number().int(),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/** Where a document's text extraction stands (for search): `none` for types without text. */
export const TextStatus = z.enum(['none', 'pending', 'done', 'failed']);
export type TextStatus = z.infer<typeof TextStatus>;

/** A document as the case's document list shows it. */
export const CaseDocument = DocumentSummary.extend({
  textStatus: TextStatus,
  createdAt: z.string(),
});
export type CaseDocument = z.infer<typeof CaseDocument>;

/** The documents of a case the caller may see, and what an upload must satisfy. */
export const DocumentListResponse = z.object({
  items: z.array(CaseDocument),
  /** Largest file accepted, in bytes. */
  maxBytes: z.number().int(),
  /** Accepted content types (checked on the bytes, not the file name). */
  acceptedTypes: z.array(z.string()),
  legalGrounds: z.array(z.object({ code: z.string(), citation: z.string() })),
});
export type DocumentListResponse = z.infer<typeof DocumentListResponse>;

const legalGroundCode = z.string().trim().min(1).max(40);
const booleanField = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/**
 * The text fields of a multipart upload (`POST /api/cases/:id/documents`) beside the one file.
 * Form fields arrive as strings: `public` is "true" or "false"; an empty legal ground is none.
 */
export const DocumentUploadFields = z.strictObject({
  title: z.string().trim().min(1, { error: 'Tittel må fylles ut.' }).max(300),
  public: booleanField.default(true),
  legalGround: z.preprocess((v) => (v === '' ? null : v), legalGroundCode.nullable()).default(null),
});
export type DocumentUploadFields = z.infer<typeof DocumentUploadFields>;

/** Changing a document's title, exemption or place in the list. */
export const DocumentUpdate = z.strictObject({
  title: z.string().trim().min(1, { error: 'Tittel må fylles ut.' }).max(300).optional(),
  public: z.boolean().optional(),
  legalGround: legalGroundCode.nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type DocumentUpdate = z.infer<typeof DocumentUpdate>;

/** Search words are at most this long (characters). */
export const SEARCH_QUERY_MAX = 200;

/** What a search may be narrowed to. */
export const SEARCH_TYPES = ['case', 'document', 'meeting'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/**
 * `GET /api/search` and `GET /api/public/:municipality/search`: words in websearch syntax ("…",
 * or, -), each matching word beginnings and the inside of compounds; a case number ("PS 2/26",
 * "2/2026") or archive reference ("26/1200", "2026/1200") finds its case first.
 */
export const SearchQuery = z.strictObject({
  q: z
    .string({ error: 'Skriv inn noe å søke etter.' })
    .trim()
    .min(1, { error: 'Skriv inn noe å søke etter.' })
    .max(SEARCH_QUERY_MAX, { error: `Søket kan være høyst ${SEARCH_QUERY_MAX} tegn.` }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  /** Only the papers of this meeting (cases on its agenda and their documents). */
  meetingId: z.uuid({ error: 'Ugyldig møte-id.' }).optional(),
  /** Only what has been on this body's agenda (meetings: this body's). Unknown: 400 SEARCH_BODY_UNKNOWN. */
  bodyId: z.uuid({ error: 'Ugyldig organ-id.' }).optional(),
  /**
   * A time range of days in Norway, both ends included: cases treated at a meeting in it,
   * documents dated in it or of a case treated in it, meetings held in it.
   */
  from: z.iso.date({ error: 'Ugyldig fra-dato: bruk ÅÅÅÅ-MM-DD.' }).optional(),
  to: z.iso.date({ error: 'Ugyldig til-dato: bruk ÅÅÅÅ-MM-DD.' }).optional(),
  /** Only cases, only documents, or meetings (by body name and place) instead of papers. */
  type: z.enum(SEARCH_TYPES, { error: 'Ugyldig type: case, document eller meeting.' }).optional(),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], error: 'Til-datoen er før fra-datoen.' });
export type SearchQuery = z.infer<typeof SearchQuery>;

/**
 * A snippet as plain-text parts; `mark` parts matched the search. No HTML: clients render each
 * part as text (and marked parts in `<mark>`), so document text can never inject markup.
 */
export const SnippetPart = z.object({ text: z.string(), mark: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPart>;

export const SearchHit = z.object({
  kind: z.enum(SEARCH_TYPES),
  /** The case's id, the document's, or the meeting's. */
  id: z.uuid(),
  /** Null for a meeting. */
  caseId: z.uuid().nullable(),
  title: z.string(),
  /** For a document, the title of its case. */
  caseTitle: z.string(),
  archiveReference: z.string(),
  public: z.boolean(),
  rank: z.number(),
  snippet: z.array(SnippetPart),
  /** A meeting hit: when it starts (ISO) and its body's name (also its title). */
  startsAt: z.string().optional(),
  bodyName: z.string().optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** A search ranks at most this many cases and this many documents the caller may read (the first found of each). */
export const SEARCH_CANDIDATE_CAP = 5_000;

export const SearchResponse = z.object({
  items: z.array(SearchHit),
  /** Every hit, not just this page (with `capped`, at least this many). */
  total: z.number().int(),
  /**
   * The words matched more than SEARCH_CANDIDATE_CAP cases or documents: only the first found
   * were ranked, and more exist. Clients suggest narrowing the search. (The API always sends it;
   * optional so clients' own empty results need not.)
   */
  capped: z.boolean().optional(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;
