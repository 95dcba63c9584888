import fs from 'node:fs';
import path from 'node:path';
import { API_ROOT } from '../common/paths.js';

const DIR = path.join(API_ROOT, 'src/database/migrations');

/**
 * `npm run migration:create -w @sekretariat/api -- <Name>`: writes an empty forward-only migration
 * `Migration<UTC yyyyMMddHHmmss><Name>.ts` and registers it at the end of `migrations/index.ts`.
 * It applies nothing (`npm run migrate` does).
 */
export function createMigration(name: string, now = new Date(), dir = DIR): string {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new Error('The name is one PascalCase word, e.g. MeetingRooms');
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const className = `Migration${stamp}${name}`;
  fs.writeFileSync(
    path.join(dir, `${className}.ts`),
    `import { Migration } from '@mikro-orm/migrations';\n\n/** TODO: what this migration changes and why. Forward-only (docs/architecture.md). */\nexport class ${className} extends Migration {\n  override up(): void {\n    this.addSql(\`\`);\n  }\n}\n`,
    { flag: 'wx' },
  );
  const index = path.join(dir, 'index.ts');
  const lines = fs.readFileSync(index, 'utf8').split('\n');
  const lastImport = lines.findLastIndex((l) => l.startsWith('import '));
  lines.splice(lastImport + 1, 0, `import { ${className} } from './${className}.js';`);
  const end = lines.lastIndexOf('];');
  lines.splice(end, 0, `  { name: '${className}', class: ${className} },`);
  fs.writeFileSync(index, lines.join('\n'));
  return className;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const name = process.argv[2];
  if (!name) {
    console.error('usage: npm run migration:create -w @sekretariat/api -- <Name>');
    process.exit(1);
  }
  console.log(`created src/database/migrations/${createMigration(name)}.ts`);
}
