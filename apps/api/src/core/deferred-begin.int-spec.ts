import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DEFERRED, deferTransactionStart } from './deferred-begin.js';

/** `begin` and the deferred settings travel with the first statement: same meaning, fewer messages. */
describe('deferred transaction start', () => {
  let pool: pg.Pool;
  let messages = 0;

  beforeAll(() => {
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
    deferTransactionStart(pool);
    // Counts the query messages each client sends (one per simple query; parse/bind/execute for others).
    pool.on('connect', (client) => {
      const connection = (client as unknown as { connection: { query: (text: string) => void; parse: (q: unknown) => void } }).connection;
      const query = connection.query.bind(connection);
      const parse = connection.parse.bind(connection);
      connection.query = (text) => {
        messages++;
        query(text);
      };
      connection.parse = (q) => {
        messages++;
        parse(q);
      };
    });
  });
  afterAll(async () => {
    await pool.end();
  });

  async function counted<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<{ value: T; messages: number }> {
    const client = await pool.connect();
    messages = 0;
    try {
      const value = await fn(client);
      return { value, messages };
    } finally {
      client.release();
    }
  }

  it('sends begin, the settings and the first statement as one message, in that order', async () => {
    const { value, messages: sent } = await counted(async (c) => {
      await c.query('begin');
      await c.query(`${DEFERRED} select set_config('app.municipality_id', 'a', true)`);
      const first = await c.query(`select current_setting('app.municipality_id') as m`);
      const second = await c.query(`select current_setting('app.municipality_id') as m`);
      await c.query('commit');
      return [first.rows[0], second.rows[0]];
    });
    expect(value).toEqual([{ m: 'a' }, { m: 'a' }]);
    expect(sent).toBe(3);
  });

  it('a transaction without statements of its own sends nothing, and leaves nothing behind', async () => {
    const empty = await counted(async (c) => {
      await c.query('begin');
      await c.query(`${DEFERRED} select set_config('app.municipality_id', 'b', true)`);
      await c.query('commit');
    });
    expect(empty.messages).toBe(0);
    const after = await counted(async (c) => (await c.query(`select current_setting('app.municipality_id', true) as m`)).rows[0]);
    expect(after.value).not.toEqual({ m: 'b' });
  });

  it('a statement with parameters gets the pending ones sent before it', async () => {
    const { value } = await counted(async (c) => {
      await c.query('begin');
      await c.query(`${DEFERRED} select set_config('app.municipality_id', 'c', true)`);
      const row = (await c.query(`select current_setting('app.municipality_id') as m, $1::int as n`, [7])).rows[0];
      await c.query('rollback');
      return row;
    });
    expect(value).toEqual({ m: 'c', n: 7 });
  });

  it('a failing first statement fails the transaction, which rolls back', async () => {
    await pool.query('create table if not exists deferred_begin_probe (id int primary key)');
    await pool.query('truncate deferred_begin_probe');
    await expect(
      counted(async (c) => {
        await c.query('begin');
        try {
          await c.query(`${DEFERRED} select set_config('app.municipality_id', 'd', true)`);
          await c.query('insert into deferred_begin_probe values (1)');
          await c.query('select 1 / 0');
        } catch (error) {
          await c.query('rollback');
          throw error;
        }
      }),
    ).rejects.toThrow(/division by zero/);
    expect((await pool.query('select count(*)::int as n from deferred_begin_probe')).rows[0]).toEqual({ n: 0 });
    await pool.query('drop table deferred_begin_probe');
  });

  it('a multi-statement query of its own still gets all its results', async () => {
    const { value } = await counted(async (c) => {
      await c.query('begin');
      const results = (await c.query('select 1 as a; select 2 as b')) as unknown as pg.QueryResult[];
      await c.query('commit');
      return results.map((r) => r.rows[0]);
    });
    expect(value).toEqual([{ a: 1 }, { b: 2 }]);
  });
});
