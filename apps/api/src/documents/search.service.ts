import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { SearchHit, SearchQuery, SearchResponse, SnippetPart } from '@sekretariat/contracts';
import type { ExemptScope } from '../meetings/paper-access.js';
import { exemptAccessSql, publishedCaseSql, type SqlCondition } from './paper-visibility.js';

/** Who searches: staff with their exempt scope, or the public (published, public papers only). */
export type Searcher = { kind: 'staff'; scope: ExemptScope } | { kind: 'public' };

const START = '\u0001';
const STOP = '\u0002';
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
/** ts_headline reads the text again: only its beginning, so a 2 MB document cannot slow a page of hits. */
const HEADLINE_SOURCE_CHARS = 60_000;

interface HitRow {
  kind: 'case' | 'document';
  id: string;
  case_id: string;
  title: string;
  case_title: string;
  archive_reference: string;
  public: boolean;
  rank: number;
  total: string | number;
  headline: string | null;
}

/**
 * Full-text search in Norwegian (the `norwegian` text search configuration: stemming and stop
 * words) over cases (title, summary, the rest of the case presentation) and documents (title,
 * extracted text), ranked with ts_rank over weighted vectors, filtered in SQL to what the
 * searcher may read.
 */
@Injectable()
export class SearchService {
  constructor(@Inject(EntityManager) private readonly em: EntityManager) {}

  async search(query: SearchQuery, searcher: Searcher): Promise<SearchResponse> {
    const caseVisible = this.caseVisibility(searcher, 'c."id"');
    const documentVisible = this.documentVisibility(searcher);
    const meeting: SqlCondition = query.meetingId
      ? { sql: `exists (select 1 from "agenda_item" mi where mi."case_id" = c."id" and mi."meeting_id" = ?)`, params: [query.meetingId] }
      : { sql: 'true', params: [] };
    const sql = `
      with q as (select websearch_to_tsquery('norwegian', ?) as query),
      hits as (
        select 'case' as kind, c."id", c."id" as case_id, c."title", c."title" as case_title, c."archive_reference", c."public",
               ts_rank(c."search", q.query) as rank
        from "political_case" c, q
        where c."search" @@ q.query and ${caseVisible.sql} and ${meeting.sql}
        union all
        select 'document', d."id", c."id", d."title", c."title", c."archive_reference", d."public" and c."public",
               ts_rank(d."search", q.query)
        from "case_document" d join "political_case" c on c."id" = d."case_id", q
        where d."search" @@ q.query and ${documentVisible.sql} and ${meeting.sql}
      ),
      page as (select hits.*, count(*) over () as total from hits order by rank desc, id limit ? offset ?)
      select page.*, ts_headline('norwegian',
        case when page.kind = 'case'
          then (select concat_ws(' ', c."summary", c."background", c."assessment", c."recommendation") from "political_case" c where c."id" = page."id")
          else (select coalesce(left(d."text", ${HEADLINE_SOURCE_CHARS}), '') from "case_document" d where d."id" = page."id")
        end, q.query, ?) as headline
      from page, q
      order by page.rank desc, page.id`;
    const params = [query.q, ...caseVisible.params, ...meeting.params, ...documentVisible.params, ...meeting.params, query.limit, query.offset, HEADLINE_OPTIONS];
    const rows = await this.em.execute<HitRow[]>(sql, params);
    // Past the last hit the window count comes back empty: ask for the first hit to count.
    const total = rows.length ? Number(rows[0]!.total) : query.offset > 0 ? (await this.search({ ...query, offset: 0, limit: 1 }, searcher)).total : 0;
    return { items: rows.map(toHit), total };
  }

  private caseVisibility(searcher: Searcher, caseColumn: string): SqlCondition {
    if (searcher.kind === 'public') return { sql: `c."public" and ${publishedCaseSql(caseColumn)}`, params: [] };
    const access = exemptAccessSql(searcher.scope, caseColumn);
    return { sql: `(c."public" or ${access.sql})`, params: access.params };
  }

  private documentVisibility(searcher: Searcher): SqlCondition {
    if (searcher.kind === 'public') return { sql: `d."public" and c."public" and ${publishedCaseSql('c."id"')}`, params: [] };
    const access = exemptAccessSql(searcher.scope, 'c."id"');
    return { sql: `((d."public" and c."public") or ${access.sql})`, params: access.params };
  }
}

function toHit(row: HitRow): SearchHit {
  return {
    kind: row.kind,
    id: row.id,
    caseId: row.case_id,
    title: row.title,
    caseTitle: row.case_title,
    archiveReference: row.archive_reference,
    public: row.public,
    rank: Number(row.rank),
    snippet: snippetParts(row.headline ?? ''),
  };
}

/** ts_headline's output split at its start and stop markers into plain-text parts. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = headline.replace(/\s+/g, ' ').trim();
  while (rest) {
    const start = rest.indexOf(START);
    if (start < 0) {
      parts.push({ text: rest, mark: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), mark: false });
    const stop = rest.indexOf(STOP, start);
    const end = stop < 0 ? rest.length : stop;
    parts.push({ text: rest.slice(start + 1, end), mark: true });
    rest = stop < 0 ? '' : rest.slice(stop + 1);
  }
  return parts.map((p) => ({ ...p, text: p.text.replaceAll(START, '').replaceAll(STOP, '') })).filter((p) => p.text);
}
