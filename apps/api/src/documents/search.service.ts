import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { SEARCH_CANDIDATE_CAP, type SearchHit, type SearchQuery, type SearchResponse, type SnippetPart } from '@sekretariat/contracts';
import { DomainError } from '../common/errors/domain-error.js';
import type { ExemptScope } from '../cases/paper-access.js';
import { archiveReferenceOf, caseNumberOf, compoundCandidates, searchTerms, tsqueryParts, type SearchTerms } from './search-terms.js';

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
    if (query.bodyId) await this.checkBody(query.bodyId, searcher);
    const terms = await this.terms(query.q);
    if (query.type === 'meeting') return this.meetings(query, terms, searcher);
    const caseIds = await this.namedCases(query.q);
    if (!terms.hasWords && !caseIds.length) return { items: [], total: 0, capped: false };
    // Matching, access and ranking in document_search (see Migration20261126010000DocumentSearch):
    // it runs past row-level security so the GIN indexes are used, and filters on the tenant itself.
    // The public's in public_document_search, on the partial indexes of what the public may see
    // (Migration20261126050000PublicSearch); the rest (elected officials) in
    // official_document_search, the same rule with cheaper checks (Migration20261126060000OfficialSearch).
    // Prefixes, compounds, named cases and filters: Migration20261208060000SearchMatching.
    const head = [terms.match, terms.rank, uuidArray(caseIds)];
    const filters = [query.bodyId ?? null, query.from ?? null, query.to ?? null, query.type ?? null];
    const tail = [SEARCH_CANDIDATE_CAP, query.limit, query.offset];
    const matches =
      searcher.kind === 'public'
        ? await this.em.execute<MatchRow[]>(
            `select kind, id, case_id, rank, total, capped from public_document_search(?::tsquery, ?::tsquery, ?::uuid[], ?::uuid, ${FILTER_SQL}, ?, ?, ?)`,
            [...head, query.meetingId ?? null, ...filters, ...tail],
          )
        : searcher.scope.all
          ? await this.em.execute<MatchRow[]>(
              `select kind, id, case_id, rank, total, capped from document_search(?::tsquery, ?::tsquery, ?::uuid[], true, '{}'::uuid[], '{}'::uuid[], false, ?::uuid, ${FILTER_SQL}, ?, ?, ?)`,
              [...head, query.meetingId ?? null, ...filters, ...tail],
            )
          : await this.em.execute<MatchRow[]>(
              `select kind, id, case_id, rank, total, capped from official_document_search(?::tsquery, ?::tsquery, ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid, ${FILTER_SQL}, ?, ?, ?)`,
              // Exempt hits only from the meetings PaperAccess opens in full (no body-wide access: the seat rule).
              [...head, '{}', uuidArray(searcher.scope.meetingIds), query.meetingId ?? null, ...filters, ...tail],
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
           end, ?::tsquery, ?) as headline
       from jsonb_to_recordset(?::jsonb) as m(kind text, id uuid, case_id uuid)
       join "political_case" c on c."id" = m.case_id
       left join "case_document" d on m.kind = 'document' and d."id" = m.id`,
      [terms.hasWords ? terms.match : '', HEADLINE_OPTIONS, JSON.stringify(matches.map((m) => ({ kind: m.kind, id: m.id, case_id: m.case_id })))],
    );
    const byId = new Map(details.map((d) => [d.id, d]));
    const items = matches.flatMap((m) => {
      const detail = byId.get(m.id);
      return detail ? [toHit(m, detail)] : [];
    });
    return { items, total: Number(matches[0]!.total), capped: matches[0]!.capped };
  }

  /**
   * The exact, prefix and matching tsqueries of the words (search-terms.ts). Each word is widened to at most COMPOUNDS_PER_WORD words of the municipality's word
   * list that contain it after their beginning (the trigram index on search_word), shortest first.
   */
  private async terms(q: string): Promise<SearchTerms & { hasWords: boolean }> {
    const [row] = await this.em.execute<{ printed: string }[]>(`select websearch_to_tsquery('norwegian', ?::text)::text as printed`, [q]);
    const printed = row?.printed ?? '';
    const candidates = compoundCandidates(tsqueryParts(printed));
    const compounds = new Map<string, string[]>();
    if (candidates.length) {
      const rows = await this.em.execute<{ lexeme: string; words: string[] }[]>(
        `select l.lexeme, array(
           select w.word from search_word w
           where w.word like '%' || l.part || '%' escape '\\' and w.word not like l.prefix || '%' escape '\\'
           order by length(w.word), w.word limit ${COMPOUNDS_PER_WORD}) as words
         from jsonb_to_recordset(?::jsonb) as l(lexeme text, part text, prefix text)`,
        [JSON.stringify(candidates.map(({ lexeme, part }) => ({ lexeme, part: likeEscape(part), prefix: likeEscape(lexeme) })))],
      );
      for (const r of rows) if (r.words.length) compounds.set(r.lexeme, r.words);
    }
    return { ...searchTerms(printed, compounds), hasWords: printed.trim() !== '' };
  }

  /** The cases a case number or archive reference names (access is checked by the search functions). */
  private async namedCases(q: string): Promise<string[]> {
    const number = caseNumberOf(q);
    const reference = archiveReferenceOf(q);
    if (!number && !reference) return [];
    const rows = await this.em.execute<{ id: string }[]>(
      `select c.id from political_case c where c.archive_reference = ?
       union
       select ai.case_id from agenda_item ai where ai.case_id is not null and ai.sequence = ? and ai.year = ? and (?::text is null or ai.type = ?::text)
       limit 20`,
      [reference ?? '', number?.sequence ?? 0, number?.year ?? 0, number?.type ?? null, number?.type ?? null],
    );
    return rows.map((r) => r.id);
  }

  /** A body to filter by must exist (for the public: be open). */
  private async checkBody(bodyId: string, searcher: Searcher): Promise<void> {
    const rows = await this.em.execute<{ id: string }[]>(`select id from body where id = ? and (? or is_public)`, [bodyId, searcher.kind !== 'public']);
    if (!rows.length) throw new SearchBodyUnknownError();
  }

  /**
   * Meetings by their body's name and place (and their date range and body), newest first:
   * for the public only published meetings of open bodies, for elected officials those not
   * merely planned or of their own bodies.
   */
  private async meetings(query: SearchQuery, terms: SearchTerms & { hasWords: boolean }, searcher: Searcher): Promise<SearchResponse> {
    if (!terms.hasWords) return { items: [], total: 0, capped: false };
    const visibility =
      searcher.kind === 'public' ? `m.status <> 'planned' and b.is_public` : searcher.scope.all ? 'true' : `(m.status <> 'planned' or m.body_id = any(?::uuid[]))`;
    const rows = await this.em.execute<MeetingRow[]>(
      `select m.id, m.starts_at, b.name as body_name, m.place,
         ts_rank(to_tsvector('norwegian', b.name || ' ' || m.place), ?::tsquery) as rank,
         count(*) over () as total
       from meeting m join body b on b.id = m.body_id
       where to_tsvector('norwegian', b.name || ' ' || m.place) @@ ?::tsquery and ${visibility}
         and (?::uuid is null or m.body_id = ?::uuid)
         and (?::date is null or m.starts_at >= (?::date)::timestamp at time zone 'Europe/Oslo')
         and (?::date is null or m.starts_at < (?::date + 1)::timestamp at time zone 'Europe/Oslo')
       order by rank desc, m.starts_at desc, m.id limit ? offset ?`,
      [
        terms.rank,
        terms.match,
        ...(searcher.kind === 'staff' && !searcher.scope.all ? [uuidArray(searcher.scope.bodyIds)] : []),
        query.bodyId ?? null,
        query.bodyId ?? null,
        query.from ?? null,
        query.from ?? null,
        query.to ?? null,
        query.to ?? null,
        query.limit,
        query.offset,
      ],
    );
    const items: SearchHit[] = rows.map((r) => ({
      kind: 'meeting',
      id: r.id,
      caseId: null,
      title: r.body_name,
      caseTitle: '',
      archiveReference: '',
      public: true,
      rank: Number(r.rank),
      snippet: r.place ? [{ text: r.place, mark: false }] : [],
      startsAt: new Date(r.starts_at).toISOString(),
      bodyName: r.body_name,
    }));
    if (!rows.length && query.offset > 0) {
      const { total } = await this.meetings({ ...query, offset: 0, limit: 1 }, terms, searcher);
      return { items: [], total, capped: false };
    }
    return { items, total: Number(rows[0]?.total ?? 0), capped: false };
  }
}

/** Days in Norway: from the start of the first, to the start of the day after the last. */
const FILTER_SQL = `?::uuid, (?::date)::timestamp at time zone 'Europe/Oslo', (?::date + 1)::timestamp at time zone 'Europe/Oslo', ?::text`;
const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** How many compounds one search word widens to (the shortest first: closest to the word). */
const COMPOUNDS_PER_WORD = 30;

export class SearchBodyUnknownError extends DomainError {
  constructor() {
    super('SEARCH_BODY_UNKNOWN', 'Fant ikke organet det skal søkes i.', 400);
  }
}

interface MeetingRow {
  id: string;
  starts_at: string | Date;
  body_name: string;
  place: string;
  rank: number;
  total: string | number;
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
