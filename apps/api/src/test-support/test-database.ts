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

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `sek_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database "${name}"`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
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
