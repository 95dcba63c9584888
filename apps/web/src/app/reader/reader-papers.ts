import type {
  ReaderDocument,
  ReaderItemSummary,
  ReaderMeetingDetail,
  SearchHit,
} from '@sekretariat/contracts';
import { numberFormat } from '../core/i18n/locale-format';
import type { ReaderApi } from './reader-api';

/**
 * What must be cached to read the meeting offline: the meeting's item list, its notes, every
 * item in full and every document the caller may open. Saved in the background after the list
 * is shown, so one visit keeps the whole meeting.
 */
export function offlineUrls(api: ReaderApi, meeting: ReaderMeetingDetail): string[] {
  return [
    api.meetingUrl(meeting.id),
    api.annotationsUrl(meeting.id),
    ...meeting.items.flatMap((item) => [
      api.itemUrl(item.id),
      ...item.documentIds.map((id) => api.documentUrl(id)),
    ]),
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
): { previous: ReaderItemSummary | null; next: ReaderItemSummary | null; index: number } {
  const index = meeting.items.findIndex((item) => item.id === itemId);
  if (index < 0) return { previous: null, next: null, index };
  return {
    previous: meeting.items[index - 1] ?? null,
    next: meeting.items[index + 1] ?? null,
    index,
  };
}

/**
 * The previous/next shortcut a key press means: -1 (`[`, `k`), 1 (`]`, `j`) or 0. None with a
 * modifier or while typing in a field, so the browser's and the screen reader's keys stay theirs.
 */
export function shortcutStep(event: KeyboardEvent): -1 | 0 | 1 {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return 0;
  const target = event.target as HTMLElement | null;
  if (target?.closest?.('input, textarea, select, [contenteditable="true"]')) return 0;
  if (event.key === '[' || event.key === 'k') return -1;
  if (event.key === ']' || event.key === 'j') return 1;
  return 0;
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
    const item = meeting.items.find((candidate) => candidate.caseId === hit.caseId);
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
