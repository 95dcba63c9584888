import { Inject, Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Annotation, AnnotationChange, AnnotationSharing, AnnotationUpsertInput, HighlightRect, SyncResult } from '@sekretariat/contracts';
import { DomainError } from '../common/errors/domain-error.js';
import { currentScope } from '../core/tenant.js';
import { ReaderAnnotation } from './annotation.entity.js';
import { ReaderAccessService, type PaperTarget, type Viewer } from './reader-access.service.js';
import { ANNOTATION_CONFLICT_MESSAGE, AnnotationNotFoundError, AnnotationTargetFixedError } from './reader.errors.js';
import { decideChange, type AnnotationChangeRequest, type StoredAnnotation } from './rules/annotation-sync.js';

/** The outcome of one change: saved (`applied`), already saved (`unchanged`) or kept the server's (`conflict`). */
export interface ChangeOutcome {
  status: 'applied' | 'unchanged' | 'conflict';
  annotation: Annotation | null;
}

interface AnnotationRow {
  id: string;
  user_id: string;
  author_name: string;
  document_id: string | null;
  agenda_item_id: string | null;
  page: number | null;
  quote: string;
  text: string;
  shared: AnnotationSharing;
  rects: HighlightRect[];
  version: number;
  client_updated_at: Date;
  saved_at: Date;
  deleted_at: Date | null;
}

const iso = (d: Date): string => new Date(d).toISOString();

function fromRow(r: AnnotationRow, viewerId: string): Annotation {
  return {
    id: r.id,
    documentId: r.document_id,
    agendaItemId: r.agenda_item_id,
    page: r.page,
    quote: r.quote,
    text: r.text,
    shared: r.shared,
    rects: r.rects,
    mine: r.user_id === viewerId,
    authorName: r.author_name,
    version: r.version,
    updatedAt: iso(r.client_updated_at),
    savedAt: iso(r.saved_at),
    deleted: r.deleted_at !== null,
  };
}

function fromEntity(a: ReaderAnnotation, viewer: Viewer): Annotation {
  return {
    id: a.id,
    documentId: a.document?.id ?? null,
    agendaItemId: a.agendaItem?.id ?? null,
    page: a.page,
    quote: a.quote,
    text: a.text,
    shared: a.shared,
    rects: a.rects,
    mine: true,
    authorName: viewer.displayName,
    version: a.version,
    updatedAt: a.clientUpdatedAt.toISOString(),
    savedAt: a.savedAt.toISOString(),
    deleted: a.deletedAt !== null,
  };
}

function stored(a: ReaderAnnotation): StoredAnnotation {
  return {
    userId: a.user.id,
    documentId: a.document?.id ?? null,
    agendaItemId: a.agendaItem?.id ?? null,
    page: a.page,
    quote: a.quote,
    text: a.text,
    shared: a.shared,
    rects: a.rects,
    version: a.version,
    clientUpdatedAt: a.clientUpdatedAt,
    deleted: a.deletedAt !== null,
  };
}

const COLUMNS = `n.id, n.user_id, u.display_name as author_name, n.document_id, n.agenda_item_id, n.page, n.quote, n.text, n.shared, n.rects, n.version, n.client_updated_at, n.saved_at, n.deleted_at`;
/** Own notes, and notes shared with the group by an official of the viewer's party. Takes the viewer's user id and person id. */
const VISIBLE = `(n.user_id = ? or (n.shared = 'group' and n.deleted_at is null and exists (
   select 1 from person author join person me on me.party_id = author.party_id where author.id = u.person_id and me.id = ?)))`;

/**
 * Personal notes on documents and agenda items, with offline sync (rules/annotation-sync.ts).
 * The text of a note is never logged or audited: it belongs to its author.
 */
