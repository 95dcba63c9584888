import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { BookingCreated, FreeSlots, Hold, OfficiantCeremonyList, StaffBooking, WeddingOfficiant } from '@sekretariat/contracts';
import { SMTPServer } from 'smtp-server';
import { osloDay } from '../core/dates.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { WEDDING_MOVED_JOB, WeddingsMailJobs, type WeddingMovedJob } from './weddings.jobs.js';

jest.setTimeout(180_000);

const day = (offset: number) => osloDay(new Date(Date.now() + offset * 86_400_000));

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtp(): Promise<{ port: number; messages: Received[]; close(): Promise<void> }> {
  const messages: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The decoded body of the message's first part of this content type (base64 or quoted-printable). */
function part(raw: string, contentType: string): Buffer | null {
  const at = raw.toLowerCase().indexOf(`content-type: ${contentType}`);
  if (at < 0) return null;
  const rest = raw.slice(at);
  const headEnd = rest.search(/\r?\n\r?\n/);
  const head = rest.slice(0, headEnd);
  const body = rest.slice(headEnd).replace(/^\r?\n\r?\n/, '').split(/\r?\n--/)[0]!;
  if (/content-transfer-encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  return Buffer.from(body.replace(/=\r?\n/g, '').replace(/(=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8')), 'utf8');
}

/** Unfolds the Subject header and decodes RFC 2047 encoded words. */
function subject(raw: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith('subject:')) ?? '';
  return line
    .slice('subject:'.length)
    .trim()
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}

/**
 * The officiant's own view on PostgreSQL (only their ceremonies, by list and by id, the SQL
 * filter), linking an officiant to a user, the day list and the confirmation as PDF read back
 * with pdftotext, the confirmation e-mail with PDF and .ics through a real SMTP server, and the
 * e-mail when the staff move a ceremony (same UID, higher SEQUENCE).
 */
describe('the officiant and the weddings documents', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let staff: string;
  let officiant: string;
  let municipalityId: string;
  let roomId: string;
  let mine: { id: string; name: string };
  let otherId: string;
  const dir = mkdtempSync(join(tmpdir(), 'weddings-docs-'));
  /** The room's free slots by day. */
  let byDay: Map<string, FreeSlots['slots']>;
  const PUBLIC = '/api/public/demo/weddings';

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const sql = <T extends object>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T>(query, params);
  const pdfText = (pdf: Buffer, name: string) => {
    const file = join(dir, name);
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  };
  /** An ASCII address from the first name: "Åse Brudland" → "xse@epost.example". */
  const email = (name: string) => `${name.split(' ')[0]!.toLowerCase().replace(/[^a-z]/g, 'x')}@epost.example`;
  const couple = (a: string, b: string, over: Record<string, unknown> = {}) => ({
    parties: [
      { name: a, birthDate: '1990-04-02', email: email(a), phone: '+47 912 34 567', residence: 'municipality' },
      { name: b, birthDate: '1988-11-30', email: email(b), phone: '91234568', residence: 'abroad' },
    ],
    witnesses: [
      { name: `Vitne ${a.split(' ')[0]}`, birthDate: '1970-01-01' },
      { name: `Vitne ${b.split(' ')[0]}`, birthDate: '1975-06-15' },
    ],
    ceremonyLanguage: 'nn',
    guests: 10,
    certificateIssuedOn: day(0),
    locale: 'nb',
    ...over,
  });
  /** Books the room at `startsAt` and assigns the officiant. */
  const book = async (startsAt: string, a: string, b: string, officiantId: string | null, over: Record<string, unknown> = {}) => {
    const hold = await inject('POST', `${PUBLIC}/holds`, undefined, { placeId: roomId, startsAt });
    expect(hold.statusCode).toBe(201);
    const h = hold.json<Hold>();
    const res = await inject('POST', `${PUBLIC}/bookings`, undefined, { holdId: h.holdId, holdToken: h.holdToken, ...couple(a, b, over) });
    expect(res.statusCode).toBe(201);
    const created = res.json<BookingCreated>();
    const id = (await sql<{ id: string }[]>(`select id from wedding_booking where reference = ?`, [created.reference]))[0]!.id;
    if (officiantId) expect((await inject('PUT', `/api/weddings/bookings/${id}/officiant`, staff, { officiantId })).statusCode).toBe(200);
    return { ...created, id };
  };

  let dayA: string;
  let dayB: string;
  let ownA: Awaited<ReturnType<typeof book>>;
  let othersA: Awaited<ReturnType<typeof book>>;
  let ownB: Awaited<ReturnType<typeof book>>;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp('weddings-officiant', { env: { LOGIN_RATE_LIMIT: '100000', SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Fjordvik kommune <vigsel@fjordvik.example>' } });
    staff = await t.login('vigsel');
    officiant = await t.login('vigsler');
    municipalityId = (await sql<{ id: string }[]>(`select id from municipality where slug = 'demo'`))[0]!.id;
    // The staff link the mayor to the officiant's user.
    const [user] = await sql<{ id: string }[]>(`select id from app_user where username = 'vigsler'`);
    const created = await inject('POST', '/api/weddings/officiants', staff, { name: 'Ordfører Test', kind: 'mayor', userId: user!.id });
    expect(created.statusCode).toBe(201);
    expect(created.json<WeddingOfficiant>().userId).toBe(user!.id);
    mine = { id: created.json<WeddingOfficiant>().id, name: 'Ordfører Test' };
    const room = await inject('POST', '/api/weddings/places', staff, { name: 'Testsalen', capacity: 20, accessibility: 'Trinnfritt, heis fra vestinngangen' });
    roomId = room.json<{ id: string }>().id;
    otherId = (await inject('POST', '/api/weddings/officiants', staff, { name: 'Varaordfører Annen', kind: 'deputy_mayor' })).json<{ id: string }>().id;
    for (let weekday = 1; weekday <= 7; weekday++) {
      const res = await inject('POST', '/api/weddings/availability', staff, { placeId: roomId, weekday, startTime: '10:00', endTime: '14:00', slotMinutes: 30, bufferMinutes: 15, validFrom: day(-1) });
      expect(res.statusCode).toBe(201);
    }
    const free = (await inject('GET', `${PUBLIC}/slots?placeId=${roomId}&from=${day(60)}&to=${day(80)}`)).json<FreeSlots>().slots;
    byDay = new Map();
    for (const s of free) {
      const d = osloDay(new Date(s.startsAt));
      byDay.set(d, [...(byDay.get(d) ?? []), s]);
    }
    const days = [...byDay.keys()].filter((d) => byDay.get(d)!.length >= 4);
    [dayA, dayB] = [days[0]!, days[1]!];
    ownA = await book(byDay.get(dayA)![0]!.startsAt, 'Åse Brudland', 'Bjørn Brudland', mine.id);
    othersA = await book(byDay.get(dayA)![1]!.startsAt, 'Cecilie Annensen', 'David Annensen', otherId);
    ownB = await book(byDay.get(dayB)![0]!.startsAt, 'Eva Nestedag', 'Frode Nestedag', mine.id, { locale: 'en', ceremonyLanguage: 'en' });
    await inject('POST', `/api/weddings/bookings/${ownA.id}/certificate-checked`, staff);
    await sql(`update wedding_booking set notes = 'Ønsker å gå inn til musikk' where id = ?`, [ownA.id]);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("gives the officiant their own ceremonies only, by list and by id", async () => {
    const res = await inject('GET', `/api/weddings/my/ceremonies?from=${dayA}&to=${dayB}`, officiant);
    expect(res.statusCode).toBe(200);
    const list = res.json<OfficiantCeremonyList>();
    expect(list.officiant).toEqual(mine);
    expect(list.items.map((c) => c.reference)).toEqual([ownA.reference, ownB.reference]);
    expect(list.items[0]).toMatchObject({ place: { name: 'Testsalen' }, parties: [{ name: 'Åse Brudland' }, { name: 'Bjørn Brudland' }], witnesses: [{ name: 'Vitne Åse' }, { name: 'Vitne Bjørn' }], ceremonyLanguage: 'nn', notes: 'Ønsker å gå inn til musikk', certificateChecked: true });
    // Names only: no e-mail, phone or birth date of the couple reaches the officiant.
    expect(res.body).not.toContain('epost.example');
    expect(res.body).not.toContain('1990-04-02');
    // Another officiant's ceremony is never returned, also not by its id: the same 404 as none.
    expect((await inject('GET', `/api/weddings/my/ceremonies/${ownA.id}`, officiant)).statusCode).toBe(200);
    const others = await inject('GET', `/api/weddings/my/ceremonies/${othersA.id}`, officiant);
    expect({ status: others.statusCode, code: others.json<{ code: string }>().code }).toEqual({ status: 404, code: 'WEDDING_BOOKING_NOT_FOUND' });
    // The staff's routes stay closed to the officiant, and the officiant's to the staff.
    expect((await inject('GET', `/api/weddings/bookings/${othersA.id}`, officiant)).statusCode).toBe(403);
    expect((await inject('GET', `/api/weddings/my/ceremonies?from=${dayA}&to=${dayB}`, staff)).statusCode).toBe(403);
    const bad = await inject('GET', `/api/weddings/my/ceremonies?from=${dayB}&to=${dayA}`, officiant);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('links an officiant to one user with the officiant role; a user without a link is told so', async () => {
    const [user] = await sql<{ id: string }[]>(`select id from app_user where username = 'vigsler'`);
    const [staffUser] = await sql<{ id: string }[]>(`select id from app_user where username = 'vigsel'`);
    const other = { name: 'Varaordfører Annen', kind: 'deputy_mayor' };
    const taken = await inject('PUT', `/api/weddings/officiants/${otherId}`, staff, { ...other, userId: user!.id });
    expect({ status: taken.statusCode, code: taken.json<{ code: string }>().code }).toEqual({ status: 409, code: 'WEDDING_OFFICIANT_USER_TAKEN' });
    const wrongRole = await inject('PUT', `/api/weddings/officiants/${otherId}`, staff, { ...other, userId: staffUser!.id });
    expect({ status: wrongRole.statusCode, code: wrongRole.json<{ code: string }>().code }).toEqual({ status: 422, code: 'WEDDING_OFFICIANT_USER_INVALID' });
    expect((await sql<{ user_id: string | null }[]>(`select user_id from wedding_officiant where id = ?`, [otherId]))[0]!.user_id).toBeNull();
    // The database refuses a second officiant for the user whatever the application does.
    await expect(sql(`update wedding_officiant set user_id = ? where id = ?`, [user!.id, otherId])).rejects.toMatchObject({ code: '23505', constraint: 'wedding_officiant_user_unique' });

    const mayor = (await inject('GET', '/api/weddings/officiants', staff)).json<{ items: WeddingOfficiant[] }>().items.find((o) => o.id === mine.id)!;
    expect(mayor.userId).toBe(user!.id);
    const { id: _id, userId: _userId, ...input } = mayor;
    // A form that does not send the link keeps it.
    expect((await inject('PUT', `/api/weddings/officiants/${mine.id}`, staff, input)).json<WeddingOfficiant>().userId).toBe(user!.id);
    expect((await inject('PUT', `/api/weddings/officiants/${mine.id}`, staff, { ...input, userId: null })).json<WeddingOfficiant>().userId).toBeNull();
    const unlinked = await inject('GET', `/api/weddings/my/ceremonies?from=${dayA}&to=${dayB}`, officiant);
    expect({ status: unlinked.statusCode, code: unlinked.json<{ code: string }>().code }).toEqual({ status: 403, code: 'WEDDING_OFFICIANT_NOT_LINKED' });
    expect((await inject('PUT', `/api/weddings/officiants/${mine.id}`, staff, { ...input, userId: user!.id })).json<WeddingOfficiant>().userId).toBe(user!.id);
    const audit = await sql<{ action: string }[]>(`select action from audit_log where entity_id = ? and action = 'wedding.officiant.update'`, [mine.id]);
    expect(audit).toHaveLength(3);

    // The staff's form offers the users with the officiant role, each with its link; no one else.
    const users = await inject('GET', '/api/weddings/officiant-users', staff);
    expect(users.statusCode).toBe(200);
    const items = users.json<{ items: { id: string; username: string; officiantId: string | null }[] }>().items;
    expect(items.find((u) => u.username === 'vigsler')).toMatchObject({ id: user!.id, officiantId: mine.id });
    expect(items.map((u) => u.username)).not.toContain('vigsel');
    expect((await inject('GET', '/api/weddings/officiant-users', officiant)).statusCode).toBe(403);
  });

  it("prints the staff's day list: the day's ceremonies, not another day's", async () => {
    const res = await inject('GET', `/api/weddings/day-list.pdf?date=${dayA}`, staff);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = pdfText(res.rawPayload, 'day-a.pdf');
    expect(text).toContain('Dagsliste for vigsler');
    for (const s of ['Åse Brudland', 'Bjørn Brudland', 'Vitne Åse', 'Cecilie Annensen', 'Testsalen', 'nynorsk', 'Ønsker å gå inn til musikk', mine.name, 'Varaordfører Annen']) expect(text).toContain(s);
    expect(text).not.toContain('Eva Nestedag');
    const one = pdfText((await inject('GET', `/api/weddings/day-list.pdf?date=${dayA}&officiantId=${otherId}&language=nn`, staff)).rawPayload, 'day-a-other.pdf');
    expect(one).toContain('Dagsliste for vigslar');
    expect(one).toContain('Cecilie Annensen');
    expect(one).not.toContain('Åse Brudland');
    expect((await inject('GET', `/api/weddings/day-list.pdf?date=${dayA}`, officiant)).statusCode).toBe(403);
  });

  it("prints the officiant's own day list in the municipality's written standard, without another officiant's ceremony", async () => {
    await sql(
      `insert into municipality_settings (id, municipality_id, written_standard, document_name) values (gen_random_uuid(), ?, 'nn', 'Fjordvik kommune – Servicetorget')
       on conflict (municipality_id) do update set written_standard = excluded.written_standard, document_name = excluded.document_name`,
      [municipalityId],
    );
    const res = await inject('GET', `/api/weddings/my/day-list.pdf?date=${dayA}`, officiant);
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload, 'mine-a.pdf');
    expect(text).toContain('Dagsliste for vigslar');
    expect(text).toContain('Fjordvik kommune – Servicetorget');
    expect(text).toContain('Åse Brudland');
    expect(text).toContain('kontrollert');
    expect(text).not.toContain('Cecilie Annensen');
    expect(text).not.toContain('Eva Nestedag');
    // The request may still ask for bokmål.
    const other = pdfText((await inject('GET', `/api/weddings/my/day-list.pdf?date=${dayB}&language=nb`, officiant)).rawPayload, 'mine-b.pdf');
    expect(other).toContain('Dagsliste for vigsler');
    expect(other).toContain('Eva Nestedag');
    expect(other).not.toContain('Åse Brudland');
  });

  it("gives the couple the confirmation as PDF in the booking's language behind the token", async () => {
    const res = await inject('GET', `${PUBLIC}/manage/${ownA.reference}/confirmation.pdf?token=${ownA.manageToken}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = pdfText(res.rawPayload, 'confirmation-a.pdf');
    for (const s of ['Bekreftelse på vigsel', ownA.reference, 'Testsalen', 'Trinnfritt, heis fra vestinngangen', 'Åse Brudland', 'Vitne Bjørn', 'nynorsk', 'Kommunen har kontrollert attesten', 'legitimasjon', 'gratis', `/vigsel/${ownA.reference}`]) expect(text).toContain(s);
    expect(text).not.toContain(ownA.manageToken);
    const en = pdfText((await inject('GET', `${PUBLIC}/manage/${ownB.reference}/confirmation.pdf?token=${ownB.manageToken}`)).rawPayload, 'confirmation-b.pdf');
    expect(en).toContain('Confirmation of your wedding ceremony');
    expect(en).toContain('has not checked the certificate');
    const wrong = await inject('GET', `${PUBLIC}/manage/${ownA.reference}/confirmation.pdf?token=${'x'.repeat(43)}`);
    expect({ status: wrong.statusCode, code: wrong.json<{ code: string }>().code }).toEqual({ status: 404, code: 'WEDDING_BOOKING_NOT_FOUND' });
  });

  it('e-mails the confirmation with the PDF and the .ics to both parties', async () => {
    smtp.messages.length = 0;
    const sent = await t.app.get(WeddingsMailJobs).confirm({ bookingId: ownB.id, municipalityId, baseUrl: 'https://vigsel.example' });
    expect(sent).toEqual({ sent: 2 });
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual(['eva@epost.example', 'frode@epost.example']);
    const raw = smtp.messages[0]!.raw;
    expect(subject(raw)).toBe(`Wedding ceremony booked – ${ownB.reference}`);
    const pdf = part(raw, 'application/pdf');
    expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf!, 'mailed.pdf');
    expect(text).toContain('Confirmation of your wedding ceremony');
    expect(text).toContain('https://vigsel.example/vigsel/');
    expect(part(raw, 'text/calendar')?.toString()).toContain('SEQUENCE:0');
  });

  it('e-mails the couple when the staff move the ceremony, with the same UID and a higher SEQUENCE', async () => {
    smtp.messages.length = 0;
    const to = byDay.get(dayB)!.at(-1)!;
    const moved = await inject('POST', `/api/weddings/bookings/${ownA.id}/move`, staff, { placeId: roomId, startsAt: to.startsAt });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<StaffBooking>().startsAt).toBe(to.startsAt);
    const [job] = await sql<{ data: WeddingMovedJob }[]>(`select data from pgboss.job where name = ? and data->>'bookingId' = ?`, [WEDDING_MOVED_JOB, ownA.id]);
    expect(job!.data).toMatchObject({ bookingId: ownA.id, municipalityId, previousPlace: 'Testsalen' });
    expect(await t.app.get(WeddingsMailJobs).moved(job!.data)).toEqual({ sent: 2 });
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual([email('Åse'), email('Bjørn')].sort());
    const raw = smtp.messages[0]!.raw;
    expect(subject(raw)).toBe(`Vigsel flyttet – ${ownA.reference}`);
    const body = part(raw, 'text/plain')!.toString();
    expect(body).toContain('Ny tid:');
    expect(body).toContain('Tidligere:');
    const ics = part(raw, 'text/calendar')!.toString();
    expect(ics).toContain(`UID:${ownA.id}@sekretariat`);
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain(`DTSTART:${to.startsAt.replace(/[-:]/g, '').replace(/\.\d+/, '').replace('+0000', 'Z')}`.slice(0, 'DTSTART:'.length + 15));
    // The couple's own calendar file has the new SEQUENCE too.
    const own = await inject('GET', `${PUBLIC}/manage/${ownA.reference}/calendar.ics?token=${ownA.manageToken}`);
    expect(own.body).toContain('SEQUENCE:1');
    const audit = await sql<{ action: string }[]>(`select action from audit_log where entity_id = ? order by id`, [ownA.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['wedding.moved', 'wedding.move_sent']));
  });
});
