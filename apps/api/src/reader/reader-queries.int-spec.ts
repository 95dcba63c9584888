import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { ReaderItemDetail, ReaderMeetingDetail } from '@sekretariat/contracts';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * No N+1: reading a meeting costs the same number of SQL statements whatever the size of its
 * agenda. Every statement MikroORM sends passes its logger (`logQuery`, called whether or not
 * query logging is on), so the test counts them there for the duration of one request.
 */
describe('reader: queries per meeting', () => {
  let t: TestApp;
  let secretariat: string;
  let official: string;
  let municipalityId: string;
  let bodyId: string;
  let caseNumber = 0;
  const startsAt = new Date(Date.now() + 21 * 86400_000).toISOString();

  const sql = <T extends object = object>(query: string, params: unknown[] = []) => t.orm.em.fork().execute<T[]>(query, params);
  const post = async <T>(url: string, payload?: object, status = 201): Promise<T> => {
    const res = await t.app.inject({ method: 'POST', url, headers: { cookie: secretariat }, ...(payload ? { payload } : {}) });
    if (res.statusCode !== status) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  };

  /** A published meeting of Kommunestyret with `items` cases of `documents` documents each; every other case exempt. */
  async function meetingWith(items: number, documents: number): Promise<string> {
    const meeting = await post<{ id: string }>(`/api/bodies/${bodyId}/meetings`, { startsAt, place: 'Rådhuset' });
    for (let i = 0; i < items; i++) {
      const n = ++caseNumber;
      const exempt = i % 2 === 1;
      const kase = await post<{ id: string }>('/api/cases', { archiveReference: `26/${1000 + n}`, title: `Sak ${n}`, summary: `Sammendrag ${n}`, ...(exempt ? { public: false, legalGround: 'offl13-fvl13' } : {}) });
      const item = await post<{ id: string }>(`/api/meetings/${meeting.id}/items`, { caseId: kase.id });
      for (let d = 0; d < documents; d++) {
        const id = randomUUID();
        await sql(
          `insert into case_document (id, municipality_id, case_id, title, filename, content_type, size, sha256, public, legal_ground, position, storage_key)
           values (?, ?, ?, ?, 'vedlegg.pdf', 'application/pdf', 100, ?, ?, ?, ?, ?)`,
          [id, municipalityId, kase.id, `Vedlegg ${d + 1}`, '0'.repeat(64), d !== 1, d === 1 ? 'offl13-fvl13' : null, d, `test/${id}`],
        );
        // Something read and noted on every document, so those queries have rows to return.
        await sql(`insert into reader_read_mark (id, municipality_id, user_id, document_id) select ?, municipality_id, id, ? from app_user where username = 'politiker'`, [randomUUID(), id]);
        await sql(
          `insert into reader_annotation (id, municipality_id, user_id, document_id, text, client_updated_at) select ?, municipality_id, id, ?, 'Notat', now() from app_user where username = 'politiker'`,
          [randomUUID(), id],
        );
      }
      await sql(`insert into reader_read_mark (id, municipality_id, user_id, agenda_item_id) select ?, municipality_id, id, ? from app_user where username = 'politiker'`, [randomUUID(), item.id]);
    }
    await post(`/api/meetings/${meeting.id}/publish`, undefined, 200);
    return meeting.id;
  }

  /** The statements one request sends, and its answer. */
  async function countQueries<T = ReaderMeetingDetail>(url: string, cookie: string): Promise<{ queries: number; body: T }> {
    const logger = t.orm.config.getLogger();
    const original = logger.logQuery.bind(logger);
    let queries = 0;
    logger.logQuery = (context) => {
      queries++;
      original(context);
    };
    try {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      return { queries, body: res.json<T>() };
    } finally {
      logger.logQuery = original;
    }
  }

  beforeAll(async () => {
    t = await createTestApp('reader-queries');
    secretariat = await t.login('sekretariat');
    official = await t.login('politiker');
    const [ks] = await sql<{ id: string; municipality_id: string }>(`select id, municipality_id from body where kind = 'kommunestyre'`);
    bodyId = ks!.id;
    municipalityId = ks!.municipality_id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads a meeting of 3 items and one of 30 in the same number of queries', async () => {
    const small = await meetingWith(3, 2);
    const large = await meetingWith(30, 5);
    for (const cookie of [official, secretariat]) {
      const a = await countQueries(`/api/reader/meetings/${small}`, cookie);
      const b = await countQueries(`/api/reader/meetings/${large}`, cookie);
      expect(a.body.items).toHaveLength(3);
      expect(b.body.items).toHaveLength(30);
      expect(b.body.items.reduce((n, i) => n + i.documentCount, 0)).toBe(150);
      expect(b.queries).toBe(a.queries);
      // Session, transaction and role, then access, exempt scope, items, documents, read marks, notes.
      expect(a.queries).toBeGreaterThanOrEqual(6);
      expect(a.queries).toBeLessThanOrEqual(12);
    }
    const { body } = await countQueries(`/api/reader/meetings/${large}`, official);
    const open = body.items[0]!;
    expect(open.read).toBe(true);
    expect(open.annotationCount).toBe(5);
  });

  it('reads one item in full in the same number of queries, whatever the meeting', async () => {
    const small = await meetingWith(3, 2);
    const large = await meetingWith(30, 5);
    const first = async (meetingId: string) => (await countQueries(`/api/reader/meetings/${meetingId}`, official)).body.items[0]!.id;
    const a = await countQueries<ReaderItemDetail>(`/api/reader/items/${await first(small)}`, official);
    const b = await countQueries<ReaderItemDetail>(`/api/reader/items/${await first(large)}`, official);
    expect(b.body.documents).toHaveLength(5);
    expect(b.queries).toBe(a.queries);
    expect(a.queries).toBeLessThanOrEqual(12);
  });
});
