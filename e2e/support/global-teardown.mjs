import pg from 'pg';

export default async function globalTeardown() {
  await globalThis.__system?.stop();
  await globalThis.__mailbox?.stop();
  if (globalThis.__dbName && process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists "${globalThis.__dbName}" with (force)`);
    await admin.end();
  }
}
