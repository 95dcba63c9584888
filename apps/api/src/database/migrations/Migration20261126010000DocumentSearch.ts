import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../core/tenant.js';

/**
 * Full-text search in Norwegian: a stored, generated tsvector on cases (title A, summary B, the
 * rest of the case presentation C) and on case documents (title A, extracted text C), each with
 * a GIN index; and the extracted text of a document with the state of its extraction.
 */
export class Migration20261126010000DocumentSearch extends Migration {
  override up(): void {
    for (const sql of [
      `alter table "case_document" add column "text" text null, add column "text_status" varchar(20) not null default 'none'`,
      `alter table "case_document" add constraint "case_document_text_status_check" check ("text_status" in ('none', 'pending', 'done', 'failed'))`,
      `alter table "case_document" add column "search" tsvector generated always as (${DOCUMENT_SEARCH}) stored`,
      `create index "case_document_search_index" on "case_document" using gin ("search")`,
      // Searches read many rows: keep the extracted text out of line (TOAST) and the search vector
      // in the row, so the heap stays small and a match costs one page, not the text's pages.
      `alter table "case_document" alter column "text" set storage external, alter column "search" set storage main`,
      `alter table "case_document" set (toast_tuple_target = 256)`,
      `alter table "political_case" add column "search" tsvector generated always as (${CASE_SEARCH}) stored`,
      `create index "political_case_search_index" on "political_case" using gin ("search")`,
      `create function document_search(p_query tsquery, p_all boolean, p_body_ids uuid[], p_meeting_ids uuid[], p_public_only boolean, p_meeting_id uuid, p_cap int, p_limit int, p_offset int)
        returns table (kind text, id uuid, case_id uuid, rank real, total bigint, capped boolean)
        language sql stable security definer set search_path = public, pg_catalog as $$
          with tenant as (select nullif(current_setting('app.municipality_id', true), '')::uuid as id),
          -- Which cases' papers the caller may read, worked out once (not per hit); whether a
          -- document's case is public is looked up per hit, last, for the few that still need it.
          open_cases as (select ai.case_id from agenda_item ai, tenant where ai.municipality_id = tenant.id and (ai.body_id = any(p_body_ids) or ai.meeting_id = any(p_meeting_ids))),
          published_cases as (
            select ai.case_id from agenda_item ai join meeting m on m.id = ai.meeting_id join body b on b.id = ai.body_id, tenant
            where ai.municipality_id = tenant.id and not ai.closed and m.status <> 'planned' and b.is_public
          ),
          case_hits as (
            select 'case'::text as kind, c.id, c.id as case_id, ts_rank(c.search, p_query) as rank
            from political_case c, tenant
            where c.municipality_id = tenant.id and c.search @@ p_query
              and (p_meeting_id is null or exists (select 1 from agenda_item mi where mi.case_id = c.id and mi.meeting_id = p_meeting_id))
              and case when p_public_only then c.public and c.id in (select case_id from published_cases)
                       else p_all or c.public or c.id in (select case_id from open_cases) end
            limit p_cap
          ),
          document_hits as (
            select 'document'::text as kind, d.id, d.case_id, ts_rank(d.search, p_query) as rank
            from case_document d, tenant
            where d.municipality_id = tenant.id and d.search @@ p_query
              and (p_meeting_id is null or exists (select 1 from agenda_item mi where mi.case_id = d.case_id and mi.meeting_id = p_meeting_id))
              and case when p_public_only then d.public and d.case_id in (select case_id from published_cases) and ${CASE_PUBLIC}
                       else p_all or d.case_id in (select case_id from open_cases) or (d.public and ${CASE_PUBLIC}) end
            limit p_cap
          ),
          hits as (select * from case_hits union all select * from document_hits)
          select hits.kind, hits.id, hits.case_id, hits.rank, count(*) over () as total,
                 count(*) filter (where hits.kind = 'case') over () >= p_cap or count(*) filter (where hits.kind = 'document') over () >= p_cap as capped
          from hits order by hits.rank desc, hits.id limit p_limit offset p_offset
        $$`,
      `revoke all on function document_search(tsquery, boolean, uuid[], uuid[], boolean, uuid, int, int, int) from public`,
      `grant execute on function document_search(tsquery, boolean, uuid[], uuid[], boolean, uuid, int, int, int) to ${APP_ROLE}`,
    ]) {
      this.addSql(sql);
    }
  }
}

/** The document's case is public (looked up by primary key). */
const CASE_PUBLIC = `exists (select 1 from political_case pc where pc.id = d.case_id and pc.public)`;

// As PostgreSQL prints them back (information_schema.columns.generation_expression), so the
// entities can declare the same text and the schema comparison sees no change.
const DOCUMENT_SEARCH = `setweight(to_tsvector('norwegian'::regconfig, (title)::text), 'A'::"char") || setweight(to_tsvector('norwegian'::regconfig, COALESCE(text, ''::text)), 'C'::"char")`;
const CASE_SEARCH = `(setweight(to_tsvector('norwegian'::regconfig, (title)::text), 'A'::"char") || setweight(to_tsvector('norwegian'::regconfig, summary), 'B'::"char")) || setweight(to_tsvector('norwegian'::regconfig, ((((background || ' '::text) || assessment) || ' '::text) || recommendation)), 'C'::"char")`;
