import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../core/tenant.js';

/**
 * Search for those who read more than the public but not everything (elected officials): the same
 * rule as `document_search` with `p_all` false, in a function of its own so its plan has no
 * branches for other callers, and with its access checks made cheap per hit instead of building
 * the set of every case on the caller's bodies' agenda items on every query:
 *
 * - a case: public, or on an agenda item of one of the caller's bodies or meetings. The agenda
 *   items are probed by `case_id` for the few hits that are not public.
 * - a document: public and of a public case, or of a case on such an agenda item. "Of a public
 *   case" is "not of a non-public one": a hashed set of the few non-public cases, read from a
 *   small partial index, instead of a primary-key probe per hit; the agenda items are probed only
 *   for the hits that are left (exempt documents, documents of exempt cases).
 *
 * The probes are kept per hit (`offset 0` stops PostgreSQL from turning them into a hashed set of
 * all the caller's agenda items). Same tenant filter, meeting filter, cap and ordering as
 * `document_search`; the documents' integration test checks both give the same hits.
 */
export class Migration20261126060000OfficialSearch extends Migration {
  override up(): void {
    for (const sql of [
      `create index "political_case_not_public_index" on "political_case" ("id") where not "public"`,
      `create function official_document_search(p_query tsquery, p_body_ids uuid[], p_meeting_ids uuid[], p_meeting_id uuid, p_cap int, p_limit int, p_offset int)
        returns table (kind text, id uuid, case_id uuid, rank real, total bigint, capped boolean)
        language sql stable security definer set search_path = public, pg_catalog as $$
          with tenant as (select nullif(current_setting('app.municipality_id', true), '')::uuid as id),
          case_hits as (
            select 'case'::text as kind, c.id, c.id as case_id, ts_rank(c.search, p_query) as rank
            from political_case c, tenant
            where c.municipality_id = tenant.id and c.search @@ p_query
              and (p_meeting_id is null or exists (select 1 from agenda_item mi where mi.case_id = c.id and mi.meeting_id = p_meeting_id))
              and (c.public or ${ON_CALLERS_AGENDA('c.id')})
            limit p_cap
          ),
          document_hits as (
            select 'document'::text as kind, d.id, d.case_id, ts_rank(d.search, p_query) as rank
            from case_document d, tenant
            where d.municipality_id = tenant.id and d.search @@ p_query
              and (p_meeting_id is null or exists (select 1 from agenda_item mi where mi.case_id = d.case_id and mi.meeting_id = p_meeting_id))
              and ((d.public and d.case_id not in (select pc.id from political_case pc where not pc.public)) or ${ON_CALLERS_AGENDA('d.case_id')})
            limit p_cap
          ),
          hits as (select * from case_hits union all select * from document_hits)
          select hits.kind, hits.id, hits.case_id, hits.rank, count(*) over () as total,
                 count(*) filter (where hits.kind = 'case') over () >= p_cap or count(*) filter (where hits.kind = 'document') over () >= p_cap as capped
          from hits order by hits.rank desc, hits.id limit p_limit offset p_offset
        $$`,
      `revoke all on function official_document_search(tsquery, uuid[], uuid[], uuid, int, int, int) from public`,
      `grant execute on function official_document_search(tsquery, uuid[], uuid[], uuid, int, int, int) to ${APP_ROLE}`,
    ]) {
      this.addSql(sql);
    }
  }
}

/** The case is on an agenda item (of this tenant) of one of the caller's bodies or meetings; probed per hit. */
const ON_CALLERS_AGENDA = (caseId: string): string =>
  `exists (select 1 from agenda_item ai where ai.case_id = ${caseId} and ai.municipality_id = tenant.id and (ai.body_id = any(p_body_ids) or ai.meeting_id = any(p_meeting_ids)) offset 0)`;
