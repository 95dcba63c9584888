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
    expect(meetings.map((m) => m.status)).toEqual(['minutes_approved', 'notice_sent', 'planned']);
    // The held meeting has its minutes and an approved protocol with signatures.
    const [protocol] = await em.getConnection().execute<{ status: string; signatures: number; attendees: number }[]>(
      `select v.status, (select count(*)::int from protocol_signature s where s.protocol_id = v.id) as signatures,
              (select count(*)::int from minutes_attendee a where a.meeting_id = v.meeting_id) as attendees
         from protocol_version v where v.meeting_id = ?`,
      [meetings[0]!.id],
    );
    expect(protocol).toMatchObject({ status: 'approved', signatures: 2 });
    expect(protocol!.attendees).toBeGreaterThan(20);
    // An election open today, with a roll, a voting place for the demo clerk, and votes: some approved, some for the board.
    const [election] = await em.getConnection().execute<{ voters: number; approved: number; received: number; staffed: number; open_today: boolean }[]>(
      `select (select count(*)::int from roll_voter r where r.election_id = e.id) as voters,
              (select count(*)::int from advance_vote v where v.election_id = e.id and v.status = 'approved') as approved,
              (select count(*)::int from advance_vote v where v.election_id = e.id and v.status = 'received') as received,
              (select count(*)::int from voting_place_staff s join voting_place p on p.id = s.voting_place_id join app_user u on u.id = s.user_id where p.election_id = e.id and u.username = 'valgmedarbeider') as staffed,
              (now() at time zone 'Europe/Oslo')::date between e.advance_from and e.advance_to as open_today
         from election e`,
    );
    expect(election).toEqual({ voters: 300, approved: 24, received: 2, staffed: 1, open_today: true });
    // Weddings: two places, three officiants, availability, three ceremonies ahead (free and paid), the wedding staff's user.
    const [weddings] = await em.getConnection().execute<{ places: number; officiants: number; rules: number; booked: number; free: number; paid: number; staff: number; mine: number }[]>(
      `select (select count(*)::int from wedding_place) as places, (select count(*)::int from wedding_officiant) as officiants,
              (select count(*)::int from wedding_availability) as rules,
              (select count(*)::int from wedding_booking where status = 'booked' and starts_at > now()) as booked,
              (select count(*)::int from wedding_booking where fee_free) as free, (select count(*)::int from wedding_booking where not fee_free and fee_nok > 0) as paid,
              (select count(*)::int from app_user where username = 'vigsel' and roles = '{wedding_staff}') as staff,
              (select count(*)::int from wedding_booking b join wedding_officiant o on o.id = b.officiant_id join app_user u on u.id = o.user_id where u.username = 'vigsler' and u.roles = '{wedding_officiant}') as mine`,
    );
    expect(weddings).toEqual({ places: 2, officiants: 3, rules: 3, booked: 3, free: 2, paid: 1, staff: 1, mine: 1 });
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
