import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type {
  Minutes,
  MunicipalitySettings,
  MunicipalitySettingsInput,
  NoticeTimeliness,
  PublishMeetingResponse,
} from '@sekretariat/contracts';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

jest.setTimeout(60_000);

const DAY = 24 * 3_600_000;

/** A real, minimal PNG (grey, 8-bit) of the given size. */
export function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function multipart(file: { name: string; data: Buffer; type: string }): {
  payload: Buffer;
  headers: Record<string, string>;
} {
  const boundary = '----sekretariat-arms';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const pdfText = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'settings-'));
  writeFileSync(join(dir, 'n.pdf'), pdf);
  return execFileSync('pdftotext', ['-layout', join(dir, 'n.pdf'), '-'], { encoding: 'utf8' });
};
const pdfImages = (pdf: Buffer): string => {
  const dir = mkdtempSync(join(tmpdir(), 'settings-'));
  writeFileSync(join(dir, 'n.pdf'), pdf);
  return execFileSync('pdfimages', ['-list', join(dir, 'n.pdf')], { encoding: 'utf8' });
};

/** The municipality's settings on PostgreSQL: defaults, validation, the coat of arms, and their use in notices, meetings and minutes. */
describe('municipal settings', () => {
  let t: TestApp;
  let admin: string;
  let secretariat: string;
  let ksId: string;
  let committeeId: string;

  const inject = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    cookie?: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  const sql = <T extends object>(query: string, params: unknown[] = []) =>
    t.orm.em.fork().getConnection().execute<T>(query, params);
  const settings = async () =>
    (await inject('GET', '/api/municipality/settings', admin)).json<MunicipalitySettings>();
  const inputOf = (s: MunicipalitySettings): MunicipalitySettingsInput => ({
    noticeDays: s.noticeDays,
    writtenStandard: s.writtenStandard,
    remoteMeetingsAllowed: s.remoteMeetingsAllowed,
    remoteMeetingsDecision: s.remoteMeetingsDecision,
    protocolSignatories: s.protocolSignatories,
    substituteAnswerHours: s.substituteAnswerHours,
    documentName: s.documentName,
  });
  const save = async (change: Partial<MunicipalitySettingsInput>) =>
    inject('PUT', '/api/municipality/settings', admin, { ...inputOf(await settings()), ...change });
  const upload = (file: { name: string; data: Buffer; type: string }, cookie = admin) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/municipality/settings/coat-of-arms',
      ...multipart(file),
      headers: { ...multipart(file).headers, cookie },
    });
  const meeting = async (bodyId: string, inDays: number, extra: object = {}) =>
    (
      await inject('POST', `/api/bodies/${bodyId}/meetings`, secretariat, {
        startsAt: new Date(Date.now() + inDays * DAY).toISOString(),
        place: 'Rådhuset',
        ...extra,
      })
    ).json<{ id: string }>().id;

  beforeAll(async () => {
    t = await createTestApp('settings');
    admin = await t.login('admin');
    secretariat = await t.login('sekretariat');
    const bodies = (await inject('GET', '/api/bodies', secretariat)).json<{
      items: { id: string; kind: string }[];
    }>().items;
    ksId = bodies.find((b) => b.kind === 'kommunestyre')!.id;
    committeeId = bodies.find((b) => b.kind !== 'kommunestyre')!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('without a saved row, every setting has its default', async () => {
    await sql('delete from municipality_settings');
    const s = await settings();
    expect(s).toMatchObject({
      writtenStandard: 'nb',
      remoteMeetingsAllowed: false,
      remoteMeetingsDecision: '',
      protocolSignatories: 2,
      substituteAnswerHours: 24,
      documentName: '',
      municipalityName: 'Fjordvik kommune',
      coatOfArms: null,
      updatedAt: null,
    });
    expect(s.noticeDays.kommunestyre).toBe(14);
    expect(s.noticeDays.formannskap).toBe(7);
    expect(s.noticeDays.ungdomsraad).toBe(7);
  });

  it('the secretariat reads but does not change them; the admin changes them, audited', async () => {
    expect((await inject('GET', '/api/municipality/settings', secretariat)).statusCode).toBe(200);
    const refused = await inject('PUT', '/api/municipality/settings', secretariat, inputOf(await settings()));
    expect(refused.statusCode).toBe(403);
    const res = await save({
      remoteMeetingsAllowed: true,
      remoteMeetingsDecision: 'PS 41/23',
      documentName: 'Fjordvik kommune – Politisk sekretariat',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<MunicipalitySettings>()).toMatchObject({
      remoteMeetingsAllowed: true,
      documentName: 'Fjordvik kommune – Politisk sekretariat',
    });
    const audit = await sql<{ action: string; after: { remoteMeetingsDecision: string } }[]>(
      `select action, after from audit_log where entity_type = 'municipality_settings'`,
    );
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'municipality.settings.update',
        after: expect.objectContaining({ remoteMeetingsDecision: 'PS 41/23' }),
      }),
    ]);
  });

  it('refuses bad input with a stable code and stores nothing', async () => {
    const before = await settings();
    const base = inputOf(before);
    const cases: [object, string][] = [
      [{ ...base, documentName: 'Fjord\u0000vik' }, 'INVALID_TEXT'],
      [{ ...base, protocolSignatories: 6 }, 'VALIDATION_FAILED'],
      [{ ...base, protocolSignatories: 0 }, 'VALIDATION_FAILED'],
      [{ ...base, substituteAnswerHours: 1000 }, 'VALIDATION_FAILED'],
      [{ ...base, noticeDays: { ...base.noticeDays, kommunestyre: -1 } }, 'VALIDATION_FAILED'],
      [{ ...base, noticeDays: { ...base.noticeDays, kommunestyre: 2.5 } }, 'VALIDATION_FAILED'],
      [{ ...base, noticeDays: { ...base.noticeDays, bystyre: 10 } }, 'VALIDATION_FAILED'],
      [{ ...base, noticeDays: { kommunestyre: 10 } }, 'VALIDATION_FAILED'],
      [{ ...base, writtenStandard: 'se' }, 'VALIDATION_FAILED'],
      [{ ...base, remoteMeetingsAllowed: true, remoteMeetingsDecision: '' }, 'VALIDATION_FAILED'],
      [{ ...base, extra: 1 }, 'VALIDATION_FAILED'],
    ];
    for (const [payload, code] of cases) {
      const res = await inject('PUT', '/api/municipality/settings', admin, payload);
      expect({ payload, status: res.statusCode, code: res.json<{ code: string }>().code }).toEqual({
        payload,
        status: 400,
        code,
      });
    }
    expect(await settings()).toEqual(before);
  });

  it('keeps a PNG coat of arms and serves it publicly; refuses SVG, broken, padded, too large and too big images', async () => {
    const good = png(120, 140);
    const res = await upload({ name: 'våpen.png', data: good, type: 'image/png' });
    expect(res.statusCode).toBe(200);
    expect(res.json<MunicipalitySettings>().coatOfArms).toMatchObject({
      width: 120,
      height: 140,
      bytes: good.length,
    });
    // The address the settings give, with its version for caches.
    const served = await inject('GET', res.json<MunicipalitySettings>().coatOfArms!.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(good)).toBe(true);

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const truncated = good.subarray(0, good.length - 20);
    const corrupted = Buffer.from(good);
    corrupted[40] = corrupted[40]! ^ 0xff;
    const padded = Buffer.concat([good, Buffer.from('<script>alert(1)</script>')]);
    const huge = Buffer.concat([
      good.subarray(0, good.length - 12),
      Buffer.alloc(256 * 1024),
      good.subarray(good.length - 12),
    ]);
    for (const [data, code] of [
      [svg, 'COAT_OF_ARMS_NOT_PNG'],
      [Buffer.from('GIF89a........................................'), 'COAT_OF_ARMS_NOT_PNG'],
      [truncated, 'COAT_OF_ARMS_BROKEN'],
      [corrupted, 'COAT_OF_ARMS_BROKEN'],
      [padded, 'COAT_OF_ARMS_BROKEN'],
      [png(1001, 10), 'COAT_OF_ARMS_DIMENSIONS'],
      [huge, 'COAT_OF_ARMS_TOO_LARGE'],
    ] as [Buffer, string][]) {
      const refused = await upload({ name: 'x.png', data, type: 'image/png' });
      expect({ code: refused.json<{ code: string }>().code, status: refused.statusCode >= 400 }).toEqual({
        code,
        status: true,
      });
    }
    expect((await upload({ name: 'x.png', data: good, type: 'image/png' }, secretariat)).statusCode).toBe(
      403,
    );
    // Nothing of the refused files was kept.
    expect((await inject('GET', '/api/public/demo/coat-of-arms.png')).rawPayload.equals(good)).toBe(true);
    const audits = await sql<{ n: number }[]>(
      `select count(*)::int as n from audit_log where action = 'municipality.coat_of_arms.set'`,
    );
    expect(audits[0]!.n).toBe(1);
  });

  it('sends a late notice with the warning NOTICE_LATE, an early one without, after the body type’s notice period', async () => {
    const late = await meeting(ksId, 5);
    const published = await inject('POST', `/api/meetings/${late}/publish`, secretariat);
    expect(published.statusCode).toBe(200);
    expect(published.json<PublishMeetingResponse>()).toMatchObject({
      status: 'notice_sent',
      warnings: [{ code: 'NOTICE_LATE', daysBefore: 5, requiredDays: 14 }],
    });
    const after = (
      await inject('GET', `/api/meetings/${late}/notice-timeliness`, secretariat)
    ).json<NoticeTimeliness>();
    expect(after).toMatchObject({ late: true, daysBefore: 5, requiredDays: 14 });
    expect(after.sentAt).not.toBeNull();

    const onTime = await meeting(ksId, 20);
    expect(
      (
        await inject('GET', `/api/meetings/${onTime}/notice-timeliness`, secretariat)
      ).json<NoticeTimeliness>(),
    ).toMatchObject({ late: false, daysBefore: 20, sentAt: null });
    expect(
      (await inject('POST', `/api/meetings/${onTime}/publish`, secretariat)).json<PublishMeetingResponse>()
        .warnings,
    ).toEqual([]);

    // Another body type has its own period: 7 days by default, 3 after the admin changes it.
    const committee = await meeting(committeeId, 5);
    expect(
      (
        await inject('GET', `/api/meetings/${committee}/notice-timeliness`, secretariat)
      ).json<NoticeTimeliness>(),
    ).toMatchObject({ late: true, requiredDays: 7 });
    const s = await settings();
    const kind = (await inject('GET', `/api/bodies/${committeeId}`, secretariat)).json<{
      kind: keyof MunicipalitySettings['noticeDays'];
    }>().kind;
    expect((await save({ noticeDays: { ...s.noticeDays, [kind]: 3 } })).statusCode).toBe(200);
    expect(
      (await inject('POST', `/api/meetings/${committee}/publish`, secretariat)).json<PublishMeetingResponse>()
        .warnings,
    ).toEqual([]);
  });

  it('composes the notice PDF in nynorsk with the document name and the coat of arms', async () => {
    const id = await meeting(ksId, 30, { place: '', remote: true });
    const nb = pdfText((await inject('GET', `/api/meetings/${id}/notice.pdf`, secretariat)).rawPayload);
    expect(nb).toContain('Sted');
    expect(nb).toContain('Forfall meldes snarest');
    expect((await save({ writtenStandard: 'nn' })).statusCode).toBe(200);
    const pdf = (await inject('GET', `/api/meetings/${id}/notice.pdf`, secretariat)).rawPayload;
    const nn = pdfText(pdf);
    expect(nn).toContain('Stad');
    expect(nn).toContain(
      'Forfall skal meldast snarast til sekretariatet, slik at varamedlem kan kallast inn.',
    );
    expect(nn).toContain('Ingen saker er sette opp.');
    expect(nn).not.toContain('Forfall meldes');
    expect(nn).toContain('Fjordvik kommune – Politisk sekretariat');
    expect(pdfImages(pdf).trim().split('\n').length).toBeGreaterThan(2); // the header line, the rule, one image at least
    expect((await save({ writtenStandard: 'nb' })).statusCode).toBe(200);
  });

  it('refuses a remote meeting where the council has not allowed remote meetings', async () => {
    expect((await save({ remoteMeetingsAllowed: false, remoteMeetingsDecision: '' })).statusCode).toBe(200);
    const created = await inject('POST', `/api/bodies/${ksId}/meetings`, secretariat, {
      startsAt: new Date(Date.now() + 40 * DAY).toISOString(),
      place: '',
      remote: true,
    });
    expect(created.statusCode).toBe(409);
    expect(created.json()).toMatchObject({
      code: 'MEETING_REMOTE_NOT_ALLOWED',
      fields: [{ path: 'remote' }],
    });
    const id = await meeting(ksId, 41);
    const startsAt = new Date(Date.now() + 41 * DAY).toISOString();
    const updated = await inject('PUT', `/api/meetings/${id}`, secretariat, {
      startsAt,
      place: 'Rådhuset',
      remote: true,
    });
    expect(updated.json()).toMatchObject({ code: 'MEETING_REMOTE_NOT_ALLOWED' });
    expect(
      (
        await inject('PUT', `/api/meetings/${id}`, secretariat, {
          startsAt,
          place: 'Kulturhuset',
          remote: false,
        })
      ).statusCode,
    ).toBe(200);
    expect((await save({ remoteMeetingsAllowed: true, remoteMeetingsDecision: 'PS 41/23' })).statusCode).toBe(
      200,
    );
    expect(
      (await inject('PUT', `/api/meetings/${id}`, secretariat, { startsAt, place: 'Rådhuset', remote: true }))
        .statusCode,
    ).toBe(200);
  });

  it("gives a substitute the settings' time to answer when a member reports their own absence", async () => {
    expect((await save({ substituteAnswerHours: 48 })).statusCode).toBe(200);
    const id = await meeting(ksId, 10);
    expect((await inject('POST', `/api/meetings/${id}/publish`, secretariat)).statusCode).toBe(200);
    const official = await t.login('politiker');
    const own = await inject('POST', `/api/meetings/${id}/my-absence`, official, { reason: 'Syk' });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ deadlineHours: 48 });
  });

  it('asks for as many protocol signatories as the settings say', async () => {
    const id = await meeting(ksId, 2);
    expect((await inject('POST', `/api/meetings/${id}/publish`, secretariat)).statusCode).toBe(200);
    await sql(`update meeting set starts_at = now() - interval '2 hours' where id = ?`, [id]);
    const m = (await inject('POST', `/api/meetings/${id}/minutes/start`, secretariat)).json<Minutes>();
    const present = m.attendees
      .filter((a) => a.present && a.role === 'member' && a.personId)
      .map((a) => a.personId!);
    const record = (signatoryPersonIds: string[]) =>
      inject('PUT', `/api/meetings/${id}/minutes/record`, secretariat, {
        ...m.record,
        approvalMethod: 'signatures',
        signatoryPersonIds,
      });
    expect((await record(present.slice(0, 1))).json()).toMatchObject({ code: 'SIGNATORY_COUNT' });
    expect((await record(present.slice(0, 2))).statusCode).toBe(200);
    expect((await save({ protocolSignatories: 3 })).statusCode).toBe(200);
    expect((await record(present.slice(0, 2))).json()).toMatchObject({ code: 'SIGNATORY_COUNT' });
    expect((await record(present.slice(0, 3))).statusCode).toBe(200);
  });
});
