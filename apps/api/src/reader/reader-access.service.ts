import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { MeetingStatus, ReaderAccess } from '@sekretariat/contracts';
import { MEETING_DAY_SQL, SEAT_OF_SQL } from '../bodies/seat-holders.js';
import { STAFF } from '../common/access/allow.decorator.js';
import type { RequestCaller } from '../common/access/caller.js';
import { PaperAccess, type ExemptScope } from '../cases/paper-access.js';
import { ReaderMeetingNotFoundError, ReaderNoAccessError, ReaderPaperNotFoundError, ReaderPaperWithheldError } from './reader.errors.js';
import { itemExempt, meetingAccess, type Seat } from './rules/reader-access.js';

/** Who reads, resolved once per request: the user, the official they are, and where exempt papers open. */
export interface Viewer {
  userId: string;
  displayName: string;
  personId: string | null;
  /** Staff (not only an official): reads every meeting. */
  staff: boolean;
  scope: ExemptScope;
}

/**
 * The seat (member before substitute) the person holds in the meeting's body on the meeting day,
 * by the one seat rule (seat_holders: a substitute who moved up sits as a member). Expects the
 * meeting as `m` and takes the person id as its one parameter.
 */
export const SEAT_SQL = SEAT_OF_SQL('m.body_id', MEETING_DAY_SQL);

/** A uuid[] parameter, sent as one comma-separated string. */
export const uuidList = (ids: readonly string[]): string => ids.join(',');
export const UUID_LIST_SQL = `string_to_array(?, ',')::uuid[]`;

export interface MeetingRow {
  id: string;
  body_id: string;
  body_name: string;
  starts_at: Date;
  ends_at: Date | null;
  place: string;
  remote: boolean;
  status: MeetingStatus;
  video_url: string | null;
  seat: Seat;
}

export interface ReadableMeeting {
  row: MeetingRow;
  access: ReaderAccess;
  exemptAccess: boolean;
}

export type PaperTarget = { documentId: string } | { agendaItemId: string };

/** Which meetings and papers a caller may read in the reader. */
@Injectable()
export class ReaderAccessService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly papers: PaperAccess,
  ) {}

  async viewer(caller: RequestCaller): Promise<Viewer> {
    const user = caller.user!;
    return {
      userId: user.id,
      displayName: user.displayName,
      personId: user.personId,
      staff: caller.roles.some((r) => r !== 'official' && STAFF.includes(r)),
      scope: await this.papers.exemptScope(caller),
    };
  }

  /** Whether every exempt paper of the meeting is open to the viewer (PaperAccess). */
  exemptAccess(viewer: Viewer, meetingId: string): boolean {
    return PaperAccess.coversMeeting(viewer.scope, meetingId);
  }

  /** Whether the exempt papers of one agenda item are open to the viewer. */
  itemOpen(viewer: Viewer, itemId: string): boolean {
    return PaperAccess.coversItem(viewer.scope, itemId);
  }

  access(viewer: Viewer, row: { id: string; status: MeetingStatus; seat: Seat }): ReaderAccess | null {
    return meetingAccess({ status: row.status, seat: row.seat, calledIn: viewer.scope.calledInMeetingIds.includes(row.id), staff: viewer.staff });
  }

  /** The meeting if the viewer may read it: 404 when unknown (or not yet published), 403 without a seat. */
  async meeting(viewer: Viewer, id: string): Promise<ReadableMeeting> {
    const [row] = await this.em.execute<MeetingRow[]>(
      `select m.id, m.body_id, b.name as body_name, m.starts_at, m.ends_at, m.place, m.remote, m.status, m.video_url, ${SEAT_SQL} as seat
         from meeting m join body b on b.id = m.body_id
        where m.id = ?`,
      [viewer.personId, id],
    );
    if (!row) throw new ReaderMeetingNotFoundError();
    const access = this.access(viewer, row);
    if (!access) {
      if (row.status === 'planned') throw new ReaderMeetingNotFoundError();
      throw new ReaderNoAccessError();
    }
    return { row, access, exemptAccess: this.exemptAccess(viewer, row.id) };
  }

  /**
   * Checks that the viewer may read a document or agenda item in full: it is on the agenda of a
   * meeting they may read, and if exempt, PaperAccess opens that item. 404 when not, 403 when
   * they would see only its placeholder.
   */
  async paper(viewer: Viewer, target: PaperTarget): Promise<void> {
    const byDocument = 'documentId' in target;
    const rows = await this.em.execute<{ item_id: string; meeting_id: string; body_id: string; status: MeetingStatus; seat: Seat; closed: boolean; case_public: boolean | null; document_public: boolean | null }[]>(
      `select a.id as item_id, m.id as meeting_id, m.body_id, m.status, ${SEAT_SQL} as seat, a.closed, c.public as case_public, ${byDocument ? 'd.public' : 'null'} as document_public
         from agenda_item a
         join meeting m on m.id = a.meeting_id
         left join political_case c on c.id = a.case_id
         ${byDocument ? 'join case_document d on d.case_id = a.case_id where d.id = ?' : 'where a.id = ?'}`,
      [viewer.personId, byDocument ? target.documentId : target.agendaItemId],
    );
    const readable = rows.filter((r) => this.access(viewer, { id: r.meeting_id, status: r.status, seat: r.seat }) !== null);
    if (readable.length === 0) throw new ReaderPaperNotFoundError();
    const open = readable.some(
      (r) => !(itemExempt({ closed: r.closed, casePublic: r.case_public }) || r.document_public === false) || this.itemOpen(viewer, r.item_id),
    );
    if (!open) throw new ReaderPaperWithheldError();
  }
}
