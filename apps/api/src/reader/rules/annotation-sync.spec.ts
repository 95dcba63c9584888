import { describe, expect, it } from '@jest/globals';
import { decideChange, type AnnotationChangeRequest, type StoredAnnotation } from './annotation-sync.js';

const ME = 'user-1';
const DOC = 'doc-1';
const at = new Date('2026-11-26T10:00:00Z');
const stored = (over: Partial<StoredAnnotation> = {}): StoredAnnotation => ({
  userId: ME, documentId: DOC, agendaItemId: null, page: 3, quote: 'sitat', text: 'notat', shared: 'private', rects: [], version: 2, clientUpdatedAt: at, deleted: false, ...over,
});
const upsert = (over: Partial<Extract<AnnotationChangeRequest, { op: 'upsert' }>> = {}): AnnotationChangeRequest => ({
  op: 'upsert', documentId: DOC, agendaItemId: null, page: 3, quote: 'sitat', text: 'nytt notat', shared: 'private', rects: [], baseVersion: 2, updatedAt: new Date('2026-11-26T11:00:00Z'), ...over,
});

describe('decideChange (offline sync of annotations)', () => {
  it('creates what the server does not have', () => {
    expect(decideChange(null, upsert({ baseVersion: 0 }), ME)).toBe('create');
  });

  it('applies a change made from the current version', () => {
    expect(decideChange(stored(), upsert(), ME)).toBe('update');
  });

  it('recognises a replay of the saved change, whatever base it was sent with', () => {
    const saved = stored({ text: 'nytt notat', version: 3, clientUpdatedAt: new Date('2026-11-26T11:00:00Z') });
    expect(decideChange(saved, upsert({ baseVersion: 2 }), ME)).toBe('unchanged');
    expect(decideChange(saved, upsert({ baseVersion: 3 }), ME)).toBe('unchanged');
  });

  it('takes a highlight whose areas changed as a change, not a replay', () => {
    const rect = { x: 0.1, y: 0.2, w: 0.5, h: 0.02 };
    const saved = stored({ text: 'nytt notat', rects: [rect], version: 3, clientUpdatedAt: new Date('2026-11-26T11:00:00Z') });
    expect(decideChange(saved, upsert({ baseVersion: 3, rects: [rect] }), ME)).toBe('unchanged');
    expect(decideChange(saved, upsert({ baseVersion: 3, rects: [{ ...rect, w: 0.6 }] }), ME)).toBe('update');
    expect(decideChange(saved, upsert({ baseVersion: 2, rects: [] }), ME)).toBe('conflict');
  });

  it('keeps the server copy when the change was made from an older version', () => {
    expect(decideChange(stored({ version: 3 }), upsert({ baseVersion: 2 }), ME)).toBe('conflict');
    expect(decideChange(stored({ version: 1 }), upsert({ baseVersion: 0 }), ME)).toBe('conflict');
  });

  it('treats the same text at another client time as a new change', () => {
    expect(decideChange(stored({ version: 3 }), upsert({ text: 'notat', updatedAt: new Date('2026-11-26T12:00:00Z') }), ME)).toBe('conflict');
  });

  it("never touches another user's annotation and never moves one", () => {
    expect(decideChange(stored({ userId: 'user-2' }), upsert(), ME)).toBe('not_found');
    expect(decideChange(stored(), upsert({ documentId: 'doc-2' }), ME)).toBe('target_fixed');
  });

  it('deletes from the current version, ignores a repeated delete, and refuses a stale one', () => {
    expect(decideChange(stored(), { op: 'delete', baseVersion: 2 }, ME)).toBe('delete');
    expect(decideChange(stored({ deleted: true, version: 3 }), { op: 'delete', baseVersion: 2 }, ME)).toBe('unchanged');
    expect(decideChange(null, { op: 'delete', baseVersion: 1 }, ME)).toBe('unchanged');
    expect(decideChange(stored({ version: 3 }), { op: 'delete', baseVersion: 2 }, ME)).toBe('conflict');
  });

  it('does not let an old offline edit bring back a deleted annotation', () => {
    expect(decideChange(stored({ deleted: true, version: 3 }), upsert({ baseVersion: 2 }), ME)).toBe('conflict');
  });
});
