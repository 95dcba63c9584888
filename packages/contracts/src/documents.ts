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
