import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { StaffBooking, WeddingBookingExport, WeddingSettings, WeddingStatistics } from '@sekretariat/contracts';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { WeddingsRetention } from './weddings-retention.js';

jest.setTimeout(120_000);

const MONTH_MS = 30 * 86_400_000;
const ago = (months: number) => new Date(Date.now() - months * MONTH_MS);

/**
 * The weddings' records on PostgreSQL: the retention setting, the anonymisation job (old bookings
 * lose the personal data, recent ones keep it, the record stays, a second run changes nothing),
 * the export of a couple's data with its audit trail, and the yearly statistics in Oslo time.
 */
describe('weddings records', () => {
  let t: TestApp;
  let staff: string;
  let municipalityId: string;
  let roomId: string;
  let parkId: string;
  let mayorId: string;
  let seeded = 0;

  const inject = (method: 'GET' | 'PUT', url: string, cookie: string | undefined, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const sql = <T extends object>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T>(query, params);

  type Residence = 'municipality' | 'other_municipality' | 'abroad';
  interface Seed {
    placeId?: string;
    officiantId?: string | null;
    status: 'booked' | 'cancelled' | 'held_ceremony' | 'held';
    startsAt: Date;
    cancelledAt?: Date;
    residences?: [Residence, Residence];
  }
  /** A booking as the booking service stores it, at a time of our choosing. */
  async function seed(s: Seed): Promise<string> {
    const starts = s.startsAt;
    seeded += 1;
    const ends = new Date(starts.getTime() + 30 * 60_000);
    const [a, b] = s.residences ?? ['municipality', 'other_municipality'];
    const parties = [
      { name: 'Kari Testbrud', birthDate: '1990-04-02', email: 'kari@epost.example', phone: '+47 912 34 567', residence: a },
      { name: 'Ola Testbrudgom', birthDate: '1988-11-30', email: 'ola@epost.example', phone: '91234568', residence: b },
    ];
    const witnesses = [
      { name: 'Vitne Testesen', birthDate: '1970-01-01' },
      { name: 'Vitne Prøvesen', birthDate: '1975-06-15' },
    ];
    const free = a === 'municipality' || b === 'municipality' || (a === 'abroad' && b === 'abroad');
    const [row] = await sql<{ id: string }[]>(
      `insert into wedding_booking (id, municipality_id, place_id, officiant_id, status, starts_at, ends_at, during, reference, manage_token_hash, mail_token_hash,
         parties, witnesses, ceremony_language, guests, certificate_issued_on, certificate_checked, notes, locale, fee_free, fee_nok,
         cancel_reason, cancelled_at, booked_at, held_at, registry_notice_sent_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, tstzrange(?, ?), ?, ?, ?, ?::jsonb, ?::jsonb, 'nn', 12, ?::date, true, 'Ønsker piano', 'nn', ?, ?,
         ?, ?, ?, ?, ?)
       returning id`,
      [
        municipalityId, s.placeId ?? roomId, s.officiantId === undefined ? mayorId : s.officiantId, s.status, starts, ends, starts, ends,
        `V-${starts.getUTCFullYear()}-${String(9000 + seeded).padStart(4, '0')}`, 'a'.repeat(64), 'b'.repeat(64),
        JSON.stringify(parties), JSON.stringify(witnesses), new Date(starts.getTime() - MONTH_MS).toISOString().slice(0, 10), free, free ? 0 : 1200,
        s.status === 'cancelled' ? 'Brudgommen Ola er syk' : null, s.status === 'cancelled' ? (s.cancelledAt ?? starts) : null,
        new Date(starts.getTime() - 2 * MONTH_MS), s.status === 'held_ceremony' ? starts : null, s.status === 'held_ceremony' ? ends : null,
      ],
    );
    return row!.id;
  }
  interface Row {
    id: string;
    status: string;
    parties: unknown;
    witnesses: unknown;
    notes: string;
    cancel_reason: string | null;
    manage_token_hash: string | null;
    mail_token_hash: string | null;
    anonymised_at: string | null;
    residence_class: string | null;
    starts_at: string;
    place_id: string;
    officiant_id: string | null;
    ceremony_language: string;
    held_at: string | null;
    registry_notice_sent_at: string | null;
    fee_free: boolean;
    fee_nok: number;
    certificate_checked: boolean;
    reference: string;
  }
  const row = async (id: string) => (await sql<Row[]>(`select * from wedding_booking where id = ?`, [id]))[0]!;

  beforeAll(async () => {
    t = await createTestApp('wedding_records');
    staff = await t.login('vigsel');
    municipalityId = (await sql<{ id: string }[]>(`select id from municipality where slug = 'demo'`))[0]!.id;
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { cookie: staff }, payload });
    roomId = (await post('/api/weddings/places', { name: 'Bryllupsrommet', capacity: 20 })).json<{ id: string }>().id;
    parkId = (await post('/api/weddings/places', { name: 'Parken', capacity: 60 })).json<{ id: string }>().id;
    mayorId = (await post('/api/weddings/officiants', { name: 'Ordfører Test', kind: 'mayor' })).json<{ id: string }>().id;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('the retention setting', () => {
    const base = { feeNok: 1000, infoText: { nb: '', nn: '', en: '' } };

    it('is 12 months until set, 1 to 120, and kept when a change leaves it out', async () => {
      const initial = (await inject('GET', '/api/weddings/settings', staff)).json<WeddingSettings>();
      expect(initial.retentionMonths).toBe(12);
      for (const bad of [0, 121, 2.5]) {
        const res = await inject('PUT', '/api/weddings/settings', staff, { ...base, retentionMonths: bad });
        expect({ bad, status: res.statusCode, code: res.json<{ code: string }>().code }).toEqual({ bad, status: 400, code: 'VALIDATION_FAILED' });
      }
      expect((await inject('GET', '/api/weddings/settings', staff)).json<WeddingSettings>()).toEqual(initial);
      expect((await inject('PUT', '/api/weddings/settings', staff, { ...base, retentionMonths: 24 })).json<WeddingSettings>().retentionMonths).toBe(24);
      expect((await inject('PUT', '/api/weddings/settings', staff, base)).json<WeddingSettings>().retentionMonths).toBe(24);
      // The database refuses what the contract refuses.
      await expect(sql(`update wedding_settings set retention_months = 0`)).rejects.toMatchObject({ constraint: 'wedding_settings_retention_months_check' });
      expect((await inject('PUT', '/api/weddings/settings', staff, { ...base, retentionMonths: 12 })).statusCode).toBe(200);
    });
  });

  describe('the anonymisation job', () => {
    let heldOld: string;
    let bookedOld: string;
    let cancelledOld: string;
    let cancelledLate: string;
    let heldRecent: string;
    let upcoming: string;
    let hold: string;

    beforeAll(async () => {
      heldOld = await seed({ status: 'held_ceremony', startsAt: ago(14), residences: ['abroad', 'abroad'] });
      await sql(`update wedding_booking set registry_notice_sent_at = held_at + interval '1 day' where id = ?`, [heldOld]);
      bookedOld = await seed({ status: 'booked', startsAt: ago(15), placeId: parkId, residences: ['other_municipality', 'other_municipality'] });
      cancelledOld = await seed({ status: 'cancelled', startsAt: ago(16), cancelledAt: ago(18), officiantId: null });
      // Cancelled recently (after its time had passed): kept until a year after the cancellation.
      cancelledLate = await seed({ status: 'cancelled', startsAt: ago(14), cancelledAt: ago(0.5), placeId: parkId });
      heldRecent = await seed({ status: 'held_ceremony', startsAt: ago(11) });
      upcoming = await seed({ status: 'booked', startsAt: new Date(Date.now() + MONTH_MS) });
      hold = (await sql<{ id: string }[]>(
        `insert into wedding_booking (id, municipality_id, place_id, status, starts_at, ends_at, during, hold_expires_at, hold_token_hash)
         values (gen_random_uuid(), ?, ?, 'held', ?, ?, tstzrange(?, ?), now() + interval '10 minutes', ?) returning id`,
        [municipalityId, parkId, ago(20), new Date(ago(20).getTime() + 1_800_000), ago(20), new Date(ago(20).getTime() + 1_800_000), 'c'.repeat(64)],
      ))[0]!.id;
    });

    it('removes the personal data of bookings held, cancelled or passed more than the retention ago, and keeps the record', async () => {
      const before = await row(heldOld);
      const run = await t.app.get(WeddingsRetention).run();
      expect(run.anonymised[municipalityId]).toBe(3);

      for (const id of [heldOld, bookedOld, cancelledOld]) {
        const r = await row(id);
        expect(r).toMatchObject({ parties: null, witnesses: null, notes: '', cancel_reason: null, manage_token_hash: null, mail_token_hash: null });
        expect(r.anonymised_at).toEqual(expect.any(String));
      }
      // What the municipality keeps for the record.
      const after = await row(heldOld);
      expect(after).toMatchObject({
        status: 'held_ceremony',
        reference: before.reference,
        place_id: roomId,
        officiant_id: mayorId,
        ceremony_language: 'nn',
        fee_free: true,
        fee_nok: 0,
        certificate_checked: true,
        residence_class: 'abroad',
      });
      expect([after.starts_at, after.held_at, after.registry_notice_sent_at]).toEqual([before.starts_at, before.held_at, before.registry_notice_sent_at]);
      expect(await row(bookedOld)).toMatchObject({ status: 'booked', residence_class: 'non_resident', fee_nok: 1200, place_id: parkId });
      expect(await row(cancelledOld)).toMatchObject({ status: 'cancelled', residence_class: 'resident', officiant_id: null });

      // Recent ones, the upcoming one and holds keep everything.
      for (const id of [cancelledLate, heldRecent, upcoming]) {
        const r = await row(id);
        expect(r.anonymised_at).toBeNull();
        expect(r.parties).toHaveLength(2);
        expect(r.notes).toBe('Ønsker piano');
      }
      expect((await row(hold)).anonymised_at).toBeNull();

      // One audit entry for the run, with counts and no personal data.
      const audit = await sql<{ entity_type: string; entity_id: string; after: object }[]>(`select entity_type, entity_id, after from audit_log where action = 'wedding.retention.anonymised'`);
      expect(audit).toEqual([{ entity_type: 'wedding_retention', entity_id: municipalityId, after: { anonymised: 3, byStatus: { held_ceremony: 1, booked: 1, cancelled: 1 } } }]);
      expect(JSON.stringify(audit)).not.toMatch(/Kari|Ola|Vitne|epost|piano/);
    });

    it('changes nothing when run again', async () => {
      const snapshot = await sql(`select * from wedding_booking order by id`);
      const run = await t.app.get(WeddingsRetention).run();
      expect(run.anonymised).toEqual({});
      expect(await sql(`select * from wedding_booking order by id`)).toEqual(snapshot);
      expect(await sql(`select id from audit_log where action = 'wedding.retention.anonymised'`)).toHaveLength(1);
    });

    it('follows the setting: with 1 month the recent held ceremony goes too', async () => {
      expect((await inject('PUT', '/api/weddings/settings', staff, { feeNok: 1000, infoText: { nb: '', nn: '', en: '' }, retentionMonths: 1 })).statusCode).toBe(200);
      const run = await t.app.get(WeddingsRetention).run();
      expect(run.anonymised[municipalityId]).toBe(1);
      expect((await row(heldRecent)).anonymised_at).toEqual(expect.any(String));
      expect((await row(cancelledLate)).anonymised_at).toBeNull();
      expect((await row(upcoming)).anonymised_at).toBeNull();
      expect((await inject('PUT', '/api/weddings/settings', staff, { feeNok: 1000, infoText: { nb: '', nn: '', en: '' }, retentionMonths: 12 })).statusCode).toBe(200);
    });

    it('shows the staff an anonymised booking without the personal data', async () => {
      const res = await inject('GET', `/api/weddings/bookings/${heldOld}`, staff);
      expect(res.statusCode).toBe(200);
      const b = res.json<StaffBooking>();
      expect(b).toMatchObject({ parties: [], witnesses: [], notes: '', status: 'held_ceremony', registryNotice: 'sent' });
      expect(b.anonymisedAt).toEqual(expect.any(String));
    });
  });

  describe('the export of a couple’s data', () => {
    it('gives everything stored about the booking with its audit trail as a download, and audits the export', async () => {
      const id = await seed({ status: 'booked', startsAt: new Date(Date.now() + 2 * MONTH_MS), placeId: parkId });
      expect((await t.app.inject({ method: 'POST', url: `/api/weddings/bookings/${id}/certificate-checked`, headers: { cookie: staff } })).statusCode).toBe(200);
      const res = await inject('GET', `/api/weddings/bookings/${id}/export`, staff);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="vigsel-V-\d{4}-\d{4}\.json"$/);
      const data = res.json<WeddingBookingExport>();
      expect(data.municipality).toBe('Fjordvik kommune');
      expect(data.booking).toMatchObject({
        id,
        status: 'booked',
        place: { id: parkId, name: 'Parken' },
        officiant: { id: mayorId, name: 'Ordfører Test', kind: 'mayor' },
        notes: 'Ønsker piano',
        locale: 'nn',
        guests: 12,
        privateLink: true,
        anonymisedAt: null,
      });
      expect(data.booking.parties.map((p) => p.name)).toEqual(['Kari Testbrud', 'Ola Testbrudgom']);
      expect(data.booking.witnesses.map((w) => w.name)).toEqual(['Vitne Testesen', 'Vitne Prøvesen']);
      expect(res.body).not.toContain('a'.repeat(64));
      expect(data.audit.map((a) => a.action)).toEqual(['wedding.certificate_checked']);
      // The export is in the trail of the next one.
      const again = (await inject('GET', `/api/weddings/bookings/${id}/export`, staff)).json<WeddingBookingExport>();
      expect(again.audit.map((a) => a.action)).toEqual(['wedding.certificate_checked', 'wedding.exported']);
      expect(again.audit[1]!.actor).not.toBe('');
    });

    it('is refused without the wedding role, and an unknown booking is 404', async () => {
      const id = await seed({ status: 'booked', startsAt: new Date(Date.now() + 3 * MONTH_MS), placeId: parkId });
      const other = await t.login('sekretariat');
      expect((await inject('GET', `/api/weddings/bookings/${id}/export`, other)).statusCode).toBe(403);
      expect((await inject('GET', `/api/weddings/bookings/${id}/export`, undefined)).statusCode).toBe(401);
      expect(await sql(`select id from audit_log where action = 'wedding.exported' and entity_id = ?`, [id])).toHaveLength(0);
      const unknown = await inject('GET', `/api/weddings/bookings/00000000-0000-4000-8000-000000000000/export`, staff);
      expect({ status: unknown.statusCode, code: unknown.json<{ code: string }>().code }).toEqual({ status: 404, code: 'WEDDING_BOOKING_NOT_FOUND' });
    });
  });

  describe('the yearly statistics', () => {
    const at = (iso: string) => new Date(iso);
    let secondOfficiant: string;

    beforeAll(async () => {
      secondOfficiant = (await t.app.inject({ method: 'POST', url: '/api/weddings/officiants', headers: { cookie: staff }, payload: { name: 'Varaordfører Test', kind: 'deputy_mayor' } })).json<{ id: string }>().id;
      // 00:30 on 1 January in Oslo is still 2030 in UTC: it counts for January 2031.
      await seed({ status: 'held_ceremony', startsAt: at('2030-12-31T23:30:00Z') });
      await seed({ status: 'held_ceremony', startsAt: at('2031-01-10T10:00:00Z'), residences: ['abroad', 'abroad'] });
      await seed({ status: 'cancelled', startsAt: at('2031-01-17T10:00:00Z'), officiantId: null });
      await seed({ status: 'held_ceremony', startsAt: at('2031-06-06T09:00:00Z'), placeId: parkId, officiantId: secondOfficiant, residences: ['other_municipality', 'abroad'] });
      await seed({ status: 'booked', startsAt: at('2031-06-13T09:00:00Z'), placeId: parkId, officiantId: null, residences: ['other_municipality', 'other_municipality'] });
      // An anonymised one counts by the classification kept.
      const gone = await seed({ status: 'held_ceremony', startsAt: at('2031-08-01T09:00:00Z'), residences: ['abroad', 'abroad'] });
      await sql(`update wedding_booking set parties = null, witnesses = null, residence_class = 'abroad', anonymised_at = now() where id = ?`, [gone]);
      // Not in 2031: 00:30 on 1 January 2032 in Oslo, and a hold.
      await seed({ status: 'held_ceremony', startsAt: at('2031-12-31T23:30:00Z') });
      await sql(
        `insert into wedding_booking (id, municipality_id, place_id, status, starts_at, ends_at, during, hold_expires_at)
         values (gen_random_uuid(), ?, ?, 'held', '2031-03-03T09:00:00Z', '2031-03-03T09:30:00Z', tstzrange('2031-03-03T09:00:00Z', '2031-03-03T09:30:00Z'), now() + interval '10 minutes')`,
        [municipalityId, roomId],
      );
    });

    it('counts the ceremonies per month, place, officiant and residence class, as seeded', async () => {
      const res = await inject('GET', '/api/weddings/statistics?year=2031', staff);
      expect(res.statusCode).toBe(200);
      const s = res.json<WeddingStatistics>();
      expect(s.year).toBe(2031);
      expect(s.totals).toEqual({ total: 6, held: 4, booked: 1, cancelled: 1 });
      expect(s.months).toHaveLength(12);
      expect(s.months[0]).toEqual({ month: 1, total: 3, held: 2, booked: 0, cancelled: 1 });
      expect(s.months[5]).toEqual({ month: 6, total: 2, held: 1, booked: 1, cancelled: 0 });
      expect(s.months[7]).toEqual({ month: 8, total: 1, held: 1, booked: 0, cancelled: 0 });
      expect(s.months[2]).toEqual({ month: 3, total: 0, held: 0, booked: 0, cancelled: 0 });
      expect(s.months[11]!.total).toBe(0);
      expect(s.places).toEqual([
        { placeId: roomId, name: 'Bryllupsrommet', total: 4, held: 3, booked: 0, cancelled: 1 },
        { placeId: parkId, name: 'Parken', total: 2, held: 1, booked: 1, cancelled: 0 },
      ]);
      expect(s.officiants).toEqual([
        { officiantId: mayorId, name: 'Ordfører Test', total: 3, held: 3, booked: 0, cancelled: 0 },
        { officiantId: secondOfficiant, name: 'Varaordfører Test', total: 1, held: 1, booked: 0, cancelled: 0 },
        { officiantId: null, name: null, total: 2, held: 0, booked: 1, cancelled: 1 },
      ]);
      expect(s.residence).toEqual([
        { residenceClass: 'resident', total: 2, held: 1, booked: 0, cancelled: 1 },
        { residenceClass: 'abroad', total: 2, held: 2, booked: 0, cancelled: 0 },
        { residenceClass: 'non_resident', total: 2, held: 1, booked: 1, cancelled: 0 },
      ]);
      const empty = (await inject('GET', '/api/weddings/statistics?year=2040', staff)).json<WeddingStatistics>();
      expect(empty).toMatchObject({ totals: { total: 0 }, places: [], officiants: [] });
    });

    it('gives the CSV with headers and values in the language asked for', async () => {
      const nn = await inject('GET', '/api/weddings/statistics.csv?year=2031&lang=nn', staff);
      expect(nn.statusCode).toBe(200);
      expect(nn.headers['content-type']).toMatch(/^text\/csv/);
      expect(nn.headers['content-disposition']).toBe('attachment; filename="vigsler-statistikk-2031.csv"');
      const lines = nn.body.replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(lines[0]).toBe('Gruppe;Verdi;Vigslar i alt;Gjennomført;Bestilt;Avlyst');
      expect(lines[1]).toBe('Året;2031;6;4;1;1');
      expect(lines[2]).toBe('Månad;januar;3;2;0;1');
      expect(lines).toContain('Stad;Parken;2;1;1;0');
      expect(lines).toContain('Vigslar;Ingen vigslar tildelt;2;0;1;1');
      expect(lines).toContain('Bustad;Ingen busett i Noreg;2;2;0;0');
      expect(lines).toHaveLength(1 + 1 + 12 + 2 + 3 + 3);
      const en = await inject('GET', '/api/weddings/statistics.csv?year=2031&lang=en', staff);
      expect(en.body).toContain('Group;Value;Ceremonies in all;Held;Booked;Cancelled');
      expect(en.body).toContain('Residence;Resident in another municipality;2;1;1;0');
      const nb = await inject('GET', '/api/weddings/statistics.csv?year=2031', staff);
      expect(nb.body).toContain('Måned;juni;2;1;1;0');
    });

    it('refuses a bad year or language with a code', async () => {
      for (const url of ['/api/weddings/statistics?year=abc', '/api/weddings/statistics?year=1999', '/api/weddings/statistics', '/api/weddings/statistics.csv?year=2031&lang=de']) {
        const res = await inject('GET', url, staff);
        expect({ url, status: res.statusCode, code: res.json<{ code: string }>().code }).toEqual({ url, status: 400, code: 'VALIDATION_FAILED' });
      }
    });
  });
});
