import { it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { createTestDatabase } from '../test-support/test-database.js';
it('gen', async () => {
  const db = await createTestDatabase('gen');
  const diff = await db.orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: true });
  writeFileSync('/tmp/diff.sql', diff);
  await db.drop();
});
