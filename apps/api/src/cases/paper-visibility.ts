import type { ExemptScope } from './paper-access.js';

/** A piece of SQL with its `?` parameters. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

const uuidArray = (ids: readonly string[]): string => `{${ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)).join(',')}}`;

/**
 * Whether the exempt papers of the case in `caseColumn` are open to the scope: everywhere for
 * the secretariat, else when the case is on an agenda item the scope opens (PaperAccess).
 */
export function exemptAccessSql(scope: ExemptScope, caseColumn: string): SqlCondition {
  if (scope.all) return { sql: 'true', params: [] };
  if (!scope.itemIds.length) return { sql: 'false', params: [] };
  return {
    sql: `exists (select 1 from "agenda_item" ai where ai."case_id" = ${caseColumn} and ai."id" = any(?::uuid[]))`,
    params: [uuidArray(scope.itemIds)],
  };
}

/**
 * Whether the case in `caseColumn` is published: on an open agenda item of a published meeting
 * (notice sent or later) of an open body. The public sees only such cases, and only when
 * neither the case nor the document is exempt.
 */
export function publishedCaseSql(caseColumn: string): string {
  return `exists (select 1 from "agenda_item" ai join "meeting" m on m."id" = ai."meeting_id" join "body" b on b."id" = ai."body_id"
    where ai."case_id" = ${caseColumn} and not ai."closed" and m."status" <> 'planned' and b."is_public")`;
}
