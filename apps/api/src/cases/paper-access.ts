import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { RequestCaller } from '../common/access/caller.js';
import { EDITORS } from '../common/access/allow.decorator.js';

/**
 * Where a caller may read exempt papers (closed items, exempt cases and documents): the
 * secretariat everywhere; an elected official in the bodies where they hold a seat as a member,
 * and in the meetings they are called in to as a substitute (an accepted summons); everyone else
 * nowhere. A case or document is readable exempt when it is on an agenda item of one of
 * `bodyIds` or `meetingIds`.
 */
export interface ExemptScope {
  all: boolean;
  bodyIds: string[];
  meetingIds: string[];
}

export const NO_EXEMPT_ACCESS: ExemptScope = { all: false, bodyIds: [], meetingIds: [] };

/** How the meetings module reads with a scope: never public-only for signed-in staff. */
export interface ScopedReader {
  publicOnly: false;
  exemptAccess: boolean;
}

@Injectable()
export class PaperAccess {
  constructor(@Inject(EntityManager) private readonly em: EntityManager) {}

  /** One query: the bodies where the person is a member today and the meetings they accepted a summons to. */
  async exemptScope(caller: RequestCaller): Promise<ExemptScope> {
    if (caller.roles.some((r) => EDITORS.includes(r))) return { all: true, bodyIds: [], meetingIds: [] };
    const personId = caller.user?.personId;
    if (!personId) return NO_EXEMPT_ACCESS;
    // Today in Norway, computed by PostgreSQL (cheaper than Intl in Node on every request).
    const rows = await this.em.execute<{ kind: 'body' | 'meeting'; id: string }[]>(
      `with today as (select (now() at time zone 'Europe/Oslo')::date as day)
       select 'body' as kind, ms.body_id as id from membership ms, today
        where ms.person_id = ? and ms.kind = 'member' and ms."from" <= today.day and (ms."to" is null or ms."to" >= today.day)
       union
       select 'meeting', s.meeting_id from substitute_summons s where s.person_id = ? and s.status = 'accepted'`,
      [personId, personId],
    );
    return {
      all: false,
      bodyIds: rows.filter((r) => r.kind === 'body').map((r) => r.id),
      meetingIds: rows.filter((r) => r.kind === 'meeting').map((r) => r.id),
    };
  }

  /** Whether the scope opens the exempt papers of a meeting of a body. */
  static covers(scope: ExemptScope, bodyId: string, meetingId: string): boolean {
    return scope.all || scope.bodyIds.includes(bodyId) || scope.meetingIds.includes(meetingId);
  }

  /** The reader of one meeting: exempt papers open when the scope covers its body or the meeting itself. */
  async forMeeting(caller: RequestCaller, meetingId: string): Promise<ScopedReader> {
    const scope = await this.exemptScope(caller);
    if (scope.all) return { publicOnly: false, exemptAccess: true };
    const [meeting] = await this.em.execute<{ body_id: string }[]>(`select body_id from meeting where id = ?`, [meetingId]);
    return { publicOnly: false, exemptAccess: !!meeting && PaperAccess.covers(scope, meeting.body_id, meetingId) };
  }

  /** The reader of one case: exempt when it is on the agenda of a meeting the scope covers. */
  async forCase(caller: RequestCaller, caseId: string): Promise<ScopedReader> {
    const scope = await this.exemptScope(caller);
    if (scope.all) return { publicOnly: false, exemptAccess: true };
    const items = await this.em.execute<{ meeting_id: string; body_id: string }[]>(`select meeting_id, body_id from agenda_item where case_id = ?`, [caseId]);
    return { publicOnly: false, exemptAccess: items.some((i) => PaperAccess.covers(scope, i.body_id, i.meeting_id)) };
  }

  /** Searching across all cases lists exempt ones only to those who read everything (the secretariat). */
  static forSearch(caller: RequestCaller): ScopedReader {
    return { publicOnly: false, exemptAccess: caller.roles.some((r) => EDITORS.includes(r)) };
  }
}
