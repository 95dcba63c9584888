import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Annotation, ReaderItemDetail, ReaderMeetingDetail, ReaderMeetingListResponse, SyncResponse } from '@sekretariat/contracts';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/** The officials' reader on PostgreSQL: access per seat, withheld papers, read marks, notes and offline sync. */
describe('reader', () => {
  let t: TestApp;
  let secretariat: string;
  let official: string;
  /** Substitutes in Kommunestyret, not called in: one of the official's party, one of another. */
  let colleague: string;
  let otherParty: string;
  /** An official with no seat in Kommunestyret. */
  let outsider: string;
  let municipalityId: string;
  let officialName: string;
  let bodyId: string;
  let colleaguePersonId: string;
  let meetingId: string;
  let plannedId: string;
  let openItemId: string;
  let exemptItemId: string;
  let openDocId: string;
  let exemptDocOnOpenItem: string;
  let exemptItemDocId: string;

  // Two weeks ahead: the seeded seats are in force, and the meeting is upcoming whenever the test runs.
  const startsAt = new Date(Date.now() + 14 * 86400_000);
  startsAt.setUTCHours(17, 0, 0, 0);
  const SECRET = 'Personalsak om Kari Hemmelig';

  const sql = <T extends object = object>(query: string, params: unknown[] = []) => t.orm.em.fork().execute<T[]>(query, params);
  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const ok = async <T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object, status = method === 'POST' ? 201 : 200): Promise<T> => {
    const res = await inject(method, url, cookie, payload);
    if (res.statusCode !== status) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  };
  const createCase = (n: number, extra: object = {}) =>
    ok<{ id: string }>('POST', '/api/cases', secretariat, { archiveReference: `26/${500 + n}`, title: `Sak ${n} til lesing`, summary: `Sammendrag ${n}.`, background: `Bakgrunn ${n}.`, assessment: `Vurdering ${n}.`, recommendation: `Innstilling ${n}.`, ...extra });
  const addItem = (meeting: string, caseId: string) => ok<{ id: string }>('POST', `/api/meetings/${meeting}/items`, secretariat, { caseId });
  const addDocument = async (caseId: string, title: string, position: number, legalGround: string | null = null) => {
    const id = randomUUID();
    await sql(
      `insert into case_document (id, municipality_id, case_id, title, filename, content_type, size, sha256, public, legal_ground, position, storage_key)
       values (?, ?, ?, ?, ?, 'application/pdf', 1234, ?, ?, ?, ?, ?)`,
      [id, municipalityId, caseId, title, `${title}.pdf`, '0'.repeat(64), legalGround === null, legalGround, position, `test/${id}`],
    );
    return id;
  };
  const createMeeting = async (status: 'planned' | 'notice_sent') => {
    const m = await ok<{ id: string }>('POST', `/api/bodies/${bodyId}/meetings`, secretariat, { startsAt: startsAt.toISOString(), place: 'Rådhuset' });
    if (status === 'notice_sent') await ok('POST', `/api/meetings/${m.id}/publish`, secretariat, undefined, 200);
    return m.id;
  };
  /** A user with role official for a person, with the test password. */
  const officialUser = async (username: string, personId: string) => {
    await sql(
      `insert into app_user (id, municipality_id, username, display_name, password_hash, roles, active, person_id)
       select ?, municipality_id, ?, ?, password_hash, '{official}', true, ? from app_user where username = 'politiker'`,
      [randomUUID(), username, `Test ${username}`, personId],
    );
    return t.login(username);
  };
  const note = (over: object = {}) => ({ documentId: openDocId, page: 2, quote: 'Sitert tekst', text: 'Mitt notat', shared: 'private', baseVersion: 0, updatedAt: '2026-11-26T10:00:00.000Z', ...over });

  beforeAll(async () => {
    t = await createTestApp('reader');
    secretariat = await t.login('sekretariat');
    official = await t.login('politiker');
    const [me] = await sql<{ municipality_id: string; person_id: string; party_id: string; display_name: string }>(
      `select u.municipality_id, u.person_id, p.party_id, u.display_name from app_user u join person p on p.id = u.person_id where u.username = 'politiker'`,
    );
    municipalityId = me!.municipality_id;
    officialName = me!.display_name;
    const [ks] = await sql<{ id: string }>(`select id from body where kind = 'kommunestyre'`);
    bodyId = ks!.id;
    // Substitutes in Kommunestyret who sit in no body as members, of the official's party and of another.
    const substitutes = await sql<{ person_id: string; party_id: string }>(
      `select ms.person_id, p.party_id from membership ms join person p on p.id = ms.person_id
        where ms.body_id = ? and ms.kind = 'substitute' and ms.person_id <> ?
          and not exists (select 1 from membership x where x.person_id = ms.person_id and x.body_id = ? and x.kind = 'member')
        order by ms.rank, ms.person_id`,
      [bodyId, me!.person_id, bodyId],
    );
    colleaguePersonId = substitutes.find((s) => s.party_id === me!.party_id)!.person_id;
    colleague = await officialUser('vara.samme', colleaguePersonId);
    otherParty = await officialUser('vara.annen', substitutes.find((s) => s.party_id !== me!.party_id)!.person_id);
    const outsiderPerson = randomUUID();
    await sql(`insert into person (id, municipality_id, given_name, family_name, gender, party_id) values (?, ?, 'Ute', 'Avsides', 'female', ?)`, [outsiderPerson, municipalityId, me!.party_id]);
    outsider = await officialUser('utenfor', outsiderPerson);

    meetingId = await createMeeting('notice_sent');
    plannedId = await createMeeting('planned');
    const open = await createCase(1);
    const exempt = await createCase(2, { title: SECRET, summary: 'Fortrolig sammendrag.', public: false, legalGround: 'offl13-fvl13' });
    openItemId = (await addItem(meetingId, open.id)).id;
    exemptItemId = (await addItem(meetingId, exempt.id)).id;
    openDocId = await addDocument(open.id, 'Kart over området', 1);
    exemptDocOnOpenItem = await addDocument(open.id, 'Uttalelse fra Kari Hemmelig', 2, 'offl13-fvl13');
    exemptItemDocId = await addDocument(exempt.id, 'Legeerklæring', 1, 'offl13-fvl13');
  });
  afterAll(async () => {
    await t.close();
  });

  it("lists the official's published meetings with unread counts, and nothing for an official without a seat", async () => {
    const mine = await ok<ReaderMeetingListResponse>('GET', '/api/reader/meetings', official);
    const entry = mine.upcoming.find((m) => m.id === meetingId);
    expect(entry).toMatchObject({ access: 'member', itemCount: 2, unreadItemCount: 2, documentCount: 3 });
    expect([...mine.upcoming, ...mine.recent].some((m) => m.id === plannedId)).toBe(false);
    // A substitute not called in may open only the public documents.
    const substitute = await ok<ReaderMeetingListResponse>('GET', '/api/reader/meetings', colleague);
    expect(substitute.upcoming.find((m) => m.id === meetingId)).toMatchObject({ access: 'substitute', documentCount: 1 });
    expect(await ok<ReaderMeetingListResponse>('GET', '/api/reader/meetings', outsider)).toEqual({ upcoming: [], recent: [] });
    expect((await inject('GET', '/api/reader/meetings')).statusCode).toBe(401);
  });

  it('gives a member the item list in reading order, and each exempt item in full on its own', async () => {
    const detail = await ok<ReaderMeetingDetail>('GET', `/api/reader/meetings/${meetingId}`, official);
    expect(detail).toMatchObject({ access: 'member', exemptAccess: true, bodyName: 'Kommunestyret' });
    expect(detail.items.map((i) => i.id)).toEqual([openItemId, exemptItemId]);
    // The list carries what it shows and what to cache, not the case presentation.
    expect(detail.items[1]).toMatchObject({ withheld: false, exempt: true, title: SECRET, read: false, documentCount: 1, documentIds: [exemptItemDocId] });
    expect(detail.items[0]).toMatchObject({ exempt: false, documentCount: 2, documentIds: [openDocId, exemptDocOnOpenItem] });
    expect(JSON.stringify(detail)).not.toContain('Fortrolig sammendrag');
    const exempt = await ok<ReaderItemDetail>('GET', `/api/reader/items/${exemptItemId}`, official);
    expect(exempt).toMatchObject({ id: exemptItemId, meetingId, withheld: false, title: SECRET, read: false });
    expect(exempt.case).toMatchObject({ summary: 'Fortrolig sammendrag.', background: 'Bakgrunn 2.', assessment: 'Vurdering 2.', recommendation: 'Innstilling 2.' });
    expect(exempt.documents).toEqual([expect.objectContaining({ id: exemptItemDocId, title: 'Legeerklæring', withheld: false, filename: 'Legeerklæring.pdf' })]);
    const open = await ok<ReaderItemDetail>('GET', `/api/reader/items/${openItemId}`, official);
    expect(open.documents.map((d) => d.title)).toEqual(['Kart over området', 'Uttalelse fra Kari Hemmelig']);
  });

  it('shows an official without exempt access placeholders with the legal ground, never the content', async () => {
    const res = await inject('GET', `/api/reader/meetings/${meetingId}`, colleague);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Kari Hemmelig');
    expect(res.body).not.toContain('Fortrolig');
    expect(res.body).not.toContain('Legeerklæring');
    const detail = res.json<ReaderMeetingDetail>();
    expect(detail).toMatchObject({ access: 'substitute', exemptAccess: false });
    expect(detail.items[1]).toMatchObject({ withheld: true, title: 'Unntatt offentlighet', caseId: null, documentCount: 1, documentIds: [], number: expect.stringMatching(/^PS \d+\/\d\d$/), citation: expect.stringContaining('offl. § 13') });
    expect(detail.items[0]).toMatchObject({ withheld: false, documentCount: 2, documentIds: [openDocId] });
    const exemptRes = await inject('GET', `/api/reader/items/${exemptItemId}`, colleague);
    expect(exemptRes.statusCode).toBe(200);
    expect(exemptRes.body).not.toContain('Fortrolig');
    expect(exemptRes.body).not.toContain('Legeerklæring');
    const exempt = exemptRes.json<ReaderItemDetail>();
    expect(exempt).toMatchObject({ withheld: true, title: 'Unntatt offentlighet', case: null, citation: expect.stringContaining('offl. § 13') });
    expect(exempt.documents).toEqual([expect.objectContaining({ id: exemptItemDocId, title: 'Unntatt offentlighet', filename: '', size: 0, withheld: true })]);
    const openRes = await inject('GET', `/api/reader/items/${openItemId}`, colleague);
    expect(openRes.body).not.toContain('Kari Hemmelig');
    const open = openRes.json<ReaderItemDetail>();
    expect(open.withheld).toBe(false);
    expect(open.case?.summary).toBe('Sammendrag 1.');
    expect(open.documents.map((d) => [d.title, d.withheld])).toEqual([['Kart over området', false], ['Unntatt offentlighet', true]]);
  });

  it('refuses others with stable codes', async () => {
    const noSeat = await inject('GET', `/api/reader/meetings/${meetingId}`, outsider);
    expect({ status: noSeat.statusCode, code: noSeat.json().code }).toEqual({ status: 403, code: 'READER_NO_ACCESS' });
    const planned = await inject('GET', `/api/reader/meetings/${plannedId}`, official);
    expect({ status: planned.statusCode, code: planned.json().code }).toEqual({ status: 404, code: 'READER_MEETING_NOT_FOUND' });
    const unknown = await inject('GET', `/api/reader/meetings/${randomUUID()}`, official);
    expect(unknown.json().code).toBe('READER_MEETING_NOT_FOUND');
    expect((await inject('GET', `/api/reader/meetings/${meetingId}`)).statusCode).toBe(401);
    const itemNoSeat = await inject('GET', `/api/reader/items/${openItemId}`, outsider);
    expect({ status: itemNoSeat.statusCode, code: itemNoSeat.json().code }).toEqual({ status: 403, code: 'READER_NO_ACCESS' });
    const itemUnknown = await inject('GET', `/api/reader/items/${randomUUID()}`, official);
    expect({ status: itemUnknown.statusCode, code: itemUnknown.json().code }).toEqual({ status: 404, code: 'READER_PAPER_NOT_FOUND' });
    expect((await inject('GET', `/api/reader/documents/${openDocId}/annotations`)).statusCode).toBe(401);
    // The secretariat reads even a planned meeting, everything open.
    expect(await ok<ReaderMeetingDetail>('GET', `/api/reader/meetings/${plannedId}`, secretariat)).toMatchObject({ access: 'staff', exemptAccess: true });
    const withheld = await inject('PUT', `/api/reader/items/${exemptItemId}/read`, colleague, { read: true });
    expect({ status: withheld.statusCode, code: withheld.json().code }).toEqual({ status: 403, code: 'READER_PAPER_WITHHELD' });
    // An exempt document on an open item too; its member reads it.
    expect((await inject('GET', `/api/reader/documents/${exemptDocOnOpenItem}/annotations`, colleague)).json().code).toBe('READER_PAPER_WITHHELD');
    expect((await inject('GET', `/api/reader/documents/${exemptDocOnOpenItem}/annotations`, official)).statusCode).toBe(200);
    const foreign = await inject('PUT', `/api/reader/items/${openItemId}/read`, outsider, { read: true });
    expect({ status: foreign.statusCode, code: foreign.json().code }).toEqual({ status: 404, code: 'READER_PAPER_NOT_FOUND' });
    // One read state per item: there is no separate mark for a document.
    expect((await inject('PUT', `/api/reader/documents/${openDocId}/read`, official, { read: true })).statusCode).toBe(404);
  });

  it('keeps one read mark per user and item, idempotently', async () => {
    const first = await ok<{ readAt: string }>('PUT', `/api/reader/items/${openItemId}/read`, official, { read: true });
    const again = await ok<{ readAt: string }>('PUT', `/api/reader/items/${openItemId}/read`, official, { read: true });
    expect(again.readAt).toBe(first.readAt);
    const detail = await ok<ReaderMeetingDetail>('GET', `/api/reader/meetings/${meetingId}`, official);
    expect(detail.items.map((i) => i.read)).toEqual([true, false]);
    expect((await ok<ReaderItemDetail>('GET', `/api/reader/items/${openItemId}`, official)).read).toBe(true);
    const list = await ok<ReaderMeetingListResponse>('GET', '/api/reader/meetings', official);
    expect(list.upcoming.find((m) => m.id === meetingId)).toMatchObject({ unreadItemCount: 1 });
    // Another user's marks are their own.
    const theirs = await ok<ReaderMeetingDetail>('GET', `/api/reader/meetings/${meetingId}`, colleague);
    expect(theirs.items[0]!.read).toBe(false);
    expect(await ok('PUT', `/api/reader/items/${openItemId}/read`, official, { read: false })).toEqual({ targetId: openItemId, read: false, readAt: null });
    expect((await ok<ReaderMeetingDetail>('GET', `/api/reader/meetings/${meetingId}`, official)).items[0]!.read).toBe(false);
  });

  it('shows private notes to their author only and group notes to party colleagues with access', async () => {
    const privateId = randomUUID();
    const groupId = randomUUID();
    const mine = await ok<Annotation>('PUT', `/api/reader/annotations/${privateId}`, official, note());
    expect(mine).toMatchObject({ id: privateId, version: 1, mine: true, authorName: officialName, page: 2, quote: 'Sitert tekst', deleted: false });
    await ok('PUT', `/api/reader/annotations/${groupId}`, official, note({ text: 'Til gruppa', shared: 'group' }));
    await ok('PUT', `/api/reader/annotations/${randomUUID()}`, official, { documentId: null, agendaItemId: openItemId, text: 'Om saken', baseVersion: 0, updatedAt: '2026-11-26T10:00:00.000Z' });

    const own = await ok<{ items: Annotation[] }>('GET', `/api/reader/documents/${openDocId}/annotations`, official);
    expect(own.items.map((a) => a.text).sort()).toEqual(['Mitt notat', 'Til gruppa']);
    const forColleague = await ok<{ items: Annotation[] }>('GET', `/api/reader/documents/${openDocId}/annotations`, colleague);
    expect(forColleague.items).toEqual([expect.objectContaining({ id: groupId, text: 'Til gruppa', mine: false, authorName: officialName })]);
    expect((await ok<{ items: Annotation[] }>('GET', `/api/reader/documents/${openDocId}/annotations`, otherParty)).items).toEqual([]);
    expect((await inject('GET', `/api/reader/documents/${openDocId}/annotations`, outsider)).statusCode).toBe(404);
    // Only the author may change or delete it, and the id does not tell anyone it exists.
    const hijack = await inject('PUT', `/api/reader/annotations/${groupId}`, colleague, note({ text: 'Endret', baseVersion: 1 }));
    expect({ status: hijack.statusCode, code: hijack.json().code }).toEqual({ status: 404, code: 'ANNOTATION_NOT_FOUND' });
    expect((await inject('DELETE', `/api/reader/annotations/${groupId}?baseVersion=1`, colleague)).json().code).toBe('ANNOTATION_NOT_FOUND');

    const detail = await ok<ReaderItemDetail>('GET', `/api/reader/items/${openItemId}`, official);
    expect(detail.annotationCount).toBe(1);
    expect(detail.documents[0]!.annotationCount).toBe(2);
    // In the list: the item's own notes and those on its documents.
    expect((await ok<ReaderMeetingDetail>('GET', `/api/reader/meetings/${meetingId}`, official)).items[0]!.annotationCount).toBe(3);
    expect((await ok<{ items: Annotation[] }>('GET', `/api/reader/meetings/${meetingId}/annotations`, official)).items).toHaveLength(3);
    expect((await ok<{ items: Annotation[] }>('GET', `/api/reader/meetings/${meetingId}/annotations`, colleague)).items.map((a) => a.id)).toEqual([groupId]);
    // A note cannot sit on a paper withheld from its author.
    const onWithheld = await inject('PUT', `/api/reader/annotations/${randomUUID()}`, colleague, note({ documentId: exemptItemDocId }));
    expect(onWithheld.json().code).toBe('READER_PAPER_WITHHELD');
    // Personal notes stay out of the audit log.
    expect(await sql(`select 1 from audit_log where after::text like '%Mitt notat%' or entity_type like '%annotation%'`)).toEqual([]);
  });

  it('keeps highlights on a PDF page private or shared with the party group exactly as notes', async () => {
    const rects = [{ x: 0.1, y: 0.2, w: 0.6, h: 0.02 }, { x: 0.1, y: 0.23, w: 0.3, h: 0.02 }];
    const privateId = randomUUID();
    const groupId = randomUUID();
    const mine = await ok<Annotation>('PUT', `/api/reader/annotations/${privateId}`, official, note({ page: 1, quote: 'Markert tekst', text: '', rects }));
    expect(mine).toMatchObject({ page: 1, quote: 'Markert tekst', text: '', rects, version: 1 });
    // Sent offline and synced later: the same rule as any note.
    const synced = await ok<SyncResponse>('POST', '/api/reader/sync', official, {
      changes: [{ op: 'upsert', id: groupId, annotation: note({ page: 1, quote: 'Delt utheving', text: 'Se her', shared: 'group', rects: [rects[0]] }) }],
    }, 200);
    expect(synced.results[0]).toMatchObject({ status: 'applied', annotation: { rects: [rects[0]], shared: 'group' } });
    const highlights = (list: { items: Annotation[] }) => list.items.filter((a) => a.rects.length > 0).map((a) => a.id).sort();
    expect(highlights(await ok('GET', `/api/reader/documents/${openDocId}/annotations`, official))).toEqual([privateId, groupId].sort());
    expect(highlights(await ok('GET', `/api/reader/documents/${openDocId}/annotations`, colleague))).toEqual([groupId]);
    expect(highlights(await ok('GET', `/api/reader/meetings/${meetingId}/annotations`, colleague))).toEqual([groupId]);
    expect(highlights(await ok('GET', `/api/reader/documents/${openDocId}/annotations`, otherParty))).toEqual([]);
    expect((await inject('PUT', `/api/reader/annotations/${groupId}`, colleague, note({ rects, baseVersion: 1 }))).json().code).toBe('ANNOTATION_NOT_FOUND');
    // A highlight belongs to a page of a document; nothing is written otherwise.
    for (const bad of [note({ page: null, rects }), { ...note({ rects }), documentId: null, agendaItemId: openItemId }, note({ rects: [{ x: 0.5, y: 0.5, w: 2, h: 0.1 }] })]) {
      const id = randomUUID();
      const res = await inject('PUT', `/api/reader/annotations/${id}`, official, bad);
      expect({ status: res.statusCode, code: res.json().code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(await sql(`select 1 from reader_annotation where id = ?`, [id])).toEqual([]);
    }
    // Deleting a highlight clears its areas with its text.
    expect(await ok('DELETE', `/api/reader/annotations/${privateId}?baseVersion=1`, official)).toMatchObject({ deleted: true, rects: [], quote: '' });
  });

  it('makes a replayed change a no-op and a stale one a conflict that keeps both sides', async () => {
    const id = randomUUID();
    const created = await ok<Annotation>('PUT', `/api/reader/annotations/${id}`, official, note({ text: 'Første' }));
    const replay = await ok<Annotation>('PUT', `/api/reader/annotations/${id}`, official, note({ text: 'Første' }));
    expect(replay).toEqual(created);
    const edit = note({ text: 'Andre', baseVersion: 1, updatedAt: '2026-11-26T11:00:00.000Z' });
    expect((await ok<Annotation>('PUT', `/api/reader/annotations/${id}`, official, edit)).version).toBe(2);

    // Another device, offline since version 1, changed the same note.
    const stale = await inject('PUT', `/api/reader/annotations/${id}`, official, note({ text: 'Fra nettbrettet', baseVersion: 1, updatedAt: '2026-11-26T11:30:00.000Z' }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'ANNOTATION_CONFLICT', annotation: { id, text: 'Andre', version: 2 } });

    // A reconnecting client sends its queue: the replay, the stale change, a new note (twice) and a delete.
    const fresh = randomUUID();
    const newNote = note({ text: 'Skrevet på flyet', updatedAt: '2026-11-26T12:00:00.000Z' });
    const sync = await ok<SyncResponse>('POST', '/api/reader/sync', official, {
      changes: [
        { op: 'upsert', id, annotation: edit },
        { op: 'upsert', id, annotation: note({ text: 'Fra nettbrettet', baseVersion: 1, updatedAt: '2026-11-26T11:30:00.000Z' }) },
        { op: 'upsert', id: fresh, annotation: newNote },
        { op: 'upsert', id: fresh, annotation: newNote },
        { op: 'delete', id: randomUUID(), baseVersion: 1 },
        { op: 'upsert', id: randomUUID(), annotation: note({ documentId: randomUUID() }) },
      ],
    }, 200);
    expect(sync.results.map((r) => [r.status, r.code])).toEqual([
      ['unchanged', null],
      ['conflict', 'ANNOTATION_CONFLICT'],
      ['applied', null],
      ['unchanged', null],
      ['unchanged', null],
      ['rejected', 'READER_PAPER_NOT_FOUND'],
    ]);
    expect(sync.results[1]!.annotation).toMatchObject({ text: 'Andre', version: 2 });

    // Deleting: a stale delete conflicts; the current one leaves a tombstone a late edit cannot revive.
    expect((await inject('DELETE', `/api/reader/annotations/${id}?baseVersion=1`, official)).statusCode).toBe(409);
    const deleted = await ok<Annotation>('DELETE', `/api/reader/annotations/${id}?baseVersion=2`, official);
    expect(deleted).toMatchObject({ deleted: true, text: '', version: 3 });
    expect((await inject('PUT', `/api/reader/annotations/${id}`, official, note({ text: 'Sen endring', baseVersion: 2, updatedAt: '2026-11-26T13:00:00.000Z' }))).statusCode).toBe(409);
    const texts = (await ok<{ items: Annotation[] }>('GET', `/api/reader/documents/${openDocId}/annotations`, official)).items.map((a) => a.text);
    expect(texts).toContain('Skrevet på flyet');
    expect(texts).not.toContain('Andre');
    const tombstones = (await ok<{ items: Annotation[] }>('GET', `/api/reader/meetings/${meetingId}/annotations`, official)).items.filter((a) => a.deleted);
    expect(tombstones.map((a) => a.id)).toContain(id);
  });

  it('opens exempt papers to a substitute who accepted a summons to the meeting', async () => {
    const [member] = await sql<{ person_id: string }>(`select person_id from membership where body_id = ? and kind = 'member' order by person_id limit 1`, [bodyId]);
    const absenceId = randomUUID();
    await sql(
      `insert into meeting_absence (id, municipality_id, meeting_id, person_id, kind, source, reported_by, deadline_hours) values (?, ?, ?, ?, 'absent', 'secretariat', 'Test', 24)`,
      [absenceId, municipalityId, meetingId, member!.person_id],
    );
    await sql(
      `insert into substitute_summons (id, municipality_id, absence_id, meeting_id, person_id, list, rank, status, deadline, answered_at) values (?, ?, ?, ?, ?, 'Testlista', 1, 'accepted', now() + interval '1 day', now())`,
      [randomUUID(), municipalityId, absenceId, meetingId, colleaguePersonId],
    );
    const detail = await ok<ReaderMeetingDetail>('GET', `/api/reader/meetings/${meetingId}`, colleague);
    expect(detail).toMatchObject({ access: 'substitute', exemptAccess: true });
    expect(detail.items[1]).toMatchObject({ withheld: false, title: SECRET });
  });
});
