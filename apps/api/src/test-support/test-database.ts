import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { migrate } from '../database/migrate.js';
import { ormOptions } from '../database/orm-options.js';

export interface TestDatabase {
  url: string;
  orm: MikroORM;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set: run integration tests through jest.int.config.js');
  return url;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(serverUrl());
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

let templateReady: Promise<void> | undefined;

/**
 * The run's template (SEK_TEST_TEMPLATE, named by global-setup.mjs): migrated once, by the first
 * worker that gets the advisory lock, so that each test file copies it instead of migrating.
 */
function ensureTemplate(template: string): Promise<void> {
  templateReady ??= admin(async (c) => {
    await c.query(`select pg_advisory_lock(hashtext('sekretariat test template'))`);
    try {
      const found = await c.query(`select 1 from pg_database where datname = $1`, [template]);
      if (found.rowCount) return;
      await c.query(`create database "${template}"`);
      const orm = await MikroORM.init(ormOptions(databaseUrl(template)));
      try {
        await migrate(orm);
      } finally {
        await orm.close(true);
      }
    } finally {
      await c.query(`select pg_advisory_unlock(hashtext('sekretariat test template'))`);
    }
  });
  return templateReady;
}

/** A fresh, migrated database of its own for one test file (a copy of the run's template). */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `sek_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const template = process.env['SEK_TEST_TEMPLATE'];
  if (template) await ensureTemplate(template);
  await admin((c) => c.query(template ? `create database "${name}" template "${template}"` : `create database "${name}"`));
  const url = new URL(databaseUrl(name));
  const orm = await MikroORM.init(ormOptions(url.toString()));
  await migrate(orm);
  return {
    url: url.toString(),
    orm,
    drop: async () => {
      await orm.close(true);
      await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
    },
  };
}
