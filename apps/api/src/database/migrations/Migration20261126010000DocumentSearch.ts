import { Migration } from '@mikro-orm/migrations';

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
      `alter table "political_case" add column "search" tsvector generated always as (${CASE_SEARCH}) stored`,
      `create index "political_case_search_index" on "political_case" using gin ("search")`,
    ]) {
      this.addSql(sql);
    }
  }
}

// As PostgreSQL prints them back (information_schema.columns.generation_expression), so the
// entities can declare the same text and the schema comparison sees no change.
const DOCUMENT_SEARCH = `setweight(to_tsvector('norwegian'::regconfig, (title)::text), 'A'::"char") || setweight(to_tsvector('norwegian'::regconfig, COALESCE(text, ''::text)), 'C'::"char")`;
const CASE_SEARCH = `(setweight(to_tsvector('norwegian'::regconfig, (title)::text), 'A'::"char") || setweight(to_tsvector('norwegian'::regconfig, summary), 'B'::"char")) || setweight(to_tsvector('norwegian'::regconfig, ((((background || ' '::text) || assessment) || ' '::text) || recommendation)), 'C'::"char")`;
