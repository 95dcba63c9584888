import type { EntityManager } from '@mikro-orm/postgresql';

/** What a meeting's published notice and papers are rendered from, as two hashes. */
export interface DocumentKeys {
  /** Changes with anything the documents show. */
  contentKey: string;
  /** Changes with what the public may see: closed items, exempt cases and documents. */
  accessKey: string;
}

/**
 * One statement over the rows the notice and the papers are made of (the meeting, its body, the
 * municipality and its settings, the agenda items with their cases, askers and documents). Whole
 * rows where the row is the content, so a new column counts without a change here; for documents
 * the columns that reach the PDF (their bytes by checksum). Runs under row-level security.
 */
const MEETING_KEYS_SQL = `
select md5(concat_ws('|', m::text, b::text, mu.name, s.written_standard, s.document_name, s.coat_of_arms_updated_at, s.updated_at,
         coalesce((select string_agg(concat_ws(';', ai::text, c::text, pe.given_name, pe.family_name,
           (select string_agg(concat_ws(':', d.id, d.title, d.public, d.legal_ground, d.position, d.sha256, d.content_type, d.created_at), ',' order by d.id)
              from case_document d where d.case_id = c.id)), '#' order by ai.position, ai.id)
           from agenda_item ai left join political_case c on c.id = ai.case_id left join person pe on pe.id = ai.asker_id
          where ai.meeting_id = m.id), ''))) as content_key,
       md5(concat_ws('|', m.id, b.is_public,
         coalesce((select string_agg(concat_ws(';', ai.id, ai.closed, c.public,
           (select string_agg(concat_ws(':', d.id, d.public), ',' order by d.id) from case_document d where d.case_id = c.id)), '#' order by ai.id)
           from agenda_item ai left join political_case c on c.id = ai.case_id
          where ai.meeting_id = m.id), ''))) as access_key
  from meeting m
  join body b on b.id = m.body_id
  join municipality mu on mu.id = m.municipality_id
  left join municipality_settings s on s.municipality_id = m.municipality_id
 where m.id = ?`;

/** The keys of a meeting's published documents; null when the meeting is not there. */
export async function meetingDocumentKeys(em: EntityManager, meetingId: string): Promise<DocumentKeys | null> {
  const rows = await em.execute<{ content_key: string; access_key: string }[]>(MEETING_KEYS_SQL, [meetingId]);
  const row = rows[0];
  return row ? { contentKey: row.content_key, accessKey: row.access_key } : null;
}
