import { EntityManager } from '@mikro-orm/postgresql';
import { DocumentStore } from './document-store.js';

/**
 * Documents as PostgreSQL large objects: the key is the object's oid. The calls run on the
 * EntityManager of the request or job in progress, so a large object written by an upload is
 * part of the upload's transaction and disappears with it on rollback.
 *
 * Large objects live in pg_largeobject, outside row-level security: they belong to the role
 * that created them (the application role), and the tenant boundary is the case_document row
 * that holds the oid. Backups must include large objects (pg_dump does by default for a whole
 * database, not with --table/--schema).
 */
export class PgLargeObjectDocumentStore extends DocumentStore {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async put(data: Buffer): Promise<string> {
    const [row] = await this.em.execute<{ oid: number | string }[]>('select lo_from_bytea(0, ?) as oid', [data]);
    if (!row) throw new Error('lo_from_bytea returned no oid');
    return String(row.oid);
  }

  async read(key: string): Promise<Buffer> {
    const [row] = await this.em.execute<{ data: Buffer }[]>('select lo_get(?::oid) as data', [oid(key)]);
    if (!row) throw new Error(`No large object ${key}`);
    return row.data;
  }

  async delete(key: string): Promise<void> {
    await this.em.execute('select lo_unlink(oid) from pg_largeobject_metadata where oid = ?::oid', [oid(key)]);
  }
}

function oid(key: string): string {
  if (!/^\d{1,10}$/.test(key)) throw new Error(`Invalid large object key: ${key}`);
  return key;
}
