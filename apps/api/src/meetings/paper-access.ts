import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { RequestCaller } from '../auth/caller.js';
import { EDITORS } from '../auth/allow.decorator.js';
import { activeOn, today } from '../bodies/dates.js';
import { Membership } from '../bodies/membership.entity.js';

/**
 * Where a caller may read exempt papers (closed items, exempt cases and documents): the
 * secretariat everywhere; an elected official in the bodies where they hold a seat as a member,
 * and in the meetings they are called in to as a substitute; everyone else nowhere.
 * A case or document is readable exempt when it is on an agenda item of one of `bodyIds` or
 * `meetingIds`.
 */
export interface ExemptScope {
  all: boolean;
  bodyIds: string[];
  meetingIds: string[];
}

export const NO_EXEMPT_ACCESS: ExemptScope = { all: false, bodyIds: [], meetingIds: [] };

@Injectable()
export class PaperAccess {
  constructor(@Inject(EntityManager) private readonly em: EntityManager) {}

  async exemptScope(caller: RequestCaller): Promise<ExemptScope> {
    if (caller.roles.some((r) => EDITORS.includes(r))) return { all: true, bodyIds: [], meetingIds: [] };
    const personId = caller.user?.personId;
    if (!personId) return NO_EXEMPT_ACCESS;
    const seats = await this.em.find(Membership, { person: personId, kind: 'member', ...activeOn(today()) }, { fields: ['body'] });
    return { all: false, bodyIds: [...new Set(seats.map((s) => s.body.id))], meetingIds: [] };
  }

  /** Whether the scope opens the exempt papers of a meeting of a body. */
  static covers(scope: ExemptScope, bodyId: string, meetingId: string): boolean {
    return scope.all || scope.bodyIds.includes(bodyId) || scope.meetingIds.includes(meetingId);
  }
}
