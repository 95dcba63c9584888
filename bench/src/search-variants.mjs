#!/usr/bin/env node
/**
 * The two ways to match Norwegian compounds (issue 15), timed in SQL on the database the search
 * scenario leaves behind (`sek_bench_search`, 100,000 documents): run `node src/run.mjs search`
 * first, then `node src/search-variants.mjs`. Not a scenario: it changes that database (adds an
 * index) and measures the matching step only, without HTTP.
 *
 * A (kept): the word list. The query's words as prefixes, each widened to the lexemes of
 *   `search_word` that contain it (trigram index on the words), matched and ranked by the
 *   tsvector GIN index in `document_search` (the secretariat's call, exactly as the API makes it).
 * B: a trigram index over the normalised text itself (`gin_trgm_ops` on `lower(title || text)`
 *   of the documents), each word matched as `like '%word%'`, the first 5,000 readable documents
 *   (the same cap), no ranking at all: it cannot rank, so B's figure is a lower bound.
 *
 * Interleaved, each query ROUNDS times after a warm-up; p50 and p95 over all timings.
 */
import pg from 'pg';
import { archiveReferenceOf, caseNumberOf, compoundCandidates, searchTerms, tsqueryParts } from '@sekretariat/api/dist/documents/search-terms.js';
import { percentile, round } from './lib/stats.mjs';
import { QUERIES } from './scenarios/search.mjs';

const ROUNDS = 3;
const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
url.pathname = '/sek_bench_search';
const db = new pg.Client({ connectionString: url.toString() });
await db.connect();
const { rows: [tenant] } = await db.query(`select municipality_id as id from political_case limit 1`);
await db.query(`select set_config('app.municipality_id', $1, false)`, [tenant.id]);

let t = performance.now();
await db.query(`create index if not exists bench_case_document_text_trigram on case_document using gin ((lower(title || ' ' || coalesce(text, ''))) gin_trgm_ops)`);
const buildS = (performance.now() - t) / 1000;
const { rows: [size] } = await db.query(`select pg_size_pretty(pg_relation_size('bench_case_document_text_trigram')) as trigram, pg_size_pretty(pg_relation_size('case_document_search_index')) as gin, (select count(*) from search_word) as words, pg_size_pretty(pg_total_relation_size('search_word')) as word_list`);
console.log(`B's index built in ${round(buildS, 1)} s: ${size.trigram} (the tsvector GIN index: ${size.gin}); A's word list: ${size.words} words, ${size.word_list}`);

async function variantA(q) {
  const { rows: [row] } = await db.query(`select websearch_to_tsquery('norwegian', $1)::text as printed`, [q]);
  const candidates = compoundCandidates(tsqueryParts(row.printed));
  const compounds = new Map();
  if (candidates.length) {
    const esc = (s) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
    const { rows } = await db.query(
      `select l.lexeme, array(select w.word from search_word w where w.word like '%' || l.part || '%' escape '\\' and w.word not like l.prefix || '%' escape '\\' order by length(w.word), w.word limit 30) as words
       from jsonb_to_recordset($1::jsonb) as l(lexeme text, part text, prefix text)`,
      [JSON.stringify(candidates.map(({ lexeme, part }) => ({ lexeme, part: esc(part), prefix: esc(lexeme) })))],
    );
    for (const r of rows) if (r.words.length) compounds.set(r.lexeme, r.words);
  }
  const named = caseNumberOf(q) || archiveReferenceOf(q) ? 1 : 0;
  const terms = searchTerms(row.printed, compounds);
  const { rows } = await db.query(
    `select count(*) over () as n from document_search($1::tsquery, $2::tsquery, '{}'::uuid[], true, '{}'::uuid[], '{}'::uuid[], false, null::uuid, null::uuid, null::timestamptz, null::timestamptz, null::text, 5000, 20, 0)`,
    [terms.match, terms.rank],
  );
  return rows.length + named * 0;
}

async function variantB(q) {
  const words = q.toLowerCase().replace(/"/g, ' ').split(/\s+/).filter((w) => w && w !== 'or' && !w.startsWith('-') && w.length >= 3);
  if (!words.length) return 0;
  const { rows } = await db.query(
    `select d.id from case_document d where d.municipality_id = $1 and ${words.map((_, i) => `lower(d.title || ' ' || coalesce(d.text, '')) like $${i + 2}`).join(' and ')} limit 5000`,
    [tenant.id, ...words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)],
  );
  return rows.length;
}

const times = { A: [], B: [] };
for (let round_ = 0; round_ <= ROUNDS; round_++) {
  for (const q of QUERIES) {
    for (const [name, fn] of [['A', variantA], ['B', variantB]]) {
      t = performance.now();
      await fn(q);
      if (round_ > 0) times[name].push(performance.now() - t);
    }
  }
}
for (const name of ['A', 'B']) console.log(`${name}: p50 ${round(percentile(times[name], 50), 1)} ms, p95 ${round(percentile(times[name], 95), 1)} ms, max ${round(Math.max(...times[name]), 1)} ms`);
await db.query(`drop index bench_case_document_text_trigram`);
await db.end();
