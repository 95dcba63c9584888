import pg from 'pg';

export default async function globalTeardown() {
  const template = process.env.SEK_TEST_TEMPLATE;
  if (template && process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(`drop database if exists "${template}" with (force)`);
    } finally {
      await client.end();
    }
  }
  await globalThis.__embeddedPg?.stop();
}
