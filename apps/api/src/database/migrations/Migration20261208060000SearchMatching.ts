import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../../core/tenant.js';
import { tenantTableSql } from './tenant-table-sql.js';

/**
 * Search that finds (issue 15): word beginnings, Norwegian compounds, case numbers, archive
 * references and filters.
 *
 * - `search_word`: every distinct lexeme (5 to 60 characters) of the municipality's search
 *   vectors, with a trigram index (pg_trgm, `gin_trgm_ops`). A search word that is the middle or
 *   end of a compound ("sikkerhet" in "trafikksikkerhet") is looked up here and the search is
 *   widened to the lexemes that contain it; the tsvector GIN indexes do the rest. Kept by
 *   triggers from the vectors themselves, whatever writes the rows; never pruned (a word no longer
 *   in any text only widens a search to something that matches nothing). Read only to widen a
 *   search: it is never shown to anyone.
 * - The three search functions get a second signature: the tsquery to match (prefix and compound
 *   parts), the tsquery to rank by (exact word > prefix > compound part), the cases a case number
 *   or archive reference names (ranked first), and filters by body,
 *   time (meeting date, or a document's date) and kind. The access rules are the old ones, word
 *   for word; the old signatures call the new ones, so the tests that compare the functions with
 *   each other test the new bodies.
 */