@Injectable()
export class AnnotationsService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly access: ReaderAccessService,
  ) {}

  /** Own and group-shared notes on one document or item the viewer may read. */
  async list(viewer: Viewer, target: PaperTarget): Promise<Annotation[]> {
    await this.access.paper(viewer, target);
    const [column, id] = 'documentId' in target ? ['document_id', target.documentId] : ['agenda_item_id', target.agendaItemId];
    const rows = await this.em.execute<AnnotationRow[]>(
      `select ${COLUMNS} from reader_annotation n join app_user u on u.id = n.user_id
        where n.${column} = ? and n.deleted_at is null and ${VISIBLE}
        order by n.page nulls first, n.created_at, n.id`,
      [id, viewer.userId, viewer.personId],
    );
    return rows.map((r) => fromRow(r, viewer.userId));
  }

  /**
   * Every note the viewer may see on the meeting's papers, for reading offline: their own
   * (deleted ones as tombstones) and the group's, not on papers withheld from them.
   */
  async listForMeeting(viewer: Viewer, meetingId: string): Promise<Annotation[]> {
    const { exemptAccess } = await this.access.meeting(viewer, meetingId);
    const rows = await this.em.execute<AnnotationRow[]>(
      `with papers as (
         select a.id as item_id, null::uuid as document_id from agenda_item a left join political_case c on c.id = a.case_id
          where a.meeting_id = ? and (?::boolean or not (a.closed or coalesce(not c.public, false)))
         union all
         select null, d.id from agenda_item a join political_case c on c.id = a.case_id join case_document d on d.case_id = c.id
          where a.meeting_id = ? and (?::boolean or not (a.closed or not c.public or not d.public))
       )
       select ${COLUMNS} from reader_annotation n join app_user u on u.id = n.user_id
        where (n.agenda_item_id in (select item_id from papers) or n.document_id in (select document_id from papers)) and ${VISIBLE}
        order by n.created_at, n.id`,
      [meetingId, exemptAccess, meetingId, exemptAccess, viewer.userId, viewer.personId],
    );
    return rows.map((r) => fromRow(r, viewer.userId));
  }

  /** PUT /reader/annotations/:id: create or change; a replay changes nothing; a stale change conflicts. */
  async upsert(viewer: Viewer, id: string, input: AnnotationUpsertInput): Promise<ChangeOutcome> {
    return this.apply(viewer, id, { op: 'upsert', ...input, updatedAt: new Date(input.updatedAt) });
  }

  async remove(viewer: Viewer, id: string, baseVersion: number): Promise<ChangeOutcome> {
    return this.apply(viewer, id, { op: 'delete', baseVersion });
  }

  /** Changes from a reconnecting client, in order; each gets its own result and one failing does not stop the rest. */
  async sync(viewer: Viewer, changes: readonly AnnotationChange[]): Promise<SyncResult[]> {
    const results: SyncResult[] = [];
    for (const change of changes) {
      try {
        const outcome =
          change.op === 'upsert' ? await this.upsert(viewer, change.id, change.annotation) : await this.remove(viewer, change.id, change.baseVersion);
        results.push({ id: change.id, status: outcome.status, annotation: outcome.annotation, code: outcome.status === 'conflict' ? 'ANNOTATION_CONFLICT' : null, message: outcome.status === 'conflict' ? ANNOTATION_CONFLICT_MESSAGE : null });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        results.push({ id: change.id, status: 'rejected', annotation: null, code: e.code, message: e.message });
      }
    }
    return results;
  }

  private async apply(viewer: Viewer, id: string, change: AnnotationChangeRequest): Promise<ChangeOutcome> {
    // The row lock makes two devices' changes to one note take turns.
    const existing = await this.em.findOne(ReaderAnnotation, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const decision = decideChange(existing ? stored(existing) : null, change, viewer.userId);
    switch (decision) {
      case 'not_found':
        throw new AnnotationNotFoundError();
      case 'target_fixed':
        throw new AnnotationTargetFixedError();
      case 'unchanged':
        return { status: 'unchanged', annotation: existing ? fromEntity(existing, viewer) : null };
      case 'conflict':
        return { status: 'conflict', annotation: fromEntity(existing!, viewer) };
      case 'delete': {
        const a = existing!;
        a.text = '';
        a.quote = '';
        a.rects = [];
        a.deletedAt = new Date();
        return this.save(a, viewer);
      }
      case 'create':
      case 'update': {
        if (change.op !== 'upsert') throw new Error('unreachable');
        await this.access.paper(viewer, change.documentId ? { documentId: change.documentId } : { agendaItemId: change.agendaItemId! });
        const a =
          existing ??
          this.em.create(ReaderAnnotation, {
            id,
            municipality: currentScope().municipalityId,
            user: viewer.userId,
            document: change.documentId,
            agendaItem: change.agendaItemId,
            clientUpdatedAt: change.updatedAt,
            version: 0,
          });
        a.page = change.page;
        a.quote = change.quote;
        a.text = change.text;
        a.shared = change.shared;
        a.rects = [...change.rects];
        a.clientUpdatedAt = change.updatedAt;
        a.deletedAt = null;
        return this.save(a, viewer);
      }
    }
  }

  private async save(a: ReaderAnnotation, viewer: Viewer): Promise<ChangeOutcome> {
    a.version += 1;
    a.savedAt = new Date();
    await this.em.flush();
    return { status: 'applied', annotation: fromEntity(a, viewer) };
  }
}
