import 'reflect-metadata';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { fromRepoRoot } from './common/paths.js';
import { loadConfig } from './config/load-config.js';
import { embeddedDatabaseUrl } from './database/resolve-database.js';
import { importRoll } from './elections/roll-import.js';

/**
 * `npm run roll:import -- --election <id> --file <path> [--allow-rejected]`: imports a roll of
 * any size straight from a file (the web upload takes up to 300 MB). Uses DATABASE_URL, or the
 * embedded database of a running `npm start`.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const electionId = arg('election');
  const file = arg('file') ? fromRepoRoot(arg('file')!) : undefined;
  if (!electionId || !file) throw new Error('Usage: npm run roll:import -- --election <id> --file <path> [--allow-rejected]');
  if (!existsSync(file)) throw new Error(`No such file: ${file}`);
  const config = loadConfig();
  const url = config.DATABASE_URL ?? embeddedDatabaseUrl(config);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const election = (await client.query<{ municipality_id: string; name: string }>('select municipality_id, name from election where id = $1', [electionId])).rows[0];
  await client.end();
  if (!election) throw new Error(`No election ${electionId}`);
  const size = statSync(file).size;
  const started = Date.now();
  const result = await importRoll({
    databaseUrl: url,
    electionId,
    municipalityId: election.municipality_id,
    source: createReadStream(file, { highWaterMark: 1 << 20 }),
    allowRejected: args.includes('--allow-rejected'),
    onProgress: (lines) => process.stderr.write(`\r${lines.toLocaleString('nb-NO')} linjer lest …`),
  });
  process.stderr.write('\n');
  for (const r of result.rejected.slice(0, 50)) process.stderr.write(`linje ${r.line}: ${r.message}\n`);
  if (result.rejectedCount > 50) process.stderr.write(`… og ${result.rejectedCount - 50} til\n`);
  new Logger('Roll').log(`${election.name}: ${result.message} (${(size / 1e6).toFixed(0)} MB på ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.exit(result.committed ? 0 : 1);
}

main().catch((error: unknown) => {
  new Logger('Roll').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