export class Migration20261208060000SearchMatching extends Migration {
  override up(): void {
    for (const sql of [
      `create extension if not exists pg_trgm`,
      `create table "search_word" ("id" uuid not null, "municipality_id" uuid not null, "created_at" timestamptz not null default now(), "word" text not null, primary key ("id"))`,
      `create index "search_word_municipality_id_index" on "search_word" ("municipality_id")`,
      `alter table "search_word" add constraint "search_word_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id") on delete restrict`,
      `alter table "search_word" add constraint "search_word_word_unique" unique ("municipality_id", "word")`,
      `create index "search_word_trigram_index" on "search_word" using gin ("word" gin_trgm_ops)`,
      ...tenantTableSql('search_word', 'select'),

      // Statement-level on insert (a bulk insert unnests once), row-level on a changed text.
      `create function search_words_from_rows() returns trigger
        language plpgsql security definer set search_path = public, pg_catalog as $$
          begin
            insert into search_word (id, municipality_id, word)
            select gen_random_uuid(), w.municipality_id, w.word
            from (select distinct r.municipality_id, u.lexeme as word from new_rows r, unnest(r.search) u where length(u.lexeme) between 5 and 60) w
            on conflict do nothing;
            return null;
          end $$`,
      `create function search_words_from_row() returns trigger
        language plpgsql security definer set search_path = public, pg_catalog as $$
          begin
            insert into search_word (id, municipality_id, word)
            select gen_random_uuid(), new.municipality_id, u.lexeme from unnest(new.search) u where length(u.lexeme) between 5 and 60
            on conflict do nothing;
            return null;
          end $$`,
      `create trigger case_document_search_words_insert after insert on case_document referencing new table as new_rows for each statement execute function search_words_from_rows()`,
      `create trigger case_document_search_words_update after update of title, text on case_document for each row when (old.title is distinct from new.title or old.text is distinct from new.text) execute function search_words_from_row()`,
      `create trigger political_case_search_words_insert after insert on political_case referencing new table as new_rows for each statement execute function search_words_from_rows()`,
      `create trigger political_case_search_words_update after update of title, summary, background, assessment, recommendation on political_case for each row
         when (old.title is distinct from new.title or old.summary is distinct from new.summary or old.background is distinct from new.background or old.assessment is distinct from new.assessment or old.recommendation is distinct from new.recommendation)
         execute function search_words_from_row()`,
      `insert into search_word (id, municipality_id, word)
        select gen_random_uuid(), w.municipality_id, w.word from (
          select distinct c.municipality_id, u.lexeme as word from political_case c, unnest(c.search) u where length(u.lexeme) between 5 and 60
          union
          select distinct d.municipality_id, u.lexeme from case_document d, unnest(d.search) u where length(u.lexeme) between 5 and 60
        ) w on conflict do nothing`,

      // Staff (the secretariat sees all; p_public_only is the old public branch).
      `create function document_search(${TERMS}, p_all boolean, p_body_ids uuid[], p_meeting_ids uuid[], p_public_only boolean, p_meeting_id uuid, ${FILTERS}, p_cap int, p_limit int, p_offset int)
        returns table (kind text, id uuid, case_id uuid, rank real, total bigint, capped boolean)
        language sql stable security definer set search_path = public, pg_catalog as $$
          with tenant as (select nullif(current_setting('app.municipality_id', true), '')::uuid as id),
          open_cases as (select ai.case_id from agenda_item ai, tenant where ai.municipality_id = tenant.id and (ai.body_id = any(p_body_ids) or ai.meeting_id = any(p_meeting_ids))),
          case_hits as (
            select 'case'::text as kind, c.id, c.id as case_id, ${CASE_RANK} as rank
            from political_case c, tenant
            where c.municipality_id = tenant.id and ${CASE_MATCH} and ${KIND('case')}
              and (p_meeting_id is null or exists (select 1 from agenda_item mi where mi.case_id = c.id and mi.meeting_id = p_meeting_id))
              and ${CASE_FILTER('c.id', false)}
              and case when p_public_only then c.published_public
                       else p_all or c.public or c.id in (select case_id from open_cases) end
            limit p_cap
          ),
          document_hits as (
            select 'document'::text as kind, d.id, d.case_id, ${DOCUMENT_RANK} as rank
            from case_document d, tenant
            where d.municipality_id = tenant.id and d.search @@ p_match and ${KIND('document')}
              and (p_meeting_id is null or exists (select 1 from agenda_item mi where mi.case_id = d.case_id and mi.meeting_id = p_meeting_id))
              and ${DOCUMENT_FILTER(false)}
              and case when p_public_only then d.published_public
                       else p_all or d.case_id in (select case_id from open_cases) or (d.public and exists (select 1 from political_case pc where pc.id = d.case_id and pc.public)) end
            limit p_cap
          ),
          ${PAGE}
        $$`,
      `create or replace function document_search(p_query tsquery, p_all boolean, p_body_ids uuid[], p_meeting_ids uuid[], p_public_only boolean, p_meeting_id uuid, p_cap int, p_limit int, p_offset int)
        returns table (kind text, id uuid, case_id uuid, rank real, total bigint, capped boolean)
        language sql stable security definer set search_path = public, pg_catalog as $$
          select * from document_search(p_query, p_query, '{}'::uuid[], p_all, p_body_ids, p_meeting_ids, p_public_only, p_meeting_id, null::uuid, null::timestamptz, null::timestamptz, null::text, p_cap, p_limit, p_offset)
        $$`,

      // The public: the partial indexes of what the public may see; filters only over published agendas.
      `create function public_document_search(${TERMS}, p_meeting_id uuid, ${FILTERS}, p_cap int, p_limit int, p_offset int)
        returns table (kind text, id uuid, case_id uuid, rank real, total bigint, capped boolean)
        language sql stable security definer set search_path = public, pg_catalog as $$
          with tenant as (select nullif(current_setting('app.municipality_id', true), '')::uuid as id),
          case_hits as (
            select 'case'::text as kind, c.id, c.id as case_id, ${CASE_RANK} as rank
            from political_case c, tenant
            where c.published_public and ${CASE_MATCH} and c.municipality_id = tenant.id and ${KIND('case')}
              and (p_meeting_id is null or exists (select 1 from agenda_item mi where mi.case_id = c.id and mi.meeting_id = p_meeting_id))
              and ${CASE_FILTER('c.id', true)}
            limit p_cap
          ),
          document_hits as (
            select 'document'::text as kind, d.id, d.case_id, ${DOCUMENT_RANK} as rank
            from case_document d, tenant
            where d.published_public and d.search @@ p_match and d.municipality_id = tenant.id and ${KIND('document')}
              and (p_meeting_id is null or exists (select 1 from agenda_item mi where mi.case_id = d.case_id and mi.meeting_id = p_meeting_id))
              and ${DOCUMENT_FILTER(true)}
            limit p_cap
          ),
          ${PAGE}
        $$`,
      `create or replace function public_document_search(p_query tsquery, p_meeting_id uuid, p_cap int, p_limit int, p_offset int)
        returns table (kind text, id uuid, case_id uuid, rank real, total bigint, capped boolean)
        language sql stable security definer set search_path = public, pg_catalog as $$
          select * from public_document_search(p_query, p_query, '{}'::uuid[], p_meeting_id, null::uuid, null::timestamptz, null::timestamptz, null::text, p_cap, p_limit, p_offset)
        $$`,

      // Elected officials: the cheap per-hit checks of Migration20261126060000OfficialSearch.
      `create function official_document_search(${TERMS}, p_body_ids uuid[], p_meeting_ids uuid[], p_meeting_id uuid, ${FILTERS}, p_cap int, p_limit int, p_offset int)
        returns table (kind text, id uuid, case_id uuid, rank real, total bigint, capped boolean)
        language sql stable security definer set search_path = public, pg_catalog as $$
          with tenant as (select nullif(current_setting('app.municipality_id', true), '')::uuid as id),
          case_hits as (
            select 'case'::text as kind, c.id, c.id as case_id, ${CASE_RANK} as rank
            from political_case c, tenant
            where c.municipality_id = tenant.id and ${CASE_MATCH} and ${KIND('case')}
              and (p_meeting_id is null or exists (select 1 from agenda_item mi where mi.case_id = c.id and mi.meeting_id = p_meeting_id))
              and ${CASE_FILTER('c.id', false)}
              and (c.public or ${ON_CALLERS_AGENDA('c.id')})
            limit p_cap
          ),
          document_hits as (
            select 'document'::text as kind, d.id, d.case_id, ${DOCUMENT_RANK} as rank
            from case_document d, tenant
            where d.municipality_id = tenant.id and d.search @@ p_match and ${KIND('document')}
              and (p_meeting_id is null or exists (select 1 from agenda_item mi where mi.case_id = d.case_id and mi.meeting_id = p_meeting_id))
              and ${DOCUMENT_FILTER(false)}
              and ((d.public and d.case_id not in (select pc.id from political_case pc where not pc.public)) or ${ON_CALLERS_AGENDA('d.case_id')})
            limit p_cap
          ),
          ${PAGE}
        $$`,
      `create or replace function official_document_search(p_query tsquery, p_body_ids uuid[], p_meeting_ids uuid[], p_meeting_id uuid, p_cap int, p_limit int, p_offset int)
        returns table (kind text, id uuid, case_id uuid, rank real, total bigint, capped boolean)
        language sql stable security definer set search_path = public, pg_catalog as $$
          select * from official_document_search(p_query, p_query, '{}'::uuid[], p_body_ids, p_meeting_ids, p_meeting_id, null::uuid, null::timestamptz, null::timestamptz, null::text, p_cap, p_limit, p_offset)
        $$`,
    ]) {
      this.addSql(sql);
    }
    for (const signature of [
      `document_search(${TERM_TYPES}, boolean, uuid[], uuid[], boolean, uuid, ${FILTER_TYPES}, int, int, int)`,
      `public_document_search(${TERM_TYPES}, uuid, ${FILTER_TYPES}, int, int, int)`,
      `official_document_search(${TERM_TYPES}, uuid[], uuid[], uuid, ${FILTER_TYPES}, int, int, int)`,
    ]) {
      this.addSql(`revoke all on function ${signature} from public`);
      this.addSql(`grant execute on function ${signature} to ${APP_ROLE}`);
    }
  }
}

