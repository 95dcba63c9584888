import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMigration } from './create-migration.js';

describe('migration:create', () => {
  it('writes an empty migration named by the UTC time and registers it last in the index', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    fs.writeFileSync(
      path.join(dir, 'index.ts'),
      "import type { MigrationObject } from '@mikro-orm/core';\nimport { A } from './A.js';\n\nexport const migrationsList: MigrationObject[] = [\n  { name: 'A', class: A },\n];\n",
    );
    const name = createMigration('MeetingRooms', new Date('2026-12-09T03:04:05Z'), dir);
    expect(name).toBe('Migration20261209030405MeetingRooms');
    expect(fs.readFileSync(path.join(dir, `${name}.ts`), 'utf8')).toContain(`export class ${name} extends Migration`);
    const index = fs.readFileSync(path.join(dir, 'index.ts'), 'utf8');
    expect(index).toContain(`import { ${name} } from './${name}.js';\n\nexport`);
    expect(index).toContain(`  { name: 'A', class: A },\n  { name: '${name}', class: ${name} },\n];`);
    expect(() => createMigration('MeetingRooms', new Date('2026-12-09T03:04:05Z'), dir)).toThrow();
    expect(() => createMigration('bad name', new Date(), dir)).toThrow();
  });
});
