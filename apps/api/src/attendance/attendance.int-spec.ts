import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SMTPServer } from 'smtp-server';
import type { Absence, MeetingSeats, PublicAbsenceLink, PublicSummons } from '@sekretariat/contracts';
import { JobsService } from '../jobs/jobs.service.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { AttendanceService } from './attendance.service.js';
import { SummonsExpiryJob } from './summons-expiry.job.js';
import { runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';

interface Received {
  to: string[];
  raw: string;
  text: string;
}

/** Quoted-printable soft breaks and escapes undone, enough to read links in the text part. */
function decodeQp(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The Subject header, unfolded, with RFC 2047 encoded words decoded. */
function subjectOf(raw: string): string {
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
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, text: decodeQp(raw) });
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

async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const tokenIn = (text: string, path: 'innkalling' | 'forfall'): string | undefined => new RegExp(`/${path}/([A-Za-z0-9_-]{20,})`).exec(text)?.[1];

/** Absence reported, substitutes called in by e-mail, answers, expiry and the seat overview, on PostgreSQL with a real SMTP server. */
describe('absence and substitutes', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let secretariat: string;
  let official: string;
  let officialPersonId: string;
  let ksId: string;
  let fskId: string;
  let meetingId: string;
  let itemId: string;
  let onLeave: { person_id: string; email: string };
  const startsAt = new Date(Date.now() + 10 * 24 * 3_600_000);

  const inject = (method: 'GET' | 'POST', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const sql = <T extends object>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T>(query, params);
  const emailOf = async (personId: string) => (await sql<{ email: string }[]>('select email from person where id = ?', [personId]))[0]!.email;
  const mailTo = (email: string, subject: RegExp, after = 0) =>
    waitFor(`mail to ${email}`, () => smtp.messages.slice(after).findLast((m) => m.to.includes(email) && subject.test(m.text)));
  const summonsFor = (absence: Absence, status: string) => absence.summonses.find((s) => s.status === status);
  const seats = async (id = meetingId) => (await inject('GET', `/api/meetings/${id}/seats`, secretariat)).json<MeetingSeats>();
  const absenceOf = async (personId: string, id = meetingId) => (await seats(id)).seats.find((s) => s.personId === personId)!.absences.find((a) => a.kind === 'absent')!;
  const summonsToken = async (personId: string, after = 0) => tokenIn((await mailTo(await emailOf(personId), /kalles inn som varamedlem/, after)).text, 'innkalling')!;

  const createMeeting = async (bodyId: string, at: Date) => {
    const res = await inject('POST', `/api/bodies/${bodyId}/meetings`, secretariat, { startsAt: at.toISOString(), place: 'Rådhuset' });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string }>().id;
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp('attendance', { env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: 'https://politikk.fjordvik.example' } });
    secretariat = await t.login('sekretariat');
    official = await t.login('politiker');
    officialPersonId = (await inject('GET', '/api/auth/me', official)).json<{ user: { personId: string } }>().user.personId;
    const bodies = (await inject('GET', '/api/bodies', secretariat)).json<{ items: { id: string; kind: string }[] }>().items;
    ksId = bodies.find((b) => b.kind === 'kommunestyre')!.id;
    fskId = bodies.find((b) => b.kind === 'formannskap')!.id;
    meetingId = await createMeeting(ksId, startsAt);
    const item = await inject('POST', `/api/meetings/${meetingId}/items`, secretariat, { title: 'Reguleringsplan for Nordstranda' });
    expect(item.statusCode).toBe(201);
    itemId = item.json<{ id: string }>().id;
    // A member on leave over the meeting day gets no notice.
    const [leaver] = await sql<{ id: string; person_id: string; email: string }[]>(
      `select m.id, m.person_id, p.email from membership m join person p on p.id = m.person_id join party y on y.id = m.party_id
       where m.body_id = ? and m.kind = 'member' and y.short_name not in ('Ap', 'H', 'Sp') order by p.family_name limit 1`,
      [ksId],
    );
    onLeave = leaver!;
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
    const leave = await inject('POST', `/api/memberships/${leaver!.id}/leaves`, secretariat, { kind: 'leave', from: today, to: startsAt.toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' }), reason: 'Foreldrepermisjon' });
    expect(leave.statusCode).toBe(201);
    expect((await inject('POST', `/api/meetings/${meetingId}/publish`, secretariat)).statusCode).toBe(200);
    await t.app.get(JobsService).startWorking();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends each member a personal absence link with the notice; the member reports absence by it; the first substitute is summoned by e-mail', async () => {
    const email = await emailOf(officialPersonId);
    const notice = await mailTo(email, /Meld forfall/);
    await waitFor('the notice job', async () => ((await sql<unknown[]>(`select 1 from audit_log where action = 'meeting.notice_sent'`)).length ? true : undefined));
    expect(smtp.messages.some((m) => m.to.includes(onLeave.email))).toBe(false);
    expect((await seats()).seats.find((s) => s.personId === onLeave.person_id)!.state).toBe('on_leave');
    expect(notice.text).toContain('https://politikk.fjordvik.example/forfall/');
    const token = tokenIn(notice.text, 'forfall')!;
    const info = await inject('GET', `/api/public/demo/absence-links/${token}`);
    expect(info.statusCode).toBe(200);
    expect(info.json<PublicAbsenceLink>()).toMatchObject({ open: true, reported: [], meeting: { bodyName: 'Kommunestyret', place: 'Rådhuset' } });
    expect(info.json<PublicAbsenceLink>().items.map((i) => i.title)).toEqual(['Reguleringsplan for Nordstranda']);
    const [{ count: stored }] = await sql<[{ count: string }]>('select count(*) from absence_link where token_hash = encode(sha256(?::bytea), \'hex\')', [token]);
    expect(Number(stored)).toBe(1);
    expect(Number((await sql<{ count: string }[]>('select count(*) from absence_link where token_hash = ?', [token]))[0]!.count)).toBe(0);

    const report = await inject('POST', `/api/public/demo/absence-links/${token}`, undefined, { reason: 'Jobbreise' });
    expect(report.statusCode).toBe(201);
    expect(report.json()).toMatchObject({ kind: 'absent', substituteAsked: true });

    const absence = await absenceOf(officialPersonId);
    expect(absence).toMatchObject({ source: 'link', reason: 'Jobbreise', exhausted: null });
    // Officials see the seats, not the reasons.
    const asOfficial = (await inject('GET', `/api/meetings/${meetingId}/seats`, official)).json<MeetingSeats>();
    expect(asOfficial.seats.find((s) => s.personId === officialPersonId)!.absences[0]).toMatchObject({ kind: 'absent', reason: '' });
    const first = summonsFor(absence, 'pending')!;
    expect(first.rank).toBe(1);
    const summons = await mailTo(await emailOf(first.personId), /kalles inn som varamedlem/);
    expect(summons.text).toContain('https://politikk.fjordvik.example/innkalling/');
    expect(summons.raw).toMatch(/Content-Type: application\/pdf/i);
    // Only the hash of the token is stored.
    const summonsToken = tokenIn(summons.text, 'innkalling')!;
    expect((await sql<unknown[]>('select 1 from substitute_summons where token_hash = ?', [summonsToken])).length).toBe(0);
  });

  it('refuses a second absence for the same member and meeting, and absence for someone who is no member', async () => {
    const again = await inject('POST', `/api/meetings/${meetingId}/my-absence`, official, { reason: 'Syk' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ABSENCE_EXISTS' });
    const absence = await absenceOf(officialPersonId);
    const substitute = absence.summonses[0]!.personId;
    const notMember = await inject('POST', `/api/meetings/${meetingId}/absences`, secretariat, { personId: substitute });
    expect(notMember.statusCode).toBe(403);
    expect(notMember.json()).toMatchObject({ code: 'NOT_A_MEMBER' });
    expect((await inject('POST', `/api/meetings/${meetingId}/absences`, official, { personId: substitute })).statusCode).toBe(403);
  });

  it('moves to the next substitute on a decline; of two accepts at once one wins and the other is told it is answered', async () => {
    const absence = await absenceOf(officialPersonId);
    const first = summonsFor(absence, 'pending')!;
    const token1 = await summonsToken(first.personId);
    const shown = await inject('GET', `/api/public/demo/summons/${token1}`);
    expect(shown.json<PublicSummons>()).toMatchObject({ status: 'pending', replaces: absence.name, agendaItem: null, meeting: { bodyName: 'Kommunestyret' } });
    const before = smtp.messages.length;
    const declined = await inject('POST', `/api/public/demo/summons/${token1}/decline`);
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'declined' });
    const late = await inject('POST', `/api/public/demo/summons/${token1}/accept`);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'SUMMONS_ALREADY_ANSWERED' });

    const after = await absenceOf(officialPersonId);
    const second = summonsFor(after, 'pending')!;
    expect(second.rank).toBe(2);
    const token2 = await summonsToken(second.personId, before);
    const answers = await Promise.all([inject('POST', `/api/public/demo/summons/${token2}/accept`), inject('POST', `/api/public/demo/summons/${token2}/accept`)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);

    const state = await seats();
    const seat = state.seats.find((s) => s.personId === officialPersonId)!;
    expect(seat.state).toBe('absent');
    expect(seat.absences[0]!.summonses.map((s) => [s.rank, s.status])).toEqual([
      [1, 'declined'],
      [2, 'accepted'],
    ]);
    expect(state.calledIn).toEqual([expect.objectContaining({ personId: second.personId, forName: absence.name, agendaItemNumber: null })]);
    expect(await runInTenant(t.orm, { municipalityId: (await sql<{ id: string }[]>(`select id from municipality where slug = 'demo'`))[0]!.id, actor: SYSTEM_ACTOR }, () => t.app.get(AttendanceService).calledInPersonIds(meetingId))).toEqual([second.personId]);
    const actions = (await sql<{ action: string }[]>(`select action from audit_log where action like 'absence.%' or action like 'summons.%' order by id`)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['absence.create', 'summons.create', 'summons.sent', 'summons.decline', 'summons.accept']));
  });

  it('expires a summons past its deadline in the job and asks the next; decline and accept at once: one answer counts', async () => {
    const state = await seats();
    const member = state.seats.find((s) => s.state === 'present' && s.party === 'H')!;
    const res = await inject('POST', `/api/meetings/${meetingId}/absences`, secretariat, { personId: member.personId, reason: 'Ferie', deadlineHours: 2 });
    expect(res.statusCode).toBe(201);
    const absence = res.json<Absence>();
    const first = absence.summonses[0]!;
    expect(Date.parse(first.deadline) - Date.parse(absence.reportedAt)).toBeLessThanOrEqual(2 * 3_600_000 + 1000);
    const token1 = await summonsToken(first.personId);

    await sql(`update substitute_summons set deadline = now() - interval '1 minute' where id = ?`, [first.id]);
    const before = smtp.messages.length;
    expect(await t.app.get(SummonsExpiryJob).run()).toBe(1);
    const expired = await inject('POST', `/api/public/demo/summons/${token1}/accept`);
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ code: 'SUMMONS_EXPIRED' });

    const after = (await absenceOf(member.personId));
    expect(after.summonses.map((s) => [s.rank, s.status])).toEqual([
      [1, 'expired'],
      [2, 'pending'],
    ]);
    const token2 = await summonsToken(after.summonses[1]!.personId, before);
    const answers = await Promise.all([inject('POST', `/api/public/demo/summons/${token2}/decline`), inject('POST', `/api/public/demo/summons/${token2}/accept`)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const final = await absenceOf(member.personId);
    const statuses = final.summonses.map((s) => s.status);
    // Either the acceptance won (two summonses), or the decline (and the third is asked).
    expect([['expired', 'accepted'], ['expired', 'declined', 'pending']]).toContainEqual(statuses);
    expect((await sql<unknown[]>(`select 1 from audit_log where action = 'summons.expire'`)).length).toBe(1);
  });

  it('records a disqualification in one item, and the summons names the item', async () => {
    const state = await seats();
    const member = state.seats.find((s) => s.state === 'present' && s.party === 'Sp')!;
    const noReason = await inject('POST', `/api/meetings/${meetingId}/absences`, secretariat, { personId: member.personId, agendaItemId: itemId });
    expect(noReason.statusCode).toBe(400);
    const res = await inject('POST', `/api/meetings/${meetingId}/absences`, secretariat, { personId: member.personId, agendaItemId: itemId, reason: 'Eier nabotomta (fvl. § 6)' });
    expect(res.statusCode).toBe(201);
    expect(res.json<Absence>()).toMatchObject({ kind: 'disqualified', agendaItemNumber: expect.stringMatching(/^PS /) });
    const seat = (await seats()).seats.find((s) => s.personId === member.personId)!;
    expect(seat.state).toBe('present');
    const token = await summonsToken(res.json<Absence>().summonses[0]!.personId);
    const shownItem = await inject('GET', `/api/public/demo/summons/${token}`);
    expect(shownItem.json()).toMatchObject({ agendaItem: { number: expect.any(String) } });
    expect(shownItem.json<PublicSummons>().agendaItem).toMatchObject({ title: 'Reguleringsplan for Nordstranda' });
    // The substitute answers by phone: the secretariat records it, and the link is then answered.
    const summonsId = res.json<Absence>().summonses[0]!.id;
    expect((await inject('POST', `/api/summonses/${summonsId}/answer`, official, { answer: 'accept' })).statusCode).toBe(403);
    const recorded = await inject('POST', `/api/summonses/${summonsId}/answer`, secretariat, { answer: 'accept' });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json<Absence>().summonses.map((x) => x.status)).toEqual(['accepted']);
    expect((await inject('POST', `/api/public/demo/summons/${token}/decline`)).json()).toMatchObject({ code: 'SUMMONS_ALREADY_ANSWERED' });
  });

  it('leaves the seat empty when the list is exhausted, and the secretariat sees it', async () => {
    const fskMeeting = await createMeeting(fskId, startsAt);
    let before = smtp.messages.length;
    const res = await inject('POST', `/api/meetings/${fskMeeting}/absences`, secretariat, { personId: officialPersonId });
    expect(res.statusCode).toBe(201);
    for (let i = 0; i < 5; i++) {
      const absence = await absenceOf(officialPersonId, fskMeeting);
      const open = summonsFor(absence, 'pending');
      if (!open) break;
      const token = await summonsToken(open.personId, before);
      before = smtp.messages.length;
      const shown = await inject('GET', `/api/public/demo/summons/${token}`);
      expect(shown.json<PublicSummons>().meeting.bodyName).toBe('Formannskapet');
      expect((await inject('POST', `/api/public/demo/summons/${token}/decline`)).statusCode).toBe(200);
    }
    const state = await seats(fskMeeting);
    const absence = state.seats.find((s) => s.personId === officialPersonId)!.absences[0]!;
    expect(absence.summonses.every((s) => s.status === 'declined')).toBe(true);
    expect(absence.exhausted).toContain('kan møte');
    expect(state.emptySeats).toBe(1);
  });

  it('lets PostgreSQL refuse a second open summons for an absence and the same substitute accepted twice in a meeting', async () => {
    const [open] = await sql<{ id: string; absence_id: string; meeting_id: string; person_id: string; municipality_id: string }[]>(
      `select id, absence_id, meeting_id, person_id, municipality_id from substitute_summons where status = 'accepted' limit 1`,
    );
    const insert = (absenceId: string, status: string) =>
      sql(
        `insert into substitute_summons (id, municipality_id, absence_id, meeting_id, person_id, list, rank, status, deadline) values (gen_random_uuid(), ?, ?, ?, ?, 'Ap', 9, ?, now())`,
        [open!.municipality_id, absenceId, open!.meeting_id, open!.person_id, status],
      );
    await expect(insert(open!.absence_id, 'pending')).rejects.toThrow(/substitute_summons_one_open/);
    const [other] = await sql<{ id: string }[]>(`select id from meeting_absence where meeting_id = ? and id <> ? limit 1`, [open!.meeting_id, open!.absence_id]);
    await sql(`update substitute_summons set status = 'withdrawn' where absence_id = ? and status in ('pending', 'accepted')`, [other!.id]);
    await expect(insert(other!.id, 'accepted')).rejects.toThrow(/substitute_summons_one_accepted/);
  });

  it('tells a substitute who had accepted, and one still asked, by e-mail that they are not needed after all when the absence is withdrawn', async () => {
    const present = (await seats()).seats.filter((s) => s.state === 'present' && s.personId !== officialPersonId);
    // Two members report absence; the first one's substitute accepts, the second one's is still asked.
    const absences: Absence[] = [];
    for (const member of present.slice(0, 2)) {
      const before = smtp.messages.length;
      const res = await inject('POST', `/api/meetings/${meetingId}/absences`, secretariat, { personId: member.personId, reason: 'Kurs' });
      expect(res.statusCode).toBe(201);
      absences.push(res.json<Absence>());
      await summonsToken(res.json<Absence>().summonses[0]!.personId, before);
    }
    const [acceptedFor, pendingFor] = absences as [Absence, Absence];
    const accepted = acceptedFor.summonses[0]!;
    expect((await inject('POST', `/api/summonses/${accepted.id}/answer`, secretariat, { answer: 'accept' })).statusCode).toBe(200);
    const pending = pendingFor.summonses[0]!;

    const before = smtp.messages.length;
    for (const absence of absences) {
      const res = await inject('POST', `/api/absences/${absence.id}/withdraw`, secretariat);
      expect(res.statusCode).toBe(200);
      expect(res.json<Absence>().summonses.map((s) => s.status)).toEqual(['withdrawn']);
    }
    const toAccepted = await mailTo(await emailOf(accepted.personId), /trenger ikke gj/, before);
    expect(subjectOf(toAccepted.raw)).toMatch(/^Du trengs likevel ikke – Kommunestyret \d{2}\.\d{2}\.\d{4}$/);
    expect(toAccepted.text).toContain('er trukket tilbake');
    expect(toAccepted.raw).not.toMatch(/application\/pdf/i);
    const toPending = await mailTo(await emailOf(pending.personId), /trenger ikke svare/, before);
    expect(subjectOf(toPending.raw)).toMatch(/^Du trengs likevel ikke – /);
    await waitFor('the audit entries', async () => ((await sql<unknown[]>(`select 1 from audit_log where action = 'summons.withdrawn_sent'`)).length >= 2 ? true : undefined));
    const jobs = await sql<{ state: string; summons: string }[]>(`select state, data->>'summonsId' as summons from pgboss.job where name = 'attendance.send-summons-withdrawn'`);
    expect(jobs.map((j) => [j.summons, j.state]).sort()).toEqual([[accepted.id, 'completed'], [pending.id, 'completed']].sort());
  });

  it('withdraws an absence with its open summons, and refuses changes once the meeting has begun', async () => {
    const own = (await inject('GET', `/api/meetings/${meetingId}/my-absences`, official)).json<{ items: Absence[] }>().items;
    expect(own).toHaveLength(1);
    const withdrawn = await inject('POST', `/api/absences/${own[0]!.id}/withdraw`, official);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json<Absence>().summonses.map((s) => s.status)).toEqual(['declined', 'withdrawn']);
    await sql(`update meeting set starts_at = now() - interval '1 hour' where id = ?`, [meetingId]);
    const late = await inject('POST', `/api/meetings/${meetingId}/my-absence`, official, {});
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'MEETING_ALREADY_HELD' });
  });
});
