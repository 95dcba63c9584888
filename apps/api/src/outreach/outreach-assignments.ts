import type { EntityManager } from '@mikro-orm/postgresql';
import type { Official } from '@sekretariat/contracts';
import { currentScope } from '../core/tenant.js';
import { outreachError } from './outreach.errors.js';

/** Oslo wall-clock date and time as a timestamptz, in SQL. */
const AT = `((?::date + ?::time) at time zone 'Europe/Oslo')`;

/** The two officials must be users with the election staff role. */
export async function checkOfficials(em: EntityManager, ids: readonly string[]): Promise<void> {
  const rows = await em.execute<{ id: string }[]>(
    `select id from app_user where id in (${ids.map(() => '?').join(',')}) and 'election_staff' = any(roles)`,
    [...ids],
  );
  if (rows.length !== new Set(ids).size) throw outreachError.officialInvalid();
}

/**
 * Books the officials' time for a session or a route. The exclusion constraint
 * outreach_assignment_no_overlap refuses an official already elsewhere at that time (23P01),
 * answered as OUTREACH_OFFICIAL_BUSY; the request's transaction rolls back with it.
 */
export async function assignOfficials(
  em: EntityManager,
  ids: readonly string[],
  target: { sessionId?: string; routeId?: string },
  date: string,
  from: string,
  to: string,
): Promise<void> {
  try {
    for (const id of ids) {
      await em.execute(
        `insert into outreach_assignment (id, municipality_id, user_id, session_id, route_id, during) values (gen_random_uuid(), ?, ?, ?, ?, tstzrange(${AT}, ${AT}, '[)'))`,
        [currentScope().municipalityId, id, target.sessionId ?? null, target.routeId ?? null, date, from, date, to],
      );
    }
  } catch (e) {
    if ((e as { code?: string }).code === '23P01') throw outreachError.officialBusy();
    throw e;
  }
}

export async function officialsOf(em: EntityManager, column: 'session_id' | 'route_id', ids: readonly string[]): Promise<Map<string, Official[]>> {
  const map = new Map<string, Official[]>();
  if (ids.length === 0) return map;
  const rows = await em.execute<{ target: string; id: string; name: string }[]>(
    `select a.${column} as target, u.id, u.display_name as name from outreach_assignment a join app_user u on u.id = a.user_id
     where a.${column} in (${ids.map(() => '?').join(',')}) order by u.display_name`,
    [...ids],
  );
  for (const r of rows) map.set(r.target, [...(map.get(r.target) ?? []), { id: r.id, name: r.name }]);
  return map;
}
