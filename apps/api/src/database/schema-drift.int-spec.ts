import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';

/** The committed migrations must produce exactly the schema the entities describe. */
describe('migrations and entities', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('drift');
  });
  afterAll(async () => {
    await db.drop();
  });

  it('agree: no schema difference after migrating', async () => {
    const diff = await db.orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
    // Row-level security, the audit trigger, the sign-in functions and exclusion constraints are
    // written by hand in the migrations, not in entity metadata; the tenancy, audit and
    // membership tests check them.
    const securityManaged = /^(drop policy|alter table "\w+" disable row level security|drop trigger if exists "audit_log_no_change"|drop function if exists "(audit_log_\w+|auth_find_user|auth_session_user|calendar_link_owner|document_search|public_document_search|official_document_search|refresh_published_public|\w+_published_public(_\w+)?|search_words_from_rows?|\w+_search_words_(insert|update)_fn|vote_one_approved_check|\w+_one_approved_check_fn|seat_holders|exempt_open_items)"|drop trigger if exists "\w+_published_public(_\w+)?"|drop index "\w+_public_search_index"|drop index "political_case_not_public_index"|drop trigger if exists "\w+_search_words_(insert|update)"|drop index "search_word_trigram_index"|alter table "\w+" drop constraint "\w+_no_overlap"|drop index "(advance_vote|received_envelope)_one_approved"|drop trigger if exists "\w+_one_approved_check")/;
    const statements = diff.split(/;\s*\n/).map((s) => s.trim().replace(/;$/, '')).filter((s) => s && !securityManaged.test(s));
    expect(statements).toEqual([]);
  });
});
