import type { AnnotationSharing, HighlightRect } from '@sekretariat/contracts';

/** What the server holds of an annotation, as far as deciding a change goes. */
export interface StoredAnnotation {
  userId: string;
  documentId: string | null;
  agendaItemId: string | null;
  page: number | null;
  quote: string;
  text: string;
  shared: AnnotationSharing;
  rects: readonly HighlightRect[];
  version: number;
  clientUpdatedAt: Date;
  deleted: boolean;
}

export type AnnotationChangeRequest =
  | {
      op: 'upsert';
      documentId: string | null;
      agendaItemId: string | null;
      page: number | null;
      quote: string;
      text: string;
      shared: AnnotationSharing;
      rects: readonly HighlightRect[];
      baseVersion: number;
      updatedAt: Date;
    }
  | { op: 'delete'; baseVersion: number };

/**
 * `create`/`update`/`delete`: apply it (the new version is the stored one + 1, or 1);
 * `unchanged`: this exact change is already saved (a replay) or there is nothing to delete;
 * `conflict`: the server's copy is newer than the one the change was made from; it stays as it is;
 * `not_found`: another user's annotation (never revealed); `target_fixed`: the change moves it.
 */
export type SyncDecision = 'create' | 'update' | 'delete' | 'unchanged' | 'conflict' | 'not_found' | 'target_fixed';

function sameRects(a: readonly HighlightRect[], b: readonly HighlightRect[]): boolean {
  return a.length === b.length && a.every((r, i) => r.x === b[i]!.x && r.y === b[i]!.y && r.w === b[i]!.w && r.h === b[i]!.h);
}

function sameContent(stored: StoredAnnotation, change: Extract<AnnotationChangeRequest, { op: 'upsert' }>): boolean {
  return (
    !stored.deleted &&
    stored.text === change.text &&
    stored.quote === change.quote &&
    stored.page === change.page &&
    stored.shared === change.shared &&
    sameRects(stored.rects, change.rects) &&
    stored.clientUpdatedAt.getTime() === change.updatedAt.getTime()
  );
}

/**
 * The offline sync rule. A change carries the version it was made from (`baseVersion`); it applies
 * only on top of exactly that version. A replay of a change already saved (same content and the
 * same client time) is recognised whatever its base, so a client that lost the answer may resend.
 * Anything else made from an older version is a conflict: nothing is overwritten, and the client
 * gets the server's copy to keep both.
 */
export function decideChange(stored: StoredAnnotation | null, change: AnnotationChangeRequest, userId: string): SyncDecision {
  if (!stored) return change.op === 'delete' ? 'unchanged' : 'create';
  if (stored.userId !== userId) return 'not_found';
  if (change.op === 'delete') {
    if (stored.deleted) return 'unchanged';
    return stored.version === change.baseVersion ? 'delete' : 'conflict';
  }
  if (stored.documentId !== change.documentId || stored.agendaItemId !== change.agendaItemId) return 'target_fixed';
  if (sameContent(stored, change)) return 'unchanged';
  return stored.version === change.baseVersion ? 'update' : 'conflict';
}
