import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { BookingCreated, CoupleBooking, FreeSlot as ListedSlot, FreeSlots, Hold, PublicWeddingInfo, StaffBooking, StaffBookingList } from '@sekretariat/contracts';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { osloDay } from '../core/dates.js';
import { WeddingsMailJobs } from './weddings.jobs.js';

jest.setTimeout(120_000);

const day = (offset: number) => osloDay(new Date(Date.now() + offset * 86_400_000));

/**
 * Civil weddings on PostgreSQL: the exclusion constraints themselves (raw SQL), holds that run
 * out, 200 concurrent holds of one slot over HTTP, the couple's booking with every bad input
 * refused and nothing stored, the private link, and the staff's side.
 */
describe('weddings', () => {
  let t: TestApp;
  let staff: string;
  let municipalityId: string;
  let roomId: string;
  let parkId: string;
  let mayorId: string;
  let expiredOfficiantId: string;
  /** A listed slot with its place (the list names the place once). */
  type FreeSlot = ListedSlot & { placeId: string };
  let slots: FreeSlot[];
  let next = 0;
  /** A free slot of the room no other test uses. */
  const slot = () => slots[next++]!;

  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const asStaff = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => inject(method, url, payload, { cookie: staff });
  const sql = <T extends object>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T>(query, params);
  const count = async (where: string, params: unknown[] = []) => Number((await sql<{ n: string }[]>(`select count(*) as n from wedding_booking where ${where}`, params))[0]!.n);
  const PUBLIC = '/api/public/demo/weddings';

  const hold = (s: FreeSlot) => inject('POST', `${PUBLIC}/holds`, { placeId: s.placeId, startsAt: s.startsAt });
  const details = (over: Record<string, unknown> = {}) => ({
    parties: [
      { name: 'Kari Nordmann-Test', birthDate: '1990-04-02', email: 'kari@epost.example', phone: '+47 912 34 567', residence: 'municipality' },
      { name: 'Ola Testesen', birthDate: '1988-11-30', email: 'ola@epost.example', phone: '91234568', residence: 'other_municipality' },
    ],
    witnesses: [
      { name: 'Vitne En', birthDate: '1970-01-01' },
      { name: 'Vitne To', birthDate: '1975-06-15' },
    ],
    ceremonyLanguage: 'nb',
    guests: 10,
    certificateIssuedOn: day(0),
    locale: 'nb',
    ...over,
  });
  const book = (h: Hold, over: Record<string, unknown> = {}) => inject('POST', `${PUBLIC}/bookings`, { holdId: h.holdId, holdToken: h.holdToken, ...details(over) });

  beforeAll(async () => {
    t = await createTestApp('weddings', { env: { LOGIN_RATE_LIMIT: '100000' } });
    staff = await t.login('vigsel');
    municipalityId = (await sql<{ id: string }[]>(`select id from municipality where slug = 'demo'`))[0]!.id;
    roomId = (await asStaff('POST', '/api/weddings/places', { name: 'Bryllupsrommet', capacity: 20, accessibility: 'Heis' })).json<{ id: string }>().id;
    parkId = (await asStaff('POST', '/api/weddings/places', { name: 'Parken', capacity: 60 })).json<{ id: string }>().id;
    mayorId = (await asStaff('POST', '/api/weddings/officiants', { name: 'Ordfører Test', kind: 'mayor' })).json<{ id: string }>().id;
    const expired = await asStaff('POST', '/api/weddings/officiants', { name: 'Utløpt Vigsler', kind: 'authorised', decisionRef: 'KST 20/1', authorisedFrom: '2020-01-01', authorisedTo: '2021-01-01' });
    expect(expired.statusCode).toBe(201);
    expiredOfficiantId = expired.json<{ id: string }>().id;
    for (const placeId of [roomId, parkId]) {
      for (let weekday = 1; weekday <= 7; weekday++) {
        const res = await asStaff('POST', '/api/weddings/availability', { placeId, weekday, startTime: '10:00', endTime: '14:00', slotMinutes: 30, bufferMinutes: 15, validFrom: day(-1) });
        expect(res.statusCode).toBe(201);
      }
    }
    expect((await asStaff('PUT', '/api/weddings/settings', { feeNok: 1200, infoText: { nb: 'Velkommen', nn: 'Velkomen', en: 'Welcome' } })).statusCode).toBe(200);
    const free = await inject('GET', `${PUBLIC}/slots?placeId=${roomId}&from=${day(1)}&to=${day(60)}`);
    expect(free.statusCode).toBe(200);
    const listedRoom = free.json<FreeSlots>();
    expect(listedRoom.placeId).toBe(roomId);
    slots = listedRoom.slots.map((s) => ({ ...s, placeId: roomId }));
    expect(slots.length).toBeGreaterThan(50);
  });
  afterAll(async () => {
    await t.close();
  });

  it('tells the public the places, the fee and the ceremony languages, without personal data', async () => {
    const res = await inject('GET', `${PUBLIC}/info`);
    expect(res.statusCode).toBe(200);
    const info = res.json<PublicWeddingInfo>();
    expect(info).toMatchObject({ municipality: 'Fjordvik kommune', feeNok: 1200, infoText: { nn: 'Velkomen' }, languages: ['nb', 'nn', 'se', 'en', 'de', 'fr', 'es', 'ru'] });
    expect(info.places.map((p) => p.name).sort()).toEqual(['Bryllupsrommet', 'Parken']);
  });

  it('refuses overlapping bookings of one place in the database itself (raw SQL)', async () => {
    const insert = (placeId: string, officiantId: string | null, from: string, to: string) =>
      sql(
        `insert into wedding_booking (id, municipality_id, place_id, officiant_id, status, starts_at, ends_at, during)
         values (gen_random_uuid(), ?, ?, ?, 'booked', ?::timestamptz, ?::timestamptz, tstzrange(?::timestamptz, ?::timestamptz))`,
        [municipalityId, placeId, officiantId, from, to, from, to],
      );
    await insert(roomId, null, '2030-06-07T08:00:00Z', '2030-06-07T08:45:00Z');
    await expect(insert(roomId, null, '2030-06-07T08:30:00Z', '2030-06-07T09:00:00Z')).rejects.toMatchObject({ code: '23P01', constraint: 'wedding_booking_place_no_overlap' });
    // Back to back is fine ([) ranges), and so is the other place.
    await insert(roomId, null, '2030-06-07T08:45:00Z', '2030-06-07T09:30:00Z');
    await insert(parkId, null, '2030-06-07T08:00:00Z', '2030-06-07T08:45:00Z');
  });

  it('refuses one officiant at two places at once in the database itself', async () => {
    const insert = (placeId: string, from: string, to: string, status = 'booked') =>
      sql(
        `insert into wedding_booking (id, municipality_id, place_id, officiant_id, status, starts_at, ends_at, during)
         values (gen_random_uuid(), ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, tstzrange(?::timestamptz, ?::timestamptz))`,
        [municipalityId, placeId, mayorId, status, from, to, from, to],
      );
    await insert(roomId, '2030-06-14T08:00:00Z', '2030-06-14T08:45:00Z');
    await expect(insert(parkId, '2030-06-14T08:15:00Z', '2030-06-14T09:00:00Z')).rejects.toMatchObject({ code: '23P01', constraint: 'wedding_booking_officiant_no_overlap' });
    // A cancelled ceremony takes no one's time.
    await insert(parkId, '2030-06-14T08:15:00Z', '2030-06-14T09:00:00Z', 'cancelled');
  });

  it('holds a slot for 10 minutes; a hold run out blocks no one and the job deletes it', async () => {
    const s = slot();
    const first = await hold(s);
    expect(first.statusCode).toBe(201);
    const h = first.json<Hold>();
    expect(new Date(h.expiresAt).getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    expect((await hold(s)).json()).toMatchObject({ code: 'WEDDING_SLOT_TAKEN' });
    const listed = (await inject('GET', `${PUBLIC}/slots?placeId=${roomId}&from=${day(1)}&to=${day(60)}`)).json<FreeSlots>().slots;
    expect(listed.map((x) => x.startsAt)).not.toContain(s.startsAt);
    await sql(`update wedding_booking set hold_expires_at = now() - interval '1 minute' where id = ?`, [h.holdId]);
    const again = await hold(s);
    expect(again.statusCode).toBe(201);
    expect(await count(`id = ?`, [h.holdId])).toBe(0);
    // The every-minute job releases holds run out.
    await sql(`update wedding_booking set hold_expires_at = now() - interval '1 minute' where id = ?`, [again.json<Hold>().holdId]);
    expect(await t.app.get(WeddingsMailJobs).releaseHolds()).toBeGreaterThanOrEqual(1);
    expect(await count(`status = 'held' and hold_expires_at <= now()`)).toBe(0);
  });

  it('gives exactly one of 200 concurrent holds of a slot; 199 are told the slot is taken', async () => {
    const s = slot();
    const answers = await Promise.all(Array.from({ length: 200 }, () => hold(s)));
    const statuses = answers.map((a) => a.statusCode);
    expect(answers.filter((a) => a.statusCode !== 201 && a.statusCode !== 409).map((a) => a.body).slice(0, 3)).toEqual([]);
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(199);
    expect(new Set(answers.filter((a) => a.statusCode === 409).map((a) => a.json<{ code: string }>().code))).toEqual(new Set(['WEDDING_SLOT_TAKEN']));
    expect(await count(`place_id = ? and starts_at = ?`, [s.placeId, s.startsAt])).toBe(1);
  });

  it('books a held slot: reference, link token shown once and stored hashed, fee by residence', async () => {
    const h = (await hold(slot())).json<Hold>();
    const res = await book(h);
    expect(res.statusCode).toBe(201);
    const created = res.json<BookingCreated>();
    expect(created.reference).toMatch(/^V-\d{4}-\d{4}$/);
    expect(created.booking).toMatchObject({ status: 'booked', guests: 10, fee: { free: true, amountNok: 0 }, place: { id: roomId } });
    const [row] = await sql<{ manage_token_hash: string; hold_token_hash: string | null }[]>(`select manage_token_hash, hold_token_hash from wedding_booking where reference = ?`, [created.reference]);
    expect(row!.manage_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.manage_token_hash).not.toContain(created.manageToken);
    expect(row!.hold_token_hash).toBeNull();
    // The link works with the token, and a wrong token is the same 404 as an unknown reference.
    const mine = await inject('GET', `${PUBLIC}/manage/${created.reference}?token=${created.manageToken}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json<CoupleBooking>().parties[0]!.name).toBe('Kari Nordmann-Test');
    const wrong = await inject('GET', `${PUBLIC}/manage/${created.reference}?token=${'x'.repeat(43)}`);
    const unknown = await inject('GET', `${PUBLIC}/manage/V-1999-9999?token=${created.manageToken}`);
    expect([wrong.statusCode, unknown.statusCode]).toEqual([404, 404]);
    expect(wrong.json()).toMatchObject({ code: 'WEDDING_BOOKING_NOT_FOUND' });
    expect(unknown.json()).toMatchObject({ code: 'WEDDING_BOOKING_NOT_FOUND' });
    const ics = await inject('GET', `${PUBLIC}/manage/${created.reference}/calendar.ics?token=${created.manageToken}`);
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain('BEGIN:VEVENT');
    // Both parties elsewhere in Norway: the fee.
    const paid = await book((await hold(slot())).json<Hold>(), {
      parties: details().parties.map((p) => ({ ...p, residence: 'other_municipality' })),
    });
    expect(paid.json<BookingCreated>().booking.fee).toEqual({ free: false, amountNok: 1200 });
  });

  describe('refuses bad input with its code and stores nothing', () => {
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['a witness under 18 on the day', { witnesses: [{ name: 'Ung', birthDate: day(-365 * 17) }, { name: 'Vitne To', birthDate: '1975-06-15' }] }, 422, 'WEDDING_WITNESS_UNDERAGE'],
      ['an expired certificate', { certificateIssuedOn: day(-200) }, 422, 'WEDDING_CERTIFICATE_EXPIRED'],
      ['a certificate dated in the future', { certificateIssuedOn: day(2) }, 422, 'WEDDING_CERTIFICATE_NOT_ISSUED'],
      ['guests over the capacity', { guests: 21 }, 422, 'WEDDING_OVER_CAPACITY'],
      ['a wrong hold token', { holdToken: 'feil-token' }, 409, 'WEDDING_HOLD_INVALID'],
      ['an invalid e-mail', { parties: [{ ...details().parties[0], email: 'ikke-epost' }, details().parties[1]] }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [what, over, status, code] of cases) {
      it(what, async () => {
        const h = (await hold(slot())).json<Hold>();
        const booked = await count(`status = 'booked'`);
        const res = await inject('POST', `${PUBLIC}/bookings`, { holdId: h.holdId, holdToken: h.holdToken, ...details(), ...over });
        expect({ status: res.statusCode, code: res.json<{ code: string }>().code }).toEqual({ status, code });
        expect(await count(`status = 'booked'`)).toBe(booked);
        expect(await count(`id = ? and status = 'held' and parties is null`, [h.holdId])).toBe(1);
        if (code === 'WEDDING_CERTIFICATE_EXPIRED') expect(res.json<{ fields: { path: string; message: string }[] }>().fields[0]!.path).toBe('certificateIssuedOn');
      });
    }

    it('a slot in the past, at the hold and at the booking', async () => {
      const past = await inject('POST', `${PUBLIC}/holds`, { placeId: roomId, startsAt: new Date(Date.now() - 86_400_000).toISOString() });
      expect({ status: past.statusCode, code: past.json<{ code: string }>().code }).toEqual({ status: 422, code: 'WEDDING_SLOT_IN_PAST' });
      const h = (await hold(slot())).json<Hold>();
      await sql(`update wedding_booking set starts_at = now() - interval '1 day', ends_at = now() - interval '1 day' + interval '30 minutes', during = tstzrange(now() - interval '1 day', now() - interval '1 day' + interval '45 minutes') where id = ?`, [h.holdId]);
      const res = await book(h);
      expect({ status: res.statusCode, code: res.json<{ code: string }>().code }).toEqual({ status: 422, code: 'WEDDING_SLOT_IN_PAST' });
      expect(await count(`id = ? and status = 'held'`, [h.holdId])).toBe(1);
    });

    it('a time that is not one of the offered slots', async () => {
      const s = slot();
      const res = await inject('POST', `${PUBLIC}/holds`, { placeId: roomId, startsAt: new Date(new Date(s.startsAt).getTime() + 5 * 60_000).toISOString() });
      expect({ status: res.statusCode, code: res.json<{ code: string }>().code }).toEqual({ status: 422, code: 'WEDDING_SLOT_NOT_OFFERED' });
    });

    it('answers the couple in their language', async () => {
      const h = (await hold(slot())).json<Hold>();
      const res = await book(h, { guests: 99, locale: 'nn' });
      expect(res.json<{ message: string }>().message).toBe('Staden har plass til høgst 20 gjester.');
    });
  });

  it('lets the couple cancel through the link; the slot is free again', async () => {
    const s = slot();
    const created = (await book((await hold(s)).json<Hold>())).json<BookingCreated>();
    // First a change of the details, with the same rules as at booking.
    const update = details({ guests: 15, ceremonyLanguage: 'de' });
    const changed = await inject('PUT', `${PUBLIC}/manage/${created.reference}?token=${created.manageToken}`, update);
    expect(changed.json<CoupleBooking>()).toMatchObject({ guests: 15, ceremonyLanguage: 'de' });
    const tooMany = await inject('PUT', `${PUBLIC}/manage/${created.reference}?token=${created.manageToken}`, { ...update, guests: 25 });
    expect(tooMany.json()).toMatchObject({ code: 'WEDDING_OVER_CAPACITY' });
    const res = await inject('DELETE', `${PUBLIC}/manage/${created.reference}?token=${created.manageToken}`, { reason: 'Vi har ombestemt oss' });
    expect(res.statusCode).toBe(200);
    expect(res.json<CoupleBooking>().status).toBe('cancelled');
    expect((await hold(s)).statusCode).toBe(201);
    const wrong = await inject('DELETE', `${PUBLIC}/manage/${created.reference}?token=${'y'.repeat(43)}`, {});
    expect(wrong.statusCode).toBe(404);
  });

  it("takes the public state changes from the site's own pages and refuses them from elsewhere", async () => {
    const s = slot();
    const own = await inject('POST', `${PUBLIC}/holds`, { placeId: s.placeId, startsAt: s.startsAt }, { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:80' });
    expect(own.statusCode).toBe(201);
    const byOrigin = await inject('POST', `${PUBLIC}/holds`, { placeId: s.placeId, startsAt: slot().startsAt }, { origin: 'http://localhost:80' });
    expect(byOrigin.statusCode).toBe(201);
    const other = await inject('POST', `${PUBLIC}/holds`, { placeId: s.placeId, startsAt: slot().startsAt }, { 'sec-fetch-site': 'cross-site' });
    expect(other.json()).toMatchObject({ code: 'CROSS_ORIGIN_REFUSED' });
  });

  it("gives the staff the ceremonies with personal data, an officiant by the rules, cancellation with a reason", async () => {
    const s = slot();
    const created = (await book((await hold(s)).json<Hold>())).json<BookingCreated>();
    const list = (await asStaff('GET', `/api/weddings/bookings?from=${day(0)}&to=${day(90)}`)).json<StaffBookingList>().items;
    const mine = list.find((b) => b.reference === created.reference)!;
    expect(mine).toMatchObject({ officiant: null, certificateChecked: false, registryNotice: 'not_due' });
    expect(mine.witnesses).toHaveLength(2);
    const expired = await asStaff('PUT', `/api/weddings/bookings/${mine.id}/officiant`, { officiantId: expiredOfficiantId });
    expect(expired.json()).toMatchObject({ code: 'WEDDING_OFFICIANT_NOT_AUTHORISED' });
    const assigned = await asStaff('PUT', `/api/weddings/bookings/${mine.id}/officiant`, { officiantId: mayorId });
    expect(assigned.json<StaffBooking>().officiant).toEqual({ id: mayorId, name: 'Ordfører Test' });
    expect((await asStaff('POST', `/api/weddings/bookings/${mine.id}/certificate-checked`)).json<StaffBooking>().certificateChecked).toBe(true);
    expect((await asStaff('POST', `/api/weddings/bookings/${mine.id}/held`)).json()).toMatchObject({ code: 'WEDDING_NOT_YET' });
    // Moved to another slot of the park, with the mayor along.
    const parkSlots = (await inject('GET', `${PUBLIC}/slots?placeId=${parkId}&from=${day(1)}&to=${day(60)}`)).json<FreeSlots>().slots;
    const moved = await asStaff('POST', `/api/weddings/bookings/${mine.id}/move`, { placeId: parkId, startsAt: parkSlots.at(-1)!.startsAt });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<StaffBooking>()).toMatchObject({ place: { id: parkId }, startsAt: parkSlots.at(-1)!.startsAt, officiant: { id: mayorId } });
    const cancelled = await asStaff('POST', `/api/weddings/bookings/${mine.id}/cancel`, { reason: 'Rådhuset stengt' });
    expect(cancelled.json<StaffBooking>()).toMatchObject({ status: 'cancelled', cancelReason: 'Rådhuset stengt' });
    // The personal data is not to be had without the wedding role.
    const other = await t.login('sekretariat');
    expect((await inject('GET', `/api/weddings/bookings?from=${day(0)}&to=${day(90)}`, undefined, { cookie: other })).statusCode).toBe(403);
    const audit = await sql<{ action: string }[]>(`select action from audit_log where entity_id = ? order by id`, [mine.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['wedding.booked', 'wedding.officiant_assigned', 'wedding.moved', 'wedding.cancelled']));
    // The audit log (append-only, never anonymised) keeps only that a reason was given, not its text.
    const entries = await sql<{ action: string; after: unknown }[]>(`select action, after from audit_log where entity_id = ? and action like 'wedding.cancelled%'`, [mine.id]);
    expect(entries).toEqual([{ action: 'wedding.cancelled', after: { reasonGiven: true } }]);
    expect(JSON.stringify(await sql(`select after from audit_log where entity_id = ?`, [mine.id]))).not.toContain('Rådhuset stengt');
  });

  it('marks a ceremony held from its start: the notice to the register is due, then sent', async () => {
    const created = (await book((await hold(slot())).json<Hold>())).json<BookingCreated>();
    await sql(`update wedding_booking set starts_at = now() - interval '1 hour' where reference = ?`, [created.reference]);
    const id = (await sql<{ id: string }[]>(`select id from wedding_booking where reference = ?`, [created.reference]))[0]!.id;
    expect((await asStaff('POST', `/api/weddings/bookings/${id}/held`)).json<StaffBooking>()).toMatchObject({ status: 'held_ceremony', registryNotice: 'due' });
    expect((await asStaff('PUT', `/api/weddings/bookings/${id}/registry-notice`, { sent: true })).json<StaffBooking>().registryNotice).toBe('sent');
  });
});
