import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../core/tenant.js';

/**
 * Public full-text search without reading every match: `published_public` on cases and documents
 * says "a visitor may see this" (the same rule as before: a public case on a not-closed agenda
 * item of a published meeting of an open body; a public document of such a case), kept by the
 * database itself, and partial GIN indexes on the search vectors of exactly those rows.
 *
 * One place decides the flag: `refresh_published_public(case_ids)`. Triggers call it whenever
 * anything it reads changes — agenda items added, removed or changed (closed, moved), a meeting's
 * status, a body's `is_public`, a case's `public` — and set a new or changed document's flag from
 * its case. Triggers, not application calls, so the flag is right whatever writes the rows (the
 * API, the seed, the benchmark's SQL). The functions are `security definer`: a change in one
 * place (a body made closed) must reach every row it affects, row-level security or not; they
 * take only case ids and change only the flag.
 */
export class Migration20261126050000PublicSearch extends Migration {
  override up(): void {
    for (const sql of [
      `alter table "political_case" add column "published_public" boolean not null default false`,
      `alter table "case_document" add column "published_public" boolean not null default false`,

      `create function refresh_published_public(p_case_ids uuid[]) returns void
        language sql volatile security definer set search_path = public, pg_catalog as $$
          update political_case c set published_public = v.value
          from (select pc.id, pc.public and ${CASE_PUBLISHED('pc.id')} as value from political_case pc where pc.id = any(p_case_ids)) v
          where c.id = v.id and c.published_public is distinct from v.value;
          update case_document d set published_public = d.public and c.published_public
          from political_case c
          where c.id = d.case_id and d.case_id = any(p_case_ids) and d.published_public is distinct from (d.public and c.published_public);
        $$`,
      `revoke all on function refresh_published_public(uuid[]) from public`,

      // Agenda items: statement-level with transition tables, so a bulk insert refreshes once.
      `create function agenda_item_published_public() returns trigger
        language plpgsql security definer set search_path = public, pg_catalog as $$
          begin
            if tg_op = 'INSERT' then
              perform refresh_published_public(array(select distinct case_id from new_rows where case_id is not null));
            elsif tg_op = 'UPDATE' then
              perform refresh_published_public(array(select case_id from new_rows where case_id is not null union select case_id from old_rows where case_id is not null));
            else
              perform refresh_published_public(array(select distinct case_id from old_rows where case_id is not null));
            end if;
            return null;
          end $$`,
      `create trigger agenda_item_published_public_insert after insert on agenda_item referencing new table as new_rows for each statement execute function agenda_item_published_public()`,
      `create trigger agenda_item_published_public_update after update on agenda_item referencing old table as old_rows new table as new_rows for each statement execute function agenda_item_published_public()`,
      `create trigger agenda_item_published_public_delete after delete on agenda_item referencing old table as old_rows for each statement execute function agenda_item_published_public()`,

      // A meeting published (or set back), a body opened or closed: every case on their items.
      `create function meeting_published_public() returns trigger
        language plpgsql security definer set search_path = public, pg_catalog as $$
          begin
            perform refresh_published_public(array(select distinct case_id from agenda_item where meeting_id = new.id and case_id is not null));
            return null;
          end $$`,
      `create trigger meeting_published_public after update of status on meeting for each row when (old.status is distinct from new.status) execute function meeting_published_public()`,
      `create function body_published_public() returns trigger
        language plpgsql security definer set search_path = public, pg_catalog as $$
          begin
            perform refresh_published_public(array(select distinct case_id from agenda_item where body_id = new.id and case_id is not null));
            return null;
          end $$`,
      `create trigger body_published_public after update of is_public on body for each row when (old.is_public is distinct from new.is_public) execute function body_published_public()`,

      // A case: worked out when written (whatever the insert says), its documents follow a change of public.
      `create function political_case_published_public() returns trigger
        language plpgsql security definer set search_path = public, pg_catalog as $$
          begin
            if tg_when = 'BEFORE' then
              new.published_public := new.public and ${CASE_PUBLISHED('new.id')};
              return new;
            end if;
            perform refresh_published_public(array[new.id]);
            return null;
          end $$`,
      `create trigger political_case_published_public_set before insert or update of public, published_public on political_case for each row execute function political_case_published_public()`,
      `create trigger political_case_published_public after update of public on political_case for each row when (old.public is distinct from new.public) execute function political_case_published_public()`,

      // A document: from its own public flag and its case's flag, when written.
      `create function case_document_published_public() returns trigger
        language plpgsql security definer set search_path = public, pg_catalog as $$
          begin
            new.published_public := new.public and coalesce((select c.published_public from political_case c where c.id = new.case_id), false);
            return new;
          end $$`,
      `create trigger case_document_published_public before insert or update of public, case_id on case_document for each row execute function case_document_published_public()`,

      `select refresh_published_public(array(select id from political_case))`,

      `create index "political_case_public_search_index" on "political_case" using gin ("search") where "published_public"`,
      `create index "case_document_public_search_index" on "case_document" using gin ("search") where "published_public"`,

      // The public search matches on the partial indexes alone, in a function of its own, so that
      // staff searches keep exactly the plans they had (one function with both ways to match
      // costs staff a few milliseconds of planning per call).
      `create function public_document_search(p_query tsquery, p_meeting_id uuid, p_cap int, p_limit int, p_offset int)
        returns table (kind text, id uuid, case_id uuid, rank real, total bigint, capped boolean)
        language sql stable security definer set search_path = public, pg_catalog as $$
          with tenant as (select nullif(current_setting('app.municipality_id', true), '')::uuid as id),
          case_hits as (
            select 'case'::text as kind, c.id, c.id as case_id, ts_rank(c.search, p_query) as rank
            from political_case c, tenant
            where c.published_public and c.search @@ p_query and c.municipality_id = tenant.id
              and (p_meeting_id is null or exists (select 1 from agenda_item mi where mi.case_id = c.id and mi.meeting_id = p_meeting_id))
            limit p_cap
          ),
          document_hits as (
            select 'document'::text as kind, d.id, d.case_id, ts_rank(d.search, p_query) as rank
            from case_document d, tenant
            where d.published_public and d.search @@ p_query and d.municipality_id = tenant.id
              and (p_meeting_id is null or exists (select 1 from agenda_item mi where mi.case_id = d.case_id and mi.meeting_id = p_meeting_id))
            limit p_cap
          ),
          hits as (select * from case_hits union all select * from document_hits)
          select hits.kind, hits.id, hits.case_id, hits.rank, count(*) over () as total,
                 count(*) filter (where hits.kind = 'case') over () >= p_cap or count(*) filter (where hits.kind = 'document') over () >= p_cap as capped
          from hits order by hits.rank desc, hits.id limit p_limit offset p_offset
        $$`,
      `revoke all on function public_document_search(tsquery, uuid, int, int, int) from public`,
      `grant execute on function public_document_search(tsquery, uuid, int, int, int) to ${APP_ROLE}`,
      // document_search keeps its staff branch as it was; its public branch (no longer called by
      // the API) reads the flag too, so both functions give the same answer.
      `create or replace function document_search(p_query tsquery, p_all boolean, p_body_ids uuid[], p_meeting_ids uuid[], p_public_only boolean, p_meeting_id uuid, p_cap int, p_limit int, p_offset int)
        returns table (kind text, id uuid, case_id uuid, rank real, total bigint, capped boolean)
        language sql stable security definer set search_path = public, pg_catalog as $$
          with tenant as (select nullif(current_setting('app.municipality_id', true), '')::uuid as id),
          open_cases as (select ai.case_id from agenda_item ai, tenant where ai.municipality_id = tenant.id and (ai.body_id = any(p_body_ids) or ai.meeting_id = any(p_meeting_ids))),
          case_hits as (
            select 'case'::text as kind, c.id, c.id as case_id, ts_rank(c.search, p_query) as rank
            from political_case c, tenant
            where c.municipality_id = tenant.id and c.search @@ p_query
              and (p_meeting_id is null or exists (select 1 from agenda_item mi where mi.case_id = c.id and mi.meeting_id = p_meeting_id))
              and case when p_public_only then c.published_public
                       else p_all or c.public or c.id in (select case_id from open_cases) end
            limit p_cap
          ),
          document_hits as (
            select 'document'::text as kind, d.id, d.case_id, ts_rank(d.search, p_query) as rank
            from case_document d, tenant
            where d.municipality_id = tenant.id and d.search @@ p_query
              and (p_meeting_id is null or exists (select 1 from agenda_item mi where mi.case_id = d.case_id and mi.meeting_id = p_meeting_id))
              and case when p_public_only then d.published_public
                       else p_all or d.case_id in (select case_id from open_cases) or (d.public and exists (select 1 from political_case pc where pc.id = d.case_id and pc.public)) end
            limit p_cap
          ),
          hits as (select * from case_hits union all select * from document_hits)
          select hits.kind, hits.id, hits.case_id, hits.rank, count(*) over () as total,
                 count(*) filter (where hits.kind = 'case') over () >= p_cap or count(*) filter (where hits.kind = 'document') over () >= p_cap as capped
          from hits order by hits.rank desc, hits.id limit p_limit offset p_offset
        $$`,
    ]) {
      this.addSql(sql);
    }
  }
}

/** The case is on a not-closed agenda item of a published meeting of an open body. */
const CASE_PUBLISHED = (caseId: string): string =>
  `exists (select 1 from agenda_item ai join meeting m on m.id = ai.meeting_id join body b on b.id = ai.body_id
           where ai.case_id = ${caseId} and not ai.closed and m.status <> 'planned' and b.is_public)`;
