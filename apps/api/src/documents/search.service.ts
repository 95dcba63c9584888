import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SEARCH_CANDIDATE_CAP, type SearchHit, type SearchQuery, type SearchResponse, type SnippetPart } from '@sekretariat/contracts';
import type { ExemptScope } from '../meetings/paper-access.js';

/** Who searches: staff with their exempt scope, or the public (published, public papers only). */
export type Searcher = { kind: 'staff'; scope: ExemptScope } | { kind: 'public' };

const START = '\u0001';
const STOP = '\u0002';
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
/** ts_headline reads the text again: only its beginning, so a 2 MB document cannot slow a page of hits. */
const HEADLINE_SOURCE_CHARS = 60_000;

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
    // Matching, access and ranking in document_search (see Migration20261126010000DocumentSearch):
    // it runs past row-level security so the GIN indexes are used, and filters on the tenant itself.
    // The public's in public_document_search, on the partial indexes of what the public may see
    // (Migration20261126050000PublicSearch); the rest (elected officials) in
    // official_document_search, the same rule with cheaper checks (Migration20261126060000OfficialSearch).
    const matches =
      searcher.kind === 'public'
        ? await this.em.execute<MatchRow[]>(
            `select kind, id, case_id, rank, total, capped from public_document_search(websearch_to_tsquery('norwegian', ?::text), ?::uuid, ?, ?, ?)`,
            [query.q, query.meetingId ?? null, SEARCH_CANDIDATE_CAP, query.limit, query.offset],
          )
        : searcher.scope.all
          ? await this.em.execute<MatchRow[]>(
              `select kind, id, case_id, rank, total, capped from document_search(websearch_to_tsquery('norwegian', ?::text), true, '{}'::uuid[], '{}'::uuid[], false, ?::uuid, ?, ?, ?)`,
              [query.q, query.meetingId ?? null, SEARCH_CANDIDATE_CAP, query.limit, query.offset],
            )
          : await this.em.execute<MatchRow[]>(
              `select kind, id, case_id, rank, total, capped from official_document_search(websearch_to_tsquery('norwegian', ?::text), ?::uuid[], ?::uuid[], ?::uuid, ?, ?, ?)`,
              [query.q, uuidArray(searcher.scope.bodyIds), uuidArray(searcher.scope.meetingIds), query.meetingId ?? null, SEARCH_CANDIDATE_CAP, query.limit, query.offset],
            );
    if (!matches.length) {
      // Past the last hit the window count comes back empty: ask for the first hit to count.
      if (query.offset === 0) return { items: [], total: 0, capped: false };
      const { total, capped } = await this.search({ ...query, offset: 0, limit: 1 }, searcher);
      return { items: [], total, capped };
    }
    // Titles and snippets for this page only, read under row-level security like everything else.
    const details = await this.em.execute<DetailRow[]>(
      `select m.id, c."title" as case_title, c."archive_reference", coalesce(d."title", c."title") as title,
         coalesce(d."public" and c."public", c."public") as public,
         ts_headline('norwegian',
           case when m.kind = 'case'
             then concat_ws(' ', c."summary", c."background", c."assessment", c."recommendation")
             else coalesce(left(d."text", ${HEADLINE_SOURCE_CHARS}), '')
           end, websearch_to_tsquery('norwegian', ?::text), ?) as headline
       from jsonb_to_recordset(?::jsonb) as m(kind text, id uuid, case_id uuid)
       join "political_case" c on c."id" = m.case_id
       left join "case_document" d on m.kind = 'document' and d."id" = m.id`,
      [query.q, HEADLINE_OPTIONS, JSON.stringify(matches.map((m) => ({ kind: m.kind, id: m.id, case_id: m.case_id })))],
    );
    const byId = new Map(details.map((d) => [d.id, d]));
    const items = matches.flatMap((m) => {
      const detail = byId.get(m.id);
      return detail ? [toHit(m, detail)] : [];
    });
    return { items, total: Number(matches[0]!.total), capped: matches[0]!.capped };
  }
}

const uuidArray = (ids: readonly string[]): string => `{${ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)).join(',')}}`;

interface MatchRow {
  kind: 'case' | 'document';
  id: string;
  case_id: string;
  rank: number;
  total: string | number;
  capped: boolean;
}

interface DetailRow {
  id: string;
  case_title: string;
  archive_reference: string;
  title: string;
  public: boolean;
  headline: string | null;
}

function toHit(match: MatchRow, detail: DetailRow): SearchHit {
  return {
    kind: match.kind,
    id: match.id,
    caseId: match.case_id,
    title: detail.title,
    caseTitle: detail.case_title,
    archiveReference: detail.archive_reference,
    public: detail.public,
    rank: Number(match.rank),
    snippet: snippetParts(detail.headline ?? ''),
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
