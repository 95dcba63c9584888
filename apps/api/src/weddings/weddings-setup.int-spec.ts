import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { BookingCreated, CoupleBooking, FreeSlots, Hold, PublicWeddingInfo } from '@sekretariat/contracts';
import { gunzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { osloDay } from '../core/dates.js';

jest.setTimeout(120_000);

const day = (offset: number) => osloDay(new Date(Date.now() + offset * 86_400_000));

/**
 * What the staff's setup pages rely on: the year's public holidays, and free slots that follow
 * every change of the rules, blocked days and officiants at once (the slots of a place are kept
 * ready per period while those are unchanged), and every hold and booking.
 */
describe('weddings setup', () => {
  let t: TestApp;
  let staff: string;
  let placeId: string;
  const PUBLIC = '/api/public/demo/weddings';
  const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, cookie?: string) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const asStaff = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => inject(method, url, payload, staff);
  const from = day(1);
  const to = day(35);
  const free = async () => {
    const res = await inject('GET', `${PUBLIC}/slots?placeId=${placeId}&from=${from}&to=${to}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    return res.json<FreeSlots>().slots;
  };
  /** Oslo clock time of an instant, "10:00". */
  const clock = (iso: string) => new Date(iso).toLocaleTimeString('sv-SE', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' });
  const osloDate = (iso: string) => osloDay(new Date(iso));

  beforeAll(async () => {
    t = await createTestApp('weddings_setup');
    staff = await t.login('vigsel');
    placeId = (await asStaff('POST', '/api/weddings/places', { name: 'Oppsettrommet', capacity: 12 })).json<{ id: string }>().id;
  });
  afterAll(async () => {
    await t.close();
  });

  it("lists a year's public holidays with their names, for the staff only", async () => {
    const res = await asStaff('GET', '/api/weddings/holidays?year=2027');
    expect(res.statusCode).toBe(200);
    const list = res.json<{ year: number; items: { date: string; name: { nb: string; en: string } }[] }>();
    expect(list.year).toBe(2027);
    expect(list.items).toContainEqual({ date: '2027-03-26', name: { nb: 'Langfredag', en: 'Good Friday' } });
    expect(list.items.filter((h) => h.date === '2027-05-17').map((h) => h.name.nb).sort()).toEqual(['Andre pinsedag', 'Grunnlovsdagen']);
    expect(list.items).toHaveLength(12);
    expect(list.items.map((h) => h.date)).toEqual([...list.items.map((h) => h.date)].sort());
    // This year without ?year=.
    const now = await asStaff('GET', '/api/weddings/holidays');
    expect(now.json<{ year: number }>().year).toBe(Number(day(0).slice(0, 4)));
    for (const bad of ['1999', '20x7', '2027.5']) {
      const refused = await asStaff('GET', `/api/weddings/holidays?year=${bad}`);
      expect({ bad, status: refused.statusCode, code: refused.json<{ code: string }>().code }).toEqual({ bad, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect((await inject('GET', '/api/weddings/holidays?year=2027')).statusCode).toBe(401);
  });

  it('gives free slots that follow every change of the rules, blocked days, officiants, holds and the place', async () => {
    expect(await free()).toEqual([]);
    const rule = await asStaff('POST', '/api/weddings/availability', { placeId, weekday: 3, startTime: '10:00', endTime: '12:00', slotMinutes: 30, bufferMinutes: 15, validFrom: day(0) });
    expect(rule.statusCode).toBe(201);
    const ruleId = rule.json<{ id: string }>().id;
    const wednesdays = await free();
    expect(wednesdays.length).toBeGreaterThanOrEqual(4 * 3 - 3); // 3 a Wednesday (10:00, 10:45, 11:30), a holiday or two aside
    expect(new Set(wednesdays.map((s) => clock(s.startsAt)))).toEqual(new Set(['10:00', '10:45', '11:30']));
    // Gzipped for a client that accepts it (a browser, fetch): the same JSON.
    const zipped = await t.app.inject({ method: 'GET', url: `${PUBLIC}/slots?placeId=${placeId}&from=${from}&to=${to}`, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers).toMatchObject({ 'content-encoding': 'gzip', vary: expect.stringMatching(/accept-encoding/i) });
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual({ placeId, slots: wednesdays });
    expect(JSON.stringify(wednesdays[0])).toBe(JSON.stringify({ startsAt: wednesdays[0]!.startsAt, endsAt: new Date(Date.parse(wednesdays[0]!.startsAt) + 30 * 60_000).toISOString() }));

    // A blocked day takes its slots away at once, and opening it gives them back.
    const first = osloDate(wednesdays[0]!.startsAt);
    const blocked = await asStaff('POST', '/api/weddings/blocked-days', { date: first, placeId, reason: 'Maling' });
    expect(blocked.statusCode).toBe(201);
    expect((await free()).filter((s) => osloDate(s.startsAt) === first)).toEqual([]);
    expect((await asStaff('DELETE', `/api/weddings/blocked-days/${blocked.json<{ id: string }>().id}`)).statusCode).toBe(200);
    expect(await free()).toEqual(wednesdays);

    // A changed rule gives its new times.
    const changed = await asStaff('PUT', `/api/weddings/availability/${ruleId}`, { placeId, weekday: 3, startTime: '13:00', endTime: '14:00', slotMinutes: 60, bufferMinutes: 0, validFrom: day(0) });
    expect(changed.statusCode).toBe(200);
    expect(new Set((await free()).map((s) => clock(s.startsAt)))).toEqual(new Set(['13:00']));

    // A rule naming an officiant gives nothing once the officiant's authorisation has ended.
    const officiant = await asStaff('POST', '/api/weddings/officiants', { name: 'Vigsler Oppsett', kind: 'authorised', decisionRef: 'KST 1/27', authorisedFrom: day(-10), authorisedTo: day(100) });
    const officiantId = officiant.json<{ id: string }>().id;
    await asStaff('PUT', `/api/weddings/availability/${ruleId}`, { placeId, officiantId, weekday: 3, startTime: '13:00', endTime: '14:00', slotMinutes: 60, bufferMinutes: 0, validFrom: day(0) });
    const withOfficiant = await free();
    expect(withOfficiant.length).toBeGreaterThan(0);
    await asStaff('PUT', `/api/weddings/officiants/${officiantId}`, { name: 'Vigsler Oppsett', kind: 'authorised', decisionRef: 'KST 1/27', authorisedFrom: day(-10), authorisedTo: day(-1) });
    expect(await free()).toEqual([]);
    await asStaff('PUT', `/api/weddings/officiants/${officiantId}`, { name: 'Vigsler Oppsett', kind: 'authorised', decisionRef: 'KST 1/27', authorisedFrom: day(-10), authorisedTo: day(100) });
    expect(await free()).toEqual(withOfficiant);

    // A hold takes its slot; a second rule adds its slots; deleting it takes them away.
    const held = withOfficiant[1]!;
    expect((await inject('POST', `${PUBLIC}/holds`, { placeId, startsAt: held.startsAt })).statusCode).toBe(201);
    expect((await free()).map((s) => s.startsAt)).toEqual(withOfficiant.filter((s) => s !== held).map((s) => s.startsAt));
    const friday = await asStaff('POST', '/api/weddings/availability', { placeId, weekday: 5, startTime: '09:00', endTime: '10:00', slotMinutes: 60, validFrom: day(0) });
    expect((await free()).some((s) => clock(s.startsAt) === '09:00')).toBe(true);
    await asStaff('DELETE', `/api/weddings/availability/${friday.json<{ id: string }>().id}`);
    expect((await free()).some((s) => clock(s.startsAt) === '09:00')).toBe(false);

    // An inactive place has no free slots to offer.
    await asStaff('PUT', `/api/weddings/places/${placeId}`, { name: 'Oppsettrommet', capacity: 12, active: false });
    const gone = await inject('GET', `${PUBLIC}/slots?placeId=${placeId}&from=${from}&to=${to}`);
    expect({ status: gone.statusCode, code: gone.json<{ code: string }>().code }).toEqual({ status: 404, code: 'WEDDING_PLACE_NOT_FOUND' });
    await asStaff('PUT', `/api/weddings/places/${placeId}`, { name: 'Oppsettrommet', capacity: 12, active: true });
  });

  it("keeps the couple's notes when they change their details through the link (the link shows no notes)", async () => {
    const slot = (await free()).at(-1)!;
    const h = (await inject('POST', `${PUBLIC}/holds`, { placeId, startsAt: slot.startsAt })).json<Hold>();
    const details = {
      parties: [
        { name: 'Kari Oppsett', birthDate: '1990-04-02', email: 'kari@epost.example', phone: '+47 912 34 567', residence: 'municipality' },
        { name: 'Ola Oppsett', birthDate: '1988-11-30', email: 'ola@epost.example', phone: '91234568', residence: 'abroad' },
      ],
      witnesses: [
        { name: 'Vitne En', birthDate: '1970-01-01' },
        { name: 'Vitne To', birthDate: '1975-06-15' },
      ],
      ceremonyLanguage: 'nb',
      guests: 5,
      certificateIssuedOn: day(0),
      locale: 'nb',
    };
    const booked = await inject('POST', `${PUBLIC}/bookings`, { holdId: h.holdId, holdToken: h.holdToken, ...details, notes: 'Rullestol' });
    expect(booked.statusCode).toBe(201);
    const { reference, manageToken } = booked.json<BookingCreated>();
    const changed = await inject('PUT', `${PUBLIC}/manage/${reference}?token=${manageToken}`, { ...details, guests: 12 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<CoupleBooking>().guests).toBe(12);
    const [row] = await t.orm.em.fork().getConnection().execute<{ notes: string; guests: number }[]>(`select notes, guests from wedding_booking where reference = ?`, [reference]);
    expect(row).toEqual({ notes: 'Rullestol', guests: 12 });
    // Over the place's capacity (12): refused at the field, nothing stored.
    const over = await inject('PUT', `${PUBLIC}/manage/${reference}?token=${manageToken}`, { ...details, guests: 13 });
    expect({ status: over.statusCode, code: over.json<{ code: string }>().code }).toEqual({ status: 422, code: 'WEDDING_OVER_CAPACITY' });

    // The place's address: set by the staff, shown on the public page, behind the couple's link and in the calendar entry.
    const address = 'Rådhusgata 1, 9990 Fjordvik';
    expect((await asStaff('PUT', `/api/weddings/places/${placeId}`, { name: 'Oppsettrommet', capacity: 12, address })).json()).toMatchObject({ address });
    const info = (await inject('GET', `${PUBLIC}/info`)).json<PublicWeddingInfo>();
    expect(info.places.find((p) => p.id === placeId)).toMatchObject({ address });
    expect((await inject('GET', `${PUBLIC}/manage/${reference}?token=${manageToken}`)).json<CoupleBooking>().place).toEqual({ id: placeId, name: 'Oppsettrommet', address });
    expect((await inject('GET', `${PUBLIC}/manage/${reference}/calendar.ics?token=${manageToken}`)).body).toContain('LOCATION:Oppsettrommet\\, Rådhusgata 1\\, 9990 Fjordvik');
    const tooLong = await asStaff('PUT', `/api/weddings/places/${placeId}`, { name: 'Oppsettrommet', capacity: 12, address: 'x'.repeat(301) });
    expect({ status: tooLong.statusCode, code: tooLong.json<{ code: string }>().code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });
});