/**
 * What to match (word beginnings and compound parts), what to rank by (the exact words or'ed with
 * the match: a hit on the exact word scores on both, so it ranks above a word beginning, which
 * ranks above a compound part in a longer word), the cases named by number or reference.
 */
const TERMS = `p_match tsquery, p_rank tsquery, p_case_ids uuid[]`;
const TERM_TYPES = `tsquery, tsquery, uuid[]`;
/** A body's agenda; meetings (or a document's own date) from p_from, before p_to; only 'case' or 'document'. */
const FILTERS = `p_body_id uuid, p_from timestamptz, p_to timestamptz, p_kind text`;
const FILTER_TYPES = `uuid, timestamptz, timestamptz, text`;

const KIND = (kind: string): string => `(p_kind is null or p_kind = '${kind}')`;
const CASE_MATCH = `(c.search @@ p_match or c.id = any(p_case_ids))`;
/**
 * A named case first (ts_rank is below 1), then by ts_rank over p_rank. One ts_rank per hit, as
 * before: an extra `@@` per hit for each tier cost more than the tiers were worth (docs/benchmarks.md).
 */
const CASE_RANK = `(ts_rank(c.search, p_rank) + case when c.id = any(p_case_ids) then 10 else 0 end)::real`;
const DOCUMENT_RANK = `ts_rank(d.search, p_rank)`;

/** An agenda item of the case (of the body, at a meeting in the time range); for the public only on published agendas. */
const ON_FILTERED_AGENDA = (caseId: string, published: boolean, withDates: boolean): string =>
  `exists (select 1 from agenda_item fi join meeting fm on fm.id = fi.meeting_id
           where fi.case_id = ${caseId} and (p_body_id is null or fi.body_id = p_body_id)
             ${withDates ? 'and (p_from is null or fm.starts_at >= p_from) and (p_to is null or fm.starts_at < p_to)' : ''}
             ${published ? `and not fi.closed and fm.status <> 'planned'` : ''})`;
const CASE_FILTER = (caseId: string, published: boolean): string =>
  `((p_body_id is null and p_from is null and p_to is null) or ${ON_FILTERED_AGENDA(caseId, published, true)})`;
/** A document: on the body's agenda, and dated in the range itself or treated at a meeting in it. */
const DOCUMENT_FILTER = (published: boolean): string =>
  `((p_body_id is null and p_from is null and p_to is null)
     or ((p_body_id is null or ${ON_FILTERED_AGENDA('d.case_id', published, false)})
         and ((p_from is null and p_to is null) or ((p_from is null or d.created_at >= p_from) and (p_to is null or d.created_at < p_to)) or ${ON_FILTERED_AGENDA('d.case_id', published, true)})))`;

const PAGE = `hits as (select * from case_hits union all select * from document_hits)
          select hits.kind, hits.id, hits.case_id, hits.rank, count(*) over () as total,
                 count(*) filter (where hits.kind = 'case') over () >= p_cap or count(*) filter (where hits.kind = 'document') over () >= p_cap as capped
          from hits order by hits.rank desc, hits.id limit p_limit offset p_offset`;

/** As Migration20261126060000OfficialSearch: the case is on an agenda item of the caller's bodies or meetings; probed per hit. */
const ON_CALLERS_AGENDA = (caseId: string): string =>
  `exists (select 1 from agenda_item ai where ai.case_id = ${caseId} and ai.municipality_id = tenant.id and (ai.body_id = any(p_body_ids) or ai.meeting_id = any(p_meeting_ids)) offset 0)`;
