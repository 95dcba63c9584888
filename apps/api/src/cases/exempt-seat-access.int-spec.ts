import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Exempt papers inside the organisation follow the seat (PaperAccess, exempt_open_items): the own
 * term only, a substitute who moved up for a leave reads as a member, a substitute called in for
 * one item reads that item only, a disqualified member not that item, and a released member
 * nothing any more.
 */
describe('exempt papers follow the seat', () => {
  let t: TestApp;
  let secretariat: string;
  let member: string;
  let actingSubstitute: string;
  let fskId: string;
  const person: Record<string, string> = {};
  const login: Record<string, string> = {};

  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
  const sql = <T extends object = object>(query: string, params: unknown[] = []) => t.orm.em.fork().execute<T[]>(query, params);
  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const ok = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object): Promise<T> => {
    const res = await inject(method, url, secretariat, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  };
  /** Whether the caller can download the exempt document. */
  const reads = async (cookie: string, documentId: string) => (await inject('GET', `/api/documents/${documentId}/content`, cookie)).statusCode === 200;

  async function pdf(text: string): Promise<Buffer> {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage().drawText(text, { x: 50, y: 750, size: 12, font });
    return Buffer.from(await doc.save());
  }

  /** A meeting of the formannskap on the day with two closed items on exempt cases, each with an exempt document. */
  async function meetingWithExemptItems(on: string, label: string): Promise<{ meetingId: string; items: string[]; documents: string[] }> {
    const meetingId = (await ok<{ id: string }>('POST', `/api/bodies/${fskId}/meetings`, { startsAt: `${on}T16:00:00.000Z`, place: 'Rådhuset' })).id;
    const items: string[] = [];
    const documents: string[] = [];
    for (const n of [1, 2]) {
      const kase = await ok<{ id: string }>('POST', '/api/cases', { archiveReference: `26/${label}${n}`.replace(/[A-Z]/, (c) => String(c.charCodeAt(0))), title: `Personalsak ${label}${n}`, public: false, legalGround: 'offl13-fvl13' });
      const item = await ok<{ id: string }>('POST', `/api/meetings/${meetingId}/items`, { caseId: kase.id });
      await ok('PUT', `/api/agenda-items/${item.id}/closed`, { closed: true, legalGround: 'offl13-fvl13' });
      const boundary = '----seat-access';
      const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
      const payload = Buffer.concat([
        Buffer.from(field('title', `Vedlegg ${label}${n}`) + field('public', 'false') + field('legalGround', 'offl13-fvl13')),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="vedlegg.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
        await pdf(`Vedlegg ${label}${n}`),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const uploaded = await t.app.inject({ method: 'POST', url: `/api/cases/${kase.id}/documents`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: secretariat }, payload });
      expect(uploaded.statusCode).toBe(201);
      items.push(item.id);
      documents.push(uploaded.json<{ id: string }>().id);
    }
    return { meetingId, items, documents };
  }

  /** A user with role official for a person. */
  async function officialFor(username: string, personId: string): Promise<string> {
    await sql(
      `insert into app_user (id, municipality_id, username, display_name, password_hash, roles, active, person_id)
       select gen_random_uuid(), municipality_id, ?, ?, password_hash, '{official}', true, ? from app_user where username = 'politiker'`,
      [username, `Test ${username}`, personId],
    );
    return t.login(username);
  }

  beforeAll(async () => {
    t = await createTestApp('exempt-seat');
    secretariat = await t.login('sekretariat');
    member = await t.login('politiker');
    actingSubstitute = await t.login('politiker2');
    const [fsk] = await sql<{ id: string }>(`select id from body where kind = 'formannskap'`);
    fskId = fsk!.id;
    const [official] = await sql<{ id: string; person_id: string; party_id: string }>(
      `select ms.id, ms.person_id, ms.party_id from membership ms join app_user u on u.person_id = ms.person_id where u.username = 'politiker' and ms.body_id = ? and ms.kind = 'member'`,
      [fskId],
    );
    person['member'] = official!.person_id;
    const subs = await sql<{ person_id: string }>(`select person_id from membership where body_id = ? and kind = 'substitute' and party_id = ? order by rank`, [fskId, official!.party_id]);
    person['acting'] = subs[0]!.person_id;
    // Another member of the formannskap (a user of their own), and a substitute of another list.
    const [other] = await sql<{ person_id: string; party_id: string }>(
      `select person_id, party_id from membership where body_id = ? and kind = 'member' and party_id <> ? order by person_id limit 1`,
      [fskId, official!.party_id],
    );
    person['other'] = other!.person_id;
    login['other'] = await officialFor('annen.medlem', other!.person_id);
    const [called] = await sql<{ person_id: string }>(`select person_id from membership where body_id = ? and kind = 'substitute' and party_id = ? order by rank limit 1`, [fskId, other!.party_id]);
    person['called'] = called!.person_id;
    login['called'] = await officialFor('vara.innkalt', called!.person_id);
    const leave = await inject('POST', `/api/memberships/${official!.id}/leaves`, secretariat, { kind: 'leave', from: day(20), to: day(30), reason: 'Foreldrepermisjon' });
    expect(leave.statusCode).toBe(201);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('opens the exempt papers of a meeting during a leave to the substitute who moved up, not to the member on leave', async () => {
    const { documents } = await meetingWithExemptItems(day(25), 'L');
    expect(await reads(actingSubstitute, documents[0]!)).toBe(true);
    expect(await reads(member, documents[0]!)).toBe(false);
    expect(await reads(secretariat, documents[0]!)).toBe(true);
  });

  it("keeps a member out of a past term's exempt papers", async () => {
    const [term] = await sql<{ term_from: string }>(`select to_char(term_from - 30, 'YYYY-MM-DD') as term_from from body where id = ?`, [fskId]);
    const { documents } = await meetingWithExemptItems(term!.term_from, 'P');
    expect(await reads(member, documents[0]!)).toBe(false);
    expect(await reads(secretariat, documents[0]!)).toBe(true);
  });

  describe('a substitute called in for one item, and the disqualified member', () => {
    let meeting: { meetingId: string; items: string[]; documents: string[] };
    beforeAll(async () => {
      meeting = await meetingWithExemptItems(day(40), 'D');
      expect((await inject('POST', `/api/meetings/${meeting.meetingId}/publish`, secretariat)).statusCode).toBe(200);
      await ok('POST', `/api/meetings/${meeting.meetingId}/absences`, { personId: person['other'], agendaItemId: meeting.items[0], reason: 'Inhabil: part i saken' });
      const [summons] = await sql<{ person_id: string }>(`select person_id from substitute_summons where meeting_id = ? and status = 'pending'`, [meeting.meetingId]);
      expect(summons!.person_id).toBe(person['called']);
      await sql(`update substitute_summons set status = 'accepted', answered_at = now() where meeting_id = ? and status = 'pending'`, [meeting.meetingId]);
    });

    it('opens to the substitute the item they are called in for, not another item of the meeting', async () => {
      expect(await reads(login['called']!, meeting.documents[0]!)).toBe(true);
      expect(await reads(login['called']!, meeting.documents[1]!)).toBe(false);
      // In the reader: the own item in full, the other as a withheld placeholder.
      const other = await inject('GET', `/api/reader/items/${meeting.items[1]}`, login['called']);
      expect(other.statusCode).toBe(200);
      expect(other.body).not.toContain('Personalsak D2');
      const own = await inject('GET', `/api/reader/items/${meeting.items[0]}`, login['called']);
      expect(own.body).toContain('Personalsak D1');
    });

    it('keeps the disqualified member out of that item only', async () => {
      expect(await reads(login['other']!, meeting.documents[0]!)).toBe(false);
      expect(await reads(login['other']!, meeting.documents[1]!)).toBe(true);
    });

    it('closes everything to a member released from today', async () => {
      const [ms] = await sql<{ id: string }>(`select id from membership where body_id = ? and person_id = ? and kind = 'member'`, [fskId, person['other']]);
      const release = await inject('POST', `/api/memberships/${ms!.id}/leaves`, secretariat, { kind: 'release', from: day(0), to: null, reason: 'Fritak, § 7-9' });
      expect(release.statusCode).toBe(201);
      expect(await reads(login['other']!, meeting.documents[1]!)).toBe(false);
    });
  });
});
