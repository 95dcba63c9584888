import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { RequestCaller } from '../common/access/caller.js';
import { EDITORS } from '../common/access/allow.decorator.js';

/**
 * Where a caller may read exempt papers (closed items, exempt cases and documents), the one place
 * for the rule: the secretariat everywhere; an elected official where their seat goes
 * (`exempt_open_items`, Migration20261209050000SeatRule): the meetings of their own term where they
 * sit on the meeting day (a member, or a substitute who moved up), while still in office and not
 * released; as a substitute called in, the whole meeting or the one item they were called in for;
 * never an item they are disqualified in. Everyone else nowhere.
 */
export interface ExemptScope {
  all: boolean;
  /** Meetings whose exempt papers are all open. */
  meetingIds: string[];
  /** Agenda items whose exempt papers are open (those of `meetingIds` included). */
  itemIds: string[];
  /** Meetings the person is called in to as a substitute (an accepted summons): they may read them. */
  calledInMeetingIds: string[];
  /** Bodies where the person is a member today: their planned meetings show in search; opens no exempt paper. */
  bodyIds: string[];
}

export const NO_EXEMPT_ACCESS: ExemptScope = { all: false, meetingIds: [], itemIds: [], calledInMeetingIds: [], bodyIds: [] };

/** How the meetings module reads with a scope: never public-only for signed-in staff. */
export interface ScopedReader {
  publicOnly: false;
  /** The whole meeting's (or the case's) exempt papers are open. */
  exemptAccess: boolean;
  /** Items open besides, when not all are (a substitute called in for one item). */
  exemptItemIds?: readonly string[];
}

/** Whether a reader opens the exempt papers of one agenda item. */
export const opensItem = (reader: { exemptAccess: boolean; exemptItemIds?: readonly string[] }, itemId: string): boolean =>
  reader.exemptAccess || !!reader.exemptItemIds?.includes(itemId);

@Injectable()
export class PaperAccess {
  constructor(@Inject(EntityManager) private readonly em: EntityManager) {}

  /** One query: exempt_open_items, the accepted summonses, and the bodies where the person is a member today. */
  async exemptScope(caller: RequestCaller): Promise<ExemptScope> {
    if (caller.roles.some((r) => EDITORS.includes(r))) return { ...NO_EXEMPT_ACCESS, all: true };
    const personId = caller.user?.personId;
    if (!personId) return NO_EXEMPT_ACCESS;
    // Today in Norway, computed by PostgreSQL (cheaper than Intl in Node on every request).
    const rows = await this.em.execute<{ kind: 'item' | 'meeting' | 'called' | 'body'; id: string }[]>(
      `with today as (select (now() at time zone 'Europe/Oslo')::date as day),
       open as (select * from exempt_open_items(?))
       select case when item_id is null then 'meeting' else 'item' end as kind, coalesce(item_id, meeting_id) as id from open
       union all
       select distinct 'called', s.meeting_id from substitute_summons s where s.person_id = ? and s.status = 'accepted'
       union all
       select distinct 'body', ms.body_id from membership ms, today
        where ms.person_id = ? and ms.kind = 'member' and ms."from" <= today.day and (ms."to" is null or ms."to" >= today.day)`,
      [personId, personId, personId],
    );
    const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.id);
    return { all: false, meetingIds: of('meeting'), itemIds: of('item'), calledInMeetingIds: of('called'), bodyIds: of('body') };
  }

  /** Whether the scope opens every exempt paper of a meeting. */
  static coversMeeting(scope: ExemptScope, meetingId: string): boolean {
    return scope.all || scope.meetingIds.includes(meetingId);
  }

  /** Whether the scope opens the exempt papers of one agenda item. */
  static coversItem(scope: ExemptScope, itemId: string): boolean {
    return scope.all || scope.itemIds.includes(itemId);
  }

  /** A reader with the scope: the whole meeting when it covers it, else the items it opens. */
  static reader(scope: ExemptScope, meetingId: string): ScopedReader {
    return { publicOnly: false, exemptAccess: PaperAccess.coversMeeting(scope, meetingId), exemptItemIds: scope.itemIds };
  }

  /** The reader of one meeting: all its exempt papers, or those of the items the scope opens. */
  async forMeeting(caller: RequestCaller, meetingId: string): Promise<ScopedReader> {
    return PaperAccess.reader(await this.exemptScope(caller), meetingId);
  }

  /** The reader of one case: exempt when it is on an agenda item the scope opens. */
  async forCase(caller: RequestCaller, caseId: string): Promise<ScopedReader> {
    const scope = await this.exemptScope(caller);
    if (scope.all) return { publicOnly: false, exemptAccess: true };
    const items = await this.em.execute<{ id: string }[]>(`select id from agenda_item where case_id = ?`, [caseId]);
    return { publicOnly: false, exemptAccess: items.some((i) => PaperAccess.coversItem(scope, i.id)) };
  }

  /** Searching across all cases lists exempt ones only to those who read everything (the secretariat). */
  static forSearch(caller: RequestCaller): ScopedReader {
    return { publicOnly: false, exemptAccess: caller.roles.some((r) => EDITORS.includes(r)) };
  }
}
