import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DiskDocumentStore } from '../../documents/disk-document-store.js';
import { Document } from '../../documents/document.entity.js';
import { AgendaItem } from '../../meetings/agenda-item.entity.js';
import { Meeting } from '../../meetings/meeting.entity.js';
import { createTestDatabase, type TestDatabase } from '../../test-support/test-database.js';
import { seedDemo } from './seed-municipality.js';

/** `npm start` loads a demo municipality once, with meetings and papers to look at. */
describe('demo data', () => {
  let db: TestDatabase;
  let dir: string;
  let store: DiskDocumentStore;

  beforeAll(async () => {
    db = await createTestDatabase('seed_demo');
    dir = await mkdtemp(path.join(tmpdir(), 'sek-docs-'));
    store = new DiskDocumentStore(dir);
  });
  afterAll(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('loads meetings past, upcoming and planned, numbered agendas, and attachments whose bytes match their checksums', async () => {
    expect(await seedDemo(db.orm, store)).toBe(true);
    // Read as the test database's owner: row-level security does not hide rows from it.
    const em = db.orm.em.fork();
    const meetings = await em.find(Meeting, {}, { orderBy: { startsAt: 'asc' } });
    const items = await em.find(AgendaItem, {}, { orderBy: { number: 'asc' } });
    const documents = await em.find(Document, {});
    expect(meetings.map((m) => m.status)).toEqual(['held', 'notice_sent', 'planned']);
    expect(meetings[1]!.startsAt.getTime()).toBeGreaterThan(Date.now());
    expect(items.filter((i) => i.closed).map((i) => i.legalGround)).toEqual(['offl23-1']);
    expect(new Set(items.map((i) => i.number)).size).toBe(items.length);
    expect(documents).toHaveLength(2);
    for (const d of documents) {
      const bytes = await store.read(d.storageKey);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.length).toBe(d.size);
    }
  });

  it('loads only once', async () => {
    expect(await seedDemo(db.orm, store)).toBe(false);
  });
});
