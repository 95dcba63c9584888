import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * `official_document_search` (Migration20261126060000OfficialSearch) must find exactly what the
 * rule for elected officials lets them read, the rule `document_search` applies with `p_all`
 * false: a case that is public or on an agenda item of one of their bodies or meetings; a document
 * of such an agenda item's case, or public and of a public case. Checked on every combination of
 * case and document exemption and agenda placement, against that rule written out plainly.
 */
describe('the elected officials’ search', () => {
  let t: TestApp;
  let municipalityId: string;
  let bodyInScope: string;
  let otherBody: string;
  let meetingOfBody: string;
  let summonedMeeting: string;
  let otherMeeting: string;
  const WORD = 'myrsnipe';
  const year = new Date().getFullYear() + 9;

  type Row = { kind: string; id: string; case_id: string; rank: number; total: string; capped: boolean };
  /** Runs statements in one transaction with the tenant set, as the API does. */
  const inTenant = <T>(work: (exec: <R extends object>(sql: string, params?: unknown[]) => Promise<R[]>) => Promise<T>) =>
    t.orm.em.fork().transactional(async (em) => {
      await em.execute(`select set_config('app.municipality_id', ?, true)`, [municipalityId]);
      return work(<R extends object>(sql: string, params: unknown[] = []) => em.execute<R[]>(sql, params));
    });
  const uuids = (ids: string[]) => `{${ids.join(',')}}`;

  /** The rule, written out plainly: ids of the readable cases and documents matching the word. */
  const byRule = (bodyIds: string[], meetingIds: string[], meetingId: string | null) =>
    inTenant(async (exec) => {
      const rows = await exec<{ id: string }>(
        `with q as (select websearch_to_tsquery('norwegian', ?) as q),
         scope as (select ?::uuid[] as bodies, ?::uuid[] as meetings, ?::uuid as meeting),
         open_cases as (select ai.case_id from agenda_item ai, scope where ai.municipality_id = ?::uuid and (ai.body_id = any(scope.bodies) or ai.meeting_id = any(scope.meetings)))
         select c.id from political_case c, q, scope
          where c.municipality_id = ?::uuid and c.search @@ q.q
            and (c.public or c.id in (select case_id from open_cases))
            and (scope.meeting is null or c.id in (select case_id from agenda_item where meeting_id = scope.meeting))
         union all
         select d.id from case_document d join political_case c on c.id = d.case_id, q, scope
          where d.municipality_id = ?::uuid and d.search @@ q.q
            and (d.case_id in (select case_id from open_cases) or (d.public and c.public))
            and (scope.meeting is null or d.case_id in (select case_id from agenda_item where meeting_id = scope.meeting))`,
        [WORD, uuids(bodyIds), uuids(meetingIds), meetingId, municipalityId, municipalityId, municipalityId],
      );
      return rows.map((r) => r.id).sort();
    });
  const official = (bodyIds: string[], meetingIds: string[], meetingId: string | null, cap = 5000) =>
    inTenant((exec) =>
      exec<Row>(`select * from official_document_search(websearch_to_tsquery('norwegian', ?), ?::uuid[], ?::uuid[], ?::uuid, ?, 1000, 0)`, [
        WORD,
        uuids(bodyIds),
        uuids(meetingIds),
        meetingId,
        cap,
      ]),
    );
  const general = (bodyIds: string[], meetingIds: string[], meetingId: string | null, cap = 5000) =>
    inTenant((exec) =>
      exec<Row>(`select * from document_search(websearch_to_tsquery('norwegian', ?), false, ?::uuid[], ?::uuid[], false, ?::uuid, ?, 1000, 0)`, [
        WORD,
        uuids(bodyIds),
        uuids(meetingIds),
        meetingId,
        cap,
      ]),
    );

  beforeAll(async () => {
    t = await createTestApp('official_search');
    const sql = <R extends object>(text: string, params: unknown[] = []) => t.orm.em.fork().execute<R[]>(text, params);
    const bodies = await sql<{ id: string; municipality_id: string }>(`select id, municipality_id from body order by name`);
    municipalityId = bodies[0]!.municipality_id;
    bodyInScope = bodies[0]!.id;
    otherBody = bodies[bodies.length - 1]!.id;
    const meeting = async (bodyId: string, status: string) => {
      const id = randomUUID();
      await sql(`insert into meeting (id, municipality_id, body_id, starts_at, place, status) values (?, ?, ?, ?, 'Rådhuset', ?)`, [id, municipalityId, bodyId, `${year}-03-0${status === 'planned' ? 2 : 3}T18:00:00+01:00`, status]);
      return id;
    };
    meetingOfBody = await meeting(bodyInScope, 'planned');
    summonedMeeting = await meeting(otherBody, 'notice_sent');
    otherMeeting = await meeting(otherBody, 'planned');
    // Every placement (none, the body's meeting, the meeting called in to, another meeting, both
    // the body's and another), each with a public and an exempt case, each case with a public and
    // an exempt document.
    const placements: string[][] = [[], [meetingOfBody], [summonedMeeting], [otherMeeting], [meetingOfBody, otherMeeting]];
    let n = 0;
    for (const placement of placements) {
      for (const casePublic of [true, false]) {
        n++;
        const caseId = randomUUID();
        await sql(
          `insert into political_case (id, municipality_id, archive_reference, title, summary, public, legal_ground) values (?, ?, ?, ?, 'Om myrsnipa i våtmarka.', ?, ?)`,
          [caseId, municipalityId, `${year % 100}/${900 + n}`, `Myrsnipe sak ${n}`, casePublic, casePublic ? null : 'offl13-fvl13'],
        );
        for (const [i, meetingId] of placement.entries()) {
          const bodyId = meetingId === meetingOfBody ? bodyInScope : otherBody;
          await sql(
            `insert into agenda_item (id, municipality_id, meeting_id, body_id, case_id, type, year, sequence, number, position) values (?, ?, ?, ?, ?, 'PS', ?, ?, ?, ?)`,
            [randomUUID(), municipalityId, meetingId, bodyId, caseId, year, n * 10 + i, `PS ${n * 10 + i}/${year % 100}`, n * 10 + i],
          );
        }
        for (const [position, documentPublic] of [true, false].entries()) {
          const id = randomUUID();
          await sql(
            `insert into case_document (id, municipality_id, case_id, title, filename, content_type, size, sha256, public, legal_ground, position, storage_key, text, text_status)
             values (?, ?, ?, ?, 'd.pdf', 'application/pdf', 1234, ?, ?, ?, ?, ?, 'Myrsnipene hekker her.', 'done')`,
            [id, municipalityId, caseId, `Vedlegg ${position + 1}`, '0'.repeat(64), documentPublic, documentPublic ? null : 'offl14', position + 1, `test/${id}`],
          );
        }
      }
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const scopes: [string, () => [string[], string[], string | null]][] = [
    ['no bodies or meetings', () => [[], [], null]],
    ['a body', () => [[bodyInScope], [], null]],
    ['a meeting called in to', () => [[], [summonedMeeting], null]],
    ['a body and a meeting', () => [[bodyInScope], [summonedMeeting], null]],
    ['a body, searching within one meeting', () => [[bodyInScope], [], otherMeeting]],
    ['a meeting, searching within it', () => [[], [summonedMeeting], summonedMeeting]],
  ];

  it.each(scopes)('finds exactly what the rule allows with %s, as document_search does', async (_label, scope) => {
    const [bodyIds, meetingIds, meetingId] = scope();
    const expected = await byRule(bodyIds, meetingIds, meetingId);
    const rows = await official(bodyIds, meetingIds, meetingId);
    expect(rows.map((r) => r.id).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    // Same hits, ranks, order, total and cap flag as the general function.
    expect(rows).toEqual(await general(bodyIds, meetingIds, meetingId));
    expect(rows.every((r) => Number(r.total) === expected.length && !r.capped)).toBe(true);
  });

  it('reads exempt papers only where the rule opens them', async () => {
    const none = await byRule([], [], null);
    const withBody = await byRule([bodyInScope], [], null);
    // Without bodies: public cases (5) and public documents of public cases (5).
    expect(none).toHaveLength(10);
    // The body opens its two cases' exempt case and exempt documents: 2 exempt cases, 2 + 4 documents.
    expect(withBody).toHaveLength(18);
  });

  it('caps cases and documents as document_search does', async () => {
    for (const [bodyIds, meetingIds] of [[[bodyInScope], [summonedMeeting]], [[], []]] as const) {
      const capped = await official([...bodyIds], [...meetingIds], null, 3);
      const before = await general([...bodyIds], [...meetingIds], null, 3);
      expect(capped).toHaveLength(6);
      expect(capped.every((r) => Number(r.total) === 6 && r.capped)).toBe(true);
      expect(before.map((r) => [r.total, r.capped])).toEqual(capped.map((r) => [r.total, r.capped]));
    }
  });

  it('is what GET /api/search runs for an elected official', async () => {
    const cookie = await t.login('politiker');
    const scope = await t.orm.em
      .fork()
      .execute<{ body_id: string }[]>(
        `select ms.body_id from membership ms join app_user u on u.person_id = ms.person_id where u.username = 'politiker' and ms.kind = 'member' and ms."from" <= current_date and (ms."to" is null or ms."to" >= current_date)`,
      );
    const res = await t.app.inject({ method: 'GET', url: `/api/search?q=${WORD}&limit=50`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const ids = res.json<{ items: { id: string }[] }>().items.map((i) => i.id).sort();
    expect(ids).toEqual(await byRule(scope.map((s) => s.body_id), [], null));
  });
});
