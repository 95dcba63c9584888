/**
 * The generated tsvector columns of full-text search, in PostgreSQL's own printed form (see
 * Migration20261126010000DocumentSearch) so the entities and the database compare equal.
 * Weights: A title, B summary, C the rest of the case presentation or a document's text.
 */
export const DOCUMENT_SEARCH_VECTOR = `setweight(to_tsvector('norwegian'::regconfig, (title)::text), 'A'::"char") || setweight(to_tsvector('norwegian'::regconfig, COALESCE(text, ''::text)), 'C'::"char")`;
export const CASE_SEARCH_VECTOR = `(setweight(to_tsvector('norwegian'::regconfig, (title)::text), 'A'::"char") || setweight(to_tsvector('norwegian'::regconfig, summary), 'B'::"char")) || setweight(to_tsvector('norwegian'::regconfig, ((((background || ' '::text) || assessment) || ' '::text) || recommendation)), 'C'::"char")`;
