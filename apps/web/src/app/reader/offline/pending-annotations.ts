import type { Annotation } from '@sekretariat/contracts';
import type { OutboxEntry } from './outbox';

/** An annotation as the notes panel shows it: `pending` while its change waits in the outbox. */
export type ShownAnnotation = Annotation & { readonly pending: boolean };

/**
 * The annotations the server gave (perhaps from the offline cache), with the user's queued
 * changes laid over them: queued notes appear (marked pending), queued deletions disappear.
 */
export function withPending(
  annotations: readonly Annotation[],
  pending: readonly OutboxEntry[],
  authorName: string,
): ShownAnnotation[] {
  const shown = new Map<string, ShownAnnotation>(
    annotations.filter((a) => !a.deleted).map((a) => [a.id, { ...a, pending: false }]),
  );
  for (const { change } of pending) {
    if (change.op === 'delete') {
      shown.delete(change.id);
      continue;
    }
    const input = change.annotation;
    const server = shown.get(change.id);
    shown.set(change.id, {
      id: change.id,
      documentId: input.documentId,
      agendaItemId: input.agendaItemId,
      page: input.page,
      quote: input.quote,
      text: input.text,
      shared: input.shared,
      rects: input.rects,
      mine: true,
      authorName: server?.authorName ?? authorName,
      version: server?.version ?? input.baseVersion,
      updatedAt: input.updatedAt,
      savedAt: server?.savedAt ?? input.updatedAt,
      deleted: false,
      pending: true,
    });
  }
  return [...shown.values()].sort(
    (a, b) =>
      (a.page ?? 0) - (b.page ?? 0) ||
      a.updatedAt.localeCompare(b.updatedAt) ||
      a.id.localeCompare(b.id),
  );
}
