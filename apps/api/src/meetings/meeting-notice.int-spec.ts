import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SMTPServer } from 'smtp-server';
import { today } from '../core/dates.js';
import { JobsService } from '../jobs/jobs.service.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback that keeps what it receives; `refuse` makes it turn away that many recipients. */
async function startSmtp(): Promise<{ port: number; messages: Received[]; refuse: { count: number }; close(): Promise<void> }> {
  const messages: Received[] = [];
  const refuse = { count: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refuse.count > 0) {
        refuse.count--;
        const error = new Error('Try again later') as Error & { responseCode: number };
        error.responseCode = 451;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, messages, refuse, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Polls until `check` is true; fails after `timeoutMs`. */
async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Unfolds a header and decodes RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=). */
function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? '';
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}

/** The base64 body of the message's application/pdf part. */
function pdfAttachment(raw: string): Buffer | null {
  const match = /Content-Type: application\/pdf[^]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n--/i.exec(raw);
  return match ? Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64') : null;
}

/** The text of a message with quoted-printable soft breaks and escapes undone (UTF-8). */
function bodyText(raw: string): string {
  const qp = raw.replace(/=\r?\n/g, '').replace(/(=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
  return qp;
}

/** Publishing a meeting e-mails the notice PDF to the body's members, through a real SMTP server. */
describe('the notice by e-mail', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let secretariat: string;
  let bodyId: string;
  let bodyName: string;
  let meetingId: string;
  const dir = mkdtempSync(join(tmpdir(), 'notice-'));
  const year = new Date().getFullYear() + 1;

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const sql = <T extends object>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T>(query, params);

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp('notice', { env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Fjordvik kommune <politikk@fjordvik.example>' } });
    secretariat = await t.login('sekretariat');
    const bodies = (await inject('GET', '/api/bodies', secretariat)).json<{ items: { id: string; kind: string; name: string }[] }>().items;
    const body = bodies.find((b) => b.kind === 'kommunestyre')!;
    bodyId = body.id;
    bodyName = body.name;
    const meeting = await inject('POST', `/api/bodies/${bodyId}/meetings`, secretariat, { startsAt: `${year}-03-10T18:00:00+01:00`, place: 'Rådhuset, Ærfuglsalen' });
    expect(meeting.statusCode).toBe(201);
    meetingId = meeting.json<{ id: string }>().id;
    const cases = [
      { archiveReference: `${year}/501`, title: 'Ny barnehage på Øvre Åsen – æøå ÆØÅ', summary: 'Åpen saksframlegg-tekst.' },
      { archiveReference: `${year}/502`, title: 'Tilsetting av kommunedirektør Ola Nordmann', public: false, legalGround: 'koml11-5-2b', background: 'Hemmelig bakgrunn om søkerne.' },
      { archiveReference: `${year}/503`, title: 'Budsjettjustering for Sørbyen skole', summary: 'Kort om budsjettet.' },
    ];
    for (const input of cases) {
      const kase = await inject('POST', '/api/cases', secretariat, input);
      expect(kase.statusCode).toBe(201);
      const item = await inject('POST', `/api/meetings/${meetingId}/items`, secretariat, { caseId: kase.json<{ id: string }>().id });
      expect(item.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives staff the notice as PDF, and no one else', async () => {
    const res = await inject('GET', `/api/meetings/${meetingId}/notice.pdf`, secretariat);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await inject('GET', `/api/meetings/${meetingId}/notice.pdf`)).statusCode).toBe(401);
  });

  it('publishes at once and e-mails the notice to every current member with an address, retrying when SMTP refuses', async () => {
    const day = today();
    const current = `from membership m join person p on p.id = m.person_id
      where m.body_id = ? and m.kind = 'member' and m."from" <= ? and (m."to" is null or m."to" >= ?)`;
    // One member has no e-mail address: skipped.
    const [noMail] = await sql<{ id: string }[]>(`select p.id ${current} order by p.id limit 1`, [bodyId, day, day]);
    await sql('update person set email = null where id = ?', [noMail!.id]);
    const expected = (await sql<{ email: string }[]>(`select distinct p.email ${current} and p.email is not null`, [bodyId, day, day])).map((r) => r.email).sort();
    expect(expected.length).toBeGreaterThan(1);

    // The mail server turns the first recipient away: the job fails, and pg-boss runs it again.
    smtp.refuse.count = 1;
    const published = await inject('POST', `/api/meetings/${meetingId}/publish`, secretariat);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'notice_sent' });
    expect(smtp.messages).toHaveLength(0);

    await t.app.get(JobsService).startWorking();
    await waitFor(`${expected.length} messages`, () => smtp.messages.length >= expected.length);
    await waitFor('the audit entry', async () => (await sql<unknown[]>(`select 1 from audit_log where action = 'meeting.notice_sent'`)).length > 0);
    // pg-boss marks the job completed after the handler has returned: wait for that too.
    await waitFor('the job to complete', async () => (await sql<unknown[]>(`select 1 from pgboss.job where name = 'meetings.send-notice' and state <> 'active'`)).length > 0);

    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual(expected);
    expect(smtp.messages.every((m) => m.to.length === 1 && m.from === 'politikk@fjordvik.example')).toBe(true);
    const [job] = await sql<{ state: string; retry_count: number }[]>(`select state, retry_count from pgboss.job where name = 'meetings.send-notice'`);
    expect(job).toMatchObject({ state: 'completed', retry_count: 1 });
    const [audit] = await sql<{ entity_id: string; after: { recipients: number; withoutEmail: number } }[]>(`select entity_id, after from audit_log where action = 'meeting.notice_sent'`);
    expect(audit).toMatchObject({ entity_id: meetingId, after: { recipients: expected.length, withoutEmail: 1 } });

    const message = smtp.messages[0]!;
    const subject = header(message.raw, 'Subject');
    expect(subject).toContain(bodyName);
    expect(subject).toBe(`Møteinnkalling – ${bodyName} 10.03.${year}`);

    const pdf = pdfAttachment(message.raw);
    expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(dir, 'notice.pdf');
    writeFileSync(file, pdf!);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Ny barnehage på Øvre Åsen – æøå ÆØÅ');
    expect(text).toContain('Budsjettjustering for Sørbyen skole');
    expect(text).toContain('Rådhuset, Ærfuglsalen');
    expect(text).toContain('Unntatt offentlighet');
    expect(text).toContain('koml. § 11-5 annet ledd bokstav b');
    expect(text).not.toContain('Ola Nordmann');
    expect(text).not.toContain('Hemmelig bakgrunn');
    expect(message.raw).not.toContain('Ola Nordmann');
  });

  it('refuses a changed notice for a planned meeting and queues nothing; only the secretariat may send one, with a short message', async () => {
    const planned = await inject('POST', `/api/bodies/${bodyId}/meetings`, secretariat, { startsAt: `${year}-04-14T18:00:00+02:00`, place: 'Rådhuset' });
    expect(planned.statusCode).toBe(201);
    const id = planned.json<{ id: string }>().id;
    const refused = await inject('POST', `/api/meetings/${id}/notice/resend`, secretariat, { message: 'Ny tid' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'MEETING_NOT_PUBLISHED' });
    const queued = await sql<unknown[]>(`select 1 from pgboss.job where name = 'meetings.send-notice' and data->>'meetingId' = ?`, [id]);
    expect(queued).toHaveLength(0);
    expect(await sql<unknown[]>(`select 1 from audit_log where action = 'meeting.notice_resend' and entity_id = ?`, [id])).toHaveLength(0);

    const official = await t.login('politiker');
    expect((await inject('POST', `/api/meetings/${meetingId}/notice/resend`, official, {})).statusCode).toBe(403);
    const tooLong = await inject('POST', `/api/meetings/${meetingId}/notice/resend`, secretariat, { message: 'x'.repeat(1001) });
    expect(tooLong.statusCode).toBe(400);
  });

  it('e-mails the changed notice with the message at the top to the members and to a substitute who has accepted', async () => {
    const day = today();
    const current = `from membership m join person p on p.id = m.person_id
      where m.body_id = ? and m.kind = 'member' and m."from" <= ? and (m."to" is null or m."to" >= ?)`;
    const members = (await sql<{ email: string }[]>(`select distinct p.email ${current} and p.email is not null`, [bodyId, day, day])).map((r) => r.email);
    // A member reports absence; the secretariat records that the first substitute accepts.
    const [absent] = await sql<{ id: string }[]>(`select p.id ${current} and p.email is not null order by p.family_name limit 1`, [bodyId, day, day]);
    const absence = await inject('POST', `/api/meetings/${meetingId}/absences`, secretariat, { personId: absent!.id, reason: 'Jobbreise' });
    expect(absence.statusCode).toBe(201);
    const summons = absence.json<{ summonses: { id: string; personId: string }[] }>().summonses[0]!;
    const accepted = await inject('POST', `/api/summonses/${summons.id}/answer`, secretariat, { answer: 'accept' });
    expect(accepted.statusCode).toBe(200);
    const [{ email: substitute }] = await sql<[{ email: string }]>('select email from person where id = ?', [summons.personId]);
    expect(substitute).toBeTruthy();

    const moved = await inject('PUT', `/api/meetings/${meetingId}`, secretariat, { startsAt: `${year}-03-10T18:00:00+01:00`, place: 'Formannskapssalen' });
    expect(moved.statusCode).toBe(200);
    const res = await inject('POST', `/api/meetings/${meetingId}/notice/resend`, secretariat, { message: '  Møtet er flyttet til Formannskapssalen.  ' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ id: meetingId, status: 'notice_sent' });

    const changed = () => smtp.messages.filter((m) => header(m.raw, 'Subject').startsWith('Endret møteinnkalling'));
    const expected = [...members, substitute].sort();
    await waitFor(`${expected.length} changed notices`, () => changed().length >= expected.length);
    await waitFor('the audit entry', async () => (await sql<unknown[]>(`select 1 from audit_log where action = 'meeting.notice_resent'`)).length > 0);
    expect(changed().flatMap((m) => m.to).sort()).toEqual(expected);
    const first = changed()[0]!;
    expect(header(first.raw, 'Subject')).toBe(`Endret møteinnkalling – ${bodyName} 10.03.${year}`);
    const text = bodyText(first.raw);
    expect(text.indexOf('Møtet er flyttet til Formannskapssalen.')).toBeGreaterThan(-1);
    expect(text.indexOf('Melding fra sekretariatet')).toBeLessThan(text.indexOf('Du innkalles til møte'));
    const toMember = changed().find((m) => m.to.includes(members.find((e) => e !== substitute)!))!;
    expect(bodyText(toMember.raw)).toContain('/forfall/');
    const toSubstitute = changed().find((m) => m.to.includes(substitute))!;
    expect(bodyText(toSubstitute.raw)).toContain('innkalt som varamedlem');
    const pdf = pdfAttachment(toSubstitute.raw)!;
    const file = join(dir, 'changed.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })).toContain('Formannskapssalen');

    const [resend] = await sql<{ after: { message: string } }[]>(`select after from audit_log where action = 'meeting.notice_resend' and entity_id = ?`, [meetingId]);
    expect(resend!.after.message).toBe('Møtet er flyttet til Formannskapssalen.');
    const [sent] = await sql<{ after: { recipients: number; substitutes: number } }[]>(`select after from audit_log where action = 'meeting.notice_resent'`);
    expect(sent!.after).toMatchObject({ recipients: members.length, substitutes: 1 });
  });

  it('cancels the meeting with a reason: the members and the accepted substitute are told by e-mail, the public page shows it, it cannot be noticed or held', async () => {
    const mailedBefore = smtp.messages.length;
    // Bad input first: no reason, or by an official: refused, nothing written.
    const empty = await inject('POST', `/api/meetings/${meetingId}/cancel`, secretariat, { reason: '   ' });
    expect({ status: empty.statusCode, code: empty.json().code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect((await inject('POST', `/api/meetings/${meetingId}/cancel`, await t.login('politiker'), { reason: 'Nei' })).statusCode).toBe(403);
    expect(await sql<unknown[]>(`select 1 from meeting where id = ? and cancelled_at is not null`, [meetingId])).toHaveLength(0);

    const res = await inject('POST', `/api/meetings/${meetingId}/cancel`, secretariat, { reason: ' For få saker til behandling. ' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: meetingId, status: 'notice_sent', cancellation: { reason: 'For få saker til behandling.' } });

    const cancelled = () => smtp.messages.slice(mailedBefore).filter((m) => header(m.raw, 'Subject').startsWith('Avlyst møte'));
    await waitFor('the audit entry of the mail', async () => (await sql<unknown[]>(`select 1 from audit_log where action = 'meeting.cancel_mailed'`)).length > 0);
    const [mailed] = await sql<{ after: { recipients: number } }[]>(`select after from audit_log where action = 'meeting.cancel_mailed' and entity_id = ?`, [meetingId]);
    expect(cancelled()).toHaveLength(mailed!.after.recipients);
    // The substitute who accepted in the test above is among them.
    const [{ email: substitute }] = await sql<[{ email: string }]>(`select p.email from substitute_summons s join person p on p.id = s.person_id where s.meeting_id = ? and s.status = 'accepted'`, [meetingId]);
    expect(cancelled().flatMap((m) => m.to)).toContain(substitute);
    expect(header(cancelled()[0]!.raw, 'Subject')).toBe(`Avlyst møte – ${bodyName} 10.03.${year}`);
    expect(bodyText(cancelled()[0]!.raw)).toContain('For få saker til behandling.');
    const [audit] = await sql<{ after: { reason: string } }[]>(`select after from audit_log where action = 'meeting.cancel' and entity_id = ?`, [meetingId]);
    expect(audit!.after.reason).toBe('For få saker til behandling.');

    const slug = (await sql<[{ slug: string }]>(`select mu.slug from meeting m join municipality mu on mu.id = m.municipality_id where m.id = ?`, [meetingId]))[0].slug;
    const publicPage = await inject('GET', `/api/public/${slug}/meetings/${meetingId}`);
    expect(publicPage.json()).toMatchObject({ cancellation: { reason: 'For få saker til behandling.' } });

    // Once cancelled: no second cancellation, no changed notice, not held, no agenda change, no minutes.
    const refusals = await Promise.all([
      inject('POST', `/api/meetings/${meetingId}/cancel`, secretariat, { reason: 'Igjen' }),
      inject('POST', `/api/meetings/${meetingId}/notice/resend`, secretariat, { message: '' }),
      inject('POST', `/api/meetings/${meetingId}/status`, secretariat, { status: 'held' }),
      inject('PUT', `/api/meetings/${meetingId}`, secretariat, { startsAt: `${year}-03-11T18:00:00+01:00`, place: 'Rådhuset' }),
      inject('POST', `/api/meetings/${meetingId}/minutes/start`, secretariat),
    ]);
    expect(refusals.map((r) => r.json().code)).toEqual(['MEETING_ALREADY_CANCELLED', 'MEETING_CANCELLED', 'MEETING_CANCELLED', 'MEETING_CANCELLED', 'MEETING_CANCELLED']);
    expect(await sql<unknown[]>(`select 1 from minutes_record where meeting_id = ?`, [meetingId])).toHaveLength(0);
    // PostgreSQL holds the rule too.
    await expect(sql(`update meeting set status = 'held' where id = ?`, [meetingId])).rejects.toThrow(/meeting_cancelled_not_held_check/);
    // A planned meeting that is cancelled cannot be noticed.
    const planned = await inject('POST', `/api/bodies/${bodyId}/meetings`, secretariat, { startsAt: `${year}-05-12T18:00:00+02:00`, place: 'Rådhuset' });
    const plannedId = planned.json<{ id: string }>().id;
    expect((await inject('POST', `/api/meetings/${plannedId}/cancel`, secretariat, { reason: 'Flyttet til juni.' })).statusCode).toBe(200);
    const publish = await inject('POST', `/api/meetings/${plannedId}/publish`, secretariat);
    expect({ status: publish.statusCode, code: publish.json().code }).toEqual({ status: 409, code: 'MEETING_CANCELLED' });
    expect(await sql<unknown[]>(`select 1 from meeting where id = ? and status = 'planned'`, [plannedId])).toHaveLength(1);
  });
});
