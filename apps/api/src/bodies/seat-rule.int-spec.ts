import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BodyOverview, MeetingSeats } from '@sekretariat/contracts';
import { runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { MembershipsService } from './memberships.service.js';

interface HolderRow {
  person_id: string;
  kind: string;
  seat: string;
  for_person_id: string | null;
  rank: number | null;
  place: number | null;
  permanent: boolean;
}

/**
 * Who holds a seat in a body on day D, one rule in PostgreSQL (`seat_holders`, koml. §§ 7-9,
 * 7-10): the acting substitute for a member's leave, the list moving up after a release for good,
 * members without a party as lists of their own, and the callers that read it (notices, absence,
 * the seat overview, the body overview).
 */
describe('the seat rule (seat_holders)', () => {
  let t: TestApp;
  let secretariat: string;
  let substituteLogin: string;
  let municipalityId: string;
  let fskId: string;
  let member: { membershipId: string; personId: string };
  let substitute: { personId: string };
  let nextSubstitute: { personId: string };

  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
  const inject = (method: 'GET' | 'POST', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const sql = <T extends object>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T>(query, params);
  const holders = (bodyId: string, on: string) => sql<HolderRow[]>(`select * from seat_holders(?, ?::date)`, [bodyId, on]);
  const holder = async (bodyId: string, on: string, personId: string) => (await holders(bodyId, on)).find((h) => h.person_id === personId);

  beforeAll(async () => {
    t = await createTestApp('seat-rule');
    secretariat = await t.login('sekretariat');
    substituteLogin = await t.login('politiker2');
    const bodies = (await inject('GET', '/api/bodies', secretariat)).json<{ items: { id: string; kind: string }[] }>().items;
    fskId = bodies.find((b) => b.kind === 'formannskap')!.id;
    // The demo official sits in the formannskap; politiker2 is first on the same list's substitutes.
    const [official] = await sql<{ membership_id: string; person_id: string; party_id: string; municipality_id: string }[]>(
      `select ms.id as membership_id, ms.person_id, ms.party_id, ms.municipality_id from membership ms join app_user u on u.person_id = ms.person_id
        where u.username = 'politiker' and ms.body_id = ? and ms.kind = 'member'`,
      [fskId],
    );
    member = { membershipId: official!.membership_id, personId: official!.person_id };
    municipalityId = official!.municipality_id;
    const subs = await sql<{ person_id: string; rank: number }[]>(
      `select person_id, rank from membership where body_id = ? and kind = 'substitute' and party_id = ? order by rank`,
      [fskId, official!.party_id],
    );
    const [login] = await sql<{ person_id: string }[]>(`select person_id from app_user where username = 'politiker2'`);
    expect(subs[0]!.person_id).toBe(login!.person_id);
    substitute = { personId: subs[0]!.person_id };
    nextSubstitute = { personId: subs[1]!.person_id };
    // Leave for days 20–30 from today.
    const leave = await inject('POST', `/api/memberships/${member.membershipId}/leaves`, secretariat, { kind: 'leave', from: day(20), to: day(30), reason: 'Foreldrepermisjon' });
    expect(leave.statusCode).toBe(201);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('moves the first substitute of the list up for the period of a leave, and back after', async () => {
    expect(await holder(fskId, day(25), member.personId)).toMatchObject({ kind: 'member', seat: 'away' });
    expect(await holder(fskId, day(25), substitute.personId)).toMatchObject({ seat: 'acting', for_person_id: member.personId, rank: 1, permanent: false });
    // The list moves up: the second substitute is now the first to be called in.
    expect(await holder(fskId, day(25), nextSubstitute.personId)).toMatchObject({ seat: 'substitute', rank: 2, place: 1 });
    expect(await holder(fskId, day(31), member.personId)).toMatchObject({ seat: 'member' });
    expect(await holder(fskId, day(31), substitute.personId)).toMatchObject({ seat: 'substitute', place: 1 });
  });

  it('makes the first substitute a member for the rest of the term after a release for good', async () => {
    const committee = (await inject('GET', '/api/bodies', secretariat)).json<{ items: { id: string; kind: string }[] }>().items.filter((b) => b.kind === 'utvalg')[0]!.id;
    const [released] = await sql<{ id: string; person_id: string; party_id: string }[]>(
      `select id, person_id, party_id from membership where body_id = ? and kind = 'member' order by id limit 1`,
      [committee],
    );
    const subs = await sql<{ person_id: string }[]>(`select person_id from membership where body_id = ? and kind = 'substitute' and party_id = ? order by rank`, [committee, released!.party_id]);
    const res = await inject('POST', `/api/memberships/${released!.id}/leaves`, secretariat, { kind: 'release', from: day(40), to: null, reason: 'Fritak etter § 7-9 annet ledd' });
    expect(res.statusCode).toBe(201);
    for (const on of [day(41), day(400)]) {
      expect(await holder(committee, on, subs[0]!.person_id)).toMatchObject({ seat: 'acting', for_person_id: released!.person_id, permanent: true });
      expect(await holder(committee, on, subs[1]!.person_id)).toMatchObject({ seat: 'substitute', rank: 2, place: 1 });
    }
    const overview = (await inject('GET', `/api/bodies/${committee}/overview?date=${day(41)}`, secretariat)).json<BodyOverview>();
    expect(overview.actingMembers.find((a) => a.forPersonId === released!.person_id)?.explanation).toMatch(/er medlem resten av valgperioden/);
  });

  it('keeps members without a party on lists of their own: an independent substitute does not move up for another independent', async () => {
    const [body] = await sql<{ id: string }[]>(
      `insert into body (id, municipality_id, created_at, name, kind, seats, term_from, term_to, delegation, election_method, substitute_order, is_public)
       select gen_random_uuid(), ?, now(), 'Eldrerådet', 'utvalg', 3, term_from, term_to, '', 'forholdsvalg', 'per_list', true from body where id = ? returning id`,
      [municipalityId, fskId],
    );
    const person = async (given: string) =>
      (await sql<{ id: string }[]>(`insert into person (id, municipality_id, created_at, given_name, family_name, gender) values (gen_random_uuid(), ?, now(), ?, 'Uavhengig', 'female') returning id`, [municipalityId, given]))[0]!.id;
    const [a, b, c] = [await person('Astrid'), await person('Berit'), await person('Cora')];
    const add = async (personId: string, kind: 'member' | 'substitute', rank: number | null) =>
      (await sql<{ id: string }[]>(
        `insert into membership (id, municipality_id, created_at, body_id, person_id, party_id, kind, role, rank, "from") select gen_random_uuid(), ?, now(), ?, ?, null, ?, 'member', ?, term_from from body where id = ? returning id`,
        [municipalityId, body!.id, personId, kind, rank, body!.id],
      ))[0]!.id;
    const aMembership = await add(a, 'member', null);
    await add(b, 'member', null);
    await add(c, 'substitute', 1);
    const leave = await inject('POST', `/api/memberships/${aMembership}/leaves`, secretariat, { kind: 'leave', from: day(1), to: day(5), reason: 'Sykdom' });
    expect(leave.statusCode).toBe(201);
    expect(await holder(body!.id, day(2), c)).toMatchObject({ seat: 'substitute' });
    const overview = (await inject('GET', `/api/bodies/${body!.id}/overview?date=${day(2)}`, secretariat)).json<BodyOverview>();
    expect(overview.actingMembers).toEqual([]);
    expect(overview.warnings.join(' ')).toMatch(/Astrid Uavhengig \(uten parti\) har permisjon eller fritak, og det er ingen varamedlem som kan rykke opp/);
  });

  describe('a meeting during the leave', () => {
    let meetingId: string;
    beforeAll(async () => {
      const res = await inject('POST', `/api/bodies/${fskId}/meetings`, secretariat, { startsAt: `${day(25)}T16:00:00.000Z`, place: 'Rådhuset' });
      expect(res.statusCode).toBe(201);
      meetingId = res.json<{ id: string }>().id;
    });

    it('sends the notice to the acting substitute, as of the meeting day, not to the member on leave', async () => {
      const contacts = await runInTenant(t.orm, { municipalityId, actor: SYSTEM_ACTOR }, () => t.app.get(MembershipsService).sittingContacts(fskId, day(25)));
      const ids = contacts.map((c) => c.personId);
      expect(ids).toContain(substitute.personId);
      expect(ids).not.toContain(member.personId);
      expect(ids).toHaveLength(7);
    });

    it('shows the acting substitute in the seat overview and lets them report their own absence', async () => {
      const seats = (await inject('GET', `/api/meetings/${meetingId}/seats`, secretariat)).json<MeetingSeats>();
      expect(seats.seats.find((s) => s.personId === member.personId)?.state).toBe('on_leave');
      expect(seats.seats.find((s) => s.personId === substitute.personId)?.state).toBe('present');
      const own = await inject('POST', `/api/meetings/${meetingId}/my-absence`, substituteLogin, { reason: 'Bortreist' });
      expect(own.statusCode).toBe(201);
      // The next one on the list is proposed for them.
      const after = (await inject('GET', `/api/meetings/${meetingId}/seats`, secretariat)).json<MeetingSeats>();
      const absence = after.seats.find((s) => s.personId === substitute.personId)!.absences[0]!;
      expect(absence.summonses[0]?.personId ?? absence.exhausted).toBe(nextSubstitute.personId);
    });

    it('refuses an absence from the member on leave: they do not sit that day', async () => {
      const res = await inject('POST', `/api/meetings/${meetingId}/absences`, secretariat, { personId: member.personId, reason: '' });
      expect(res.statusCode).toBe(403);
      expect(res.json<{ code: string }>().code).toBe('NOT_A_MEMBER');
    });
  });
});
