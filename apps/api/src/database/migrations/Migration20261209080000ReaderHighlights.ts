import { Migration } from '@mikro-orm/migrations';

/**
 * The reader (issue 15, docs/reader.md): a note may be a highlight on a PDF page — the selected
 * text's areas as fractions of the page (`rects`, at most 200). One read state per agenda item:
 * marks on single documents are no longer made, and the old ones are removed.
 */
export class Migration20261209080000ReaderHighlights extends Migration {
  override up(): void {
    for (const sql of [
      `alter table "reader_annotation" add column "rects" jsonb not null default '[]'`,
      `alter table "reader_annotation" add constraint "reader_annotation_rects_check" check (jsonb_typeof("rects") = 'array' and jsonb_array_length("rects") <= 200 and (jsonb_array_length("rects") = 0 or ("document_id" is not null and "page" is not null)))`,
      `delete from "reader_read_mark" where "document_id" is not null`,
    ]) {
      this.addSql(sql);
    }
  }
}
