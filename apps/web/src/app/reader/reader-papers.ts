import type {
  ReaderDocument,
  ReaderItem,
  ReaderMeetingDetail,
  SearchHit,
} from '@sekretariat/contracts';
import { numberFormat } from '../core/i18n/locale-format';
import type { ReaderApi } from './reader-api';

/** Documents the caller may open (withheld ones are placeholders without content). */
export function openableDocuments(item: ReaderItem): ReaderDocument[] {
  return item.documents.filter((document) => !document.withheld);
}

/** What must be cached to read the meeting offline: the meeting, its notes, every document it has. */
export function offlineUrls(api: ReaderApi, meeting: ReaderMeetingDetail): string[] {
  return [
    api.meetingUrl(meeting.id),
    api.annotationsUrl(meeting.id),
    ...meeting.items.flatMap((item) =>
      openableDocuments(item).map((document) => api.documentUrl(document.id)),
    ),
  ];
}

export type DocumentView = 'pdf' | 'image' | 'download';

/** How the reader shows a document: PDFs in the viewer, images inline, anything else (DOCX) as a download. */
export function documentView(document: Pick<ReaderDocument, 'contentType'>): DocumentView {
  if (document.contentType === 'application/pdf') return 'pdf';
  if (document.contentType.startsWith('image/')) return 'image';
  return 'download';
}

/** The items before and after one, for "previous/next item". */
export function neighbours(
  meeting: ReaderMeetingDetail,
  itemId: string,
): { previous: ReaderItem | null; next: ReaderItem | null; index: number } {
  const index = meeting.items.findIndex((item) => item.id === itemId);
  if (index < 0) return { previous: null, next: null, index };
  return {
    previous: meeting.items[index - 1] ?? null,
    next: meeting.items[index + 1] ?? null,
    index,
  };
}

/** A case text as paragraphs (blank lines separate them). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

/** A file size for people: "240 kB", "1,2 MB". */
export function fileSize(bytes: number, locale: string): string {
  const format = (value: number, unit: string) =>
    `${numberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
  if (bytes < 1000 * 1000) return format(Math.max(1, Math.round(bytes / 1000)), 'kB');
  return format(bytes / (1000 * 1000), 'MB');
}

/** A search hit as a link into the reader: the item whose case it is, and the document if any. */
export interface HitLink {
  readonly hit: SearchHit;
  readonly itemId: string;
  readonly itemNumber: string;
  readonly documentId: string | null;
}

export function linkHits(meeting: ReaderMeetingDetail, hits: readonly SearchHit[]): HitLink[] {
  return hits.flatMap((hit) => {
    const item = meeting.items.find((candidate) => candidate.case?.id === hit.caseId);
    if (!item) return [];
    return [
      {
        hit,
        itemId: item.id,
        itemNumber: item.number,
        documentId: hit.kind === 'document' ? hit.id : null,
      },
    ];
  });
}
