import pg from 'pg';

export default async function globalTeardown() {
  await Promise.all((globalThis.__systems ?? []).map((s) => s.stop()));
  await Promise.all((globalThis.__mailboxes ?? []).map((m) => m.stop()));
  if (process.env.DATABASE_URL && globalThis.__dbNames?.length) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    for (const name of globalThis.__dbNames) await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}
