import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { ReaderItemDetail, ReaderMeetingDetail, ReaderMeetingListResponse, ReaderMeetingSummary } from '@sekretariat/contracts';
import { type MeetingRow, ReaderAccessService, SEAT_SQL, UUID_LIST_SQL, uuidList, type Viewer } from './reader-access.service.js';
import { type DocumentRow, type ItemRow, type Marks, toMeetingFromRow, toReaderItem, toReaderItemSummary } from './reader.mapper.js';
import { ReaderPaperNotFoundError } from './reader.errors.js';

/** How far back "recent" meetings go, and how many. */
const RECENT_MONTHS = 12;
const RECENT_LIMIT = 50;
/** A meeting without an end time counts as upcoming until this long after it starts. */
const DEFAULT_LENGTH = `interval '6 hours'`;

interface SummaryRow extends MeetingRow {
  exempt_access: boolean;
  upcoming: boolean;
  item_count: number;
  unread_item_count: number;
  document_count: number;
}

/** The reader's meetings and a meeting's papers, each in a fixed number of queries. */
@Injectable()
export class ReaderService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly access: ReaderAccessService,
  ) {}

  /**
   * Published meetings the viewer may read (a seat in the body on the meeting day, a summons, or
   * staff), upcoming earliest first, then the last year's latest first, with what is unread.
   */
  async meetings(viewer: Viewer, now: Date): Promise<ReaderMeetingListResponse> {
    const since = new Date(now);
    since.setUTCMonth(since.getUTCMonth() - RECENT_MONTHS);
    const { all, bodyIds, meetingIds } = viewer.scope;
    // Documents the viewer may open: all when exempt papers are open to them, else only public ones on open items.
    const openDocuments = `(v.exempt_access or (not a.closed and c.public and d.public))`;
    const rows = await this.em.execute<SummaryRow[]>(
      `with visible as (
         select m.id, m.body_id, b.name as body_name, m.starts_at, m.ends_at, m.place, m.remote, m.status, m.video_url,
                ${SEAT_SQL} as seat,
                (?::boolean or m.body_id = any(${UUID_LIST_SQL}) or m.id = any(${UUID_LIST_SQL})) as exempt_access,
                coalesce(m.ends_at, m.starts_at + ${DEFAULT_LENGTH}) >= ? as upcoming
           from meeting m join body b on b.id = m.body_id
          where m.status <> 'planned' and m.starts_at >= ?
       ), v as (
         select * from visible where ?::boolean or seat is not null or id = any(${UUID_LIST_SQL})
       )
       select v.*,
              (select count(*) from agenda_item a where a.meeting_id = v.id)::int as item_count,
              (select count(*) from agenda_item a where a.meeting_id = v.id
                  and not exists (select 1 from reader_read_mark r where r.user_id = ? and r.agenda_item_id = a.id))::int as unread_item_count,
              (select count(*) from agenda_item a join political_case c on c.id = a.case_id join case_document d on d.case_id = c.id
                where a.meeting_id = v.id and ${openDocuments})::int as document_count
         from v
        order by v.upcoming desc,
                 case when v.upcoming then v.starts_at end asc,
                 case when not v.upcoming then v.starts_at end desc,
                 v.id`,
      [viewer.personId, all, uuidList(bodyIds), uuidList(meetingIds), now, since, viewer.staff, uuidList(meetingIds), viewer.userId],
    );
    const summaries = rows.flatMap((r): (ReaderMeetingSummary & { upcoming: boolean })[] => {
      const access = this.access.access(viewer, r);
      if (!access) return [];
      return [{
        ...toMeetingFromRow(r),
        access,
        itemCount: r.item_count,
        unreadItemCount: r.unread_item_count,
        documentCount: r.document_count,
        upcoming: r.upcoming,
      }];
    });
    const strip = ({ upcoming: _, ...s }: ReaderMeetingSummary & { upcoming: boolean }): ReaderMeetingSummary => s;
    return {
      upcoming: summaries.filter((s) => s.upcoming).map(strip),
      recent: summaries.filter((s) => !s.upcoming).slice(0, RECENT_LIMIT).map(strip),
    };
  }

  /**
   * The meeting with its items in order, as the item list needs them (no case presentation, no
   * document details: GET items/:id has those), with the viewer's read marks and note counts.
   * Five queries whatever the size of the agenda: exempt scope (officials), access, items with
   * cases, documents, read marks with note counts.
   */
  async meeting(viewer: Viewer, id: string): Promise<ReaderMeetingDetail> {
    const meeting = await this.access.meeting(viewer, id);
    const { items, byCase, marks } = await this.papers(viewer, id, null);
    return {
      ...toMeetingFromRow(meeting.row),
      access: meeting.access,
      exemptAccess: meeting.exemptAccess,
      items: items.map((i) => toReaderItemSummary(i, i.case_id ? (byCase.get(i.case_id) ?? []) : [], meeting.exemptAccess || this.access.itemOpen(viewer, i.id), marks)),
    };
  }

  /**
   * One agenda item in full (case presentation, documents), on a meeting the viewer may read:
   * 404 READER_PAPER_NOT_FOUND for an unknown item, else the meeting's own 404/403.
   */
  async item(viewer: Viewer, itemId: string): Promise<ReaderItemDetail> {
    const [found] = await this.em.execute<{ meeting_id: string }[]>(`select meeting_id from agenda_item where id = ?`, [itemId]);
    if (!found) throw new ReaderPaperNotFoundError();
    const meeting = await this.access.meeting(viewer, found.meeting_id);
    const { items, byCase, marks } = await this.papers(viewer, found.meeting_id, itemId);
    const item = items[0]!;
    return { ...toReaderItem(item, item.case_id ? (byCase.get(item.case_id) ?? []) : [], meeting.exemptAccess || this.access.itemOpen(viewer, item.id), marks), meetingId: found.meeting_id };
  }

  /** The meeting's items (or one of them) with their cases, the cases' documents, and the viewer's marks. */
  private async papers(viewer: Viewer, meetingId: string, itemId: string | null): Promise<{ items: ItemRow[]; byCase: Map<string, DocumentRow[]>; marks: Marks }> {
    const items = await this.em.execute<ItemRow[]>(
      `select a.id, a.type, a.number, a.position, a.title, a.closed, a.legal_ground, a.video_start_seconds, a.recommendation, a.decision,
              a.asker_id, case when p.id is null then null else p.given_name || ' ' || p.family_name end as asker_name,
              c.id as case_id, c.archive_reference, c.title as case_title, c.case_officer,
              ${itemId ? 'c.summary, c.background, c.assessment, c.recommendation' : "null as summary, null as background, null as assessment, null"} as case_recommendation,
              c.public as case_public, c.legal_ground as case_legal_ground
         from agenda_item a
         left join political_case c on c.id = a.case_id
         left join person p on p.id = a.asker_id
        where a.meeting_id = ? ${itemId ? 'and a.id = ?' : ''}
        order by a.position, a.id`,
      itemId ? [meetingId, itemId] : [meetingId],
    );
    // The ids are known by now: passing them keeps the next statements simple to plan.
    const caseIds = [...new Set(items.flatMap((i) => (i.case_id ? [i.case_id] : [])))];
    const documents =
      caseIds.length === 0
        ? []
        : await this.em.execute<DocumentRow[]>(
            `select d.id, d.case_id, d.title, d.filename, d.content_type, d.size, d.public, d.legal_ground, d.position
               from case_document d
              where d.case_id = any(${UUID_LIST_SQL})
              order by d.position, d.created_at, d.id`,
            [uuidList(caseIds)],
          );
    const marks = await this.marks(viewer.userId, items.map((i) => i.id), documents.map((d) => d.id));
    const byCase = new Map<string, DocumentRow[]>();
    for (const d of documents) {
      const list = byCase.get(d.case_id);
      if (list) list.push(d);
      else byCase.set(d.case_id, [d]);
    }
    return { items, byCase, marks };
  }

  /** The viewer's read marks on these items and own (not deleted) note counts on the items and documents, in one query. */
  private async marks(userId: string, itemIds: readonly string[], documentIds: readonly string[]): Promise<Marks> {
    const rows = await this.em.execute<{ target: string; kind: 'read' | 'notes'; n: number }[]>(
      `select r.agenda_item_id as target, 'read' as kind, 1 as n from reader_read_mark r
        where r.user_id = ? and r.agenda_item_id = any(${UUID_LIST_SQL})
       union all
       select coalesce(n.agenda_item_id, n.document_id), 'notes', count(*)::int from reader_annotation n
        where n.user_id = ? and n.deleted_at is null and (n.agenda_item_id = any(${UUID_LIST_SQL}) or n.document_id = any(${UUID_LIST_SQL}))
        group by 1`,
      [userId, uuidList(itemIds), userId, uuidList(itemIds), uuidList(documentIds)],
    );
    return {
      read: new Set(rows.filter((r) => r.kind === 'read').map((r) => r.target)),
      annotations: new Map(rows.filter((r) => r.kind === 'notes').map((r) => [r.target, Number(r.n)])),
    };
  }
}
