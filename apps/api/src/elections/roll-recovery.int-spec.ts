import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { JobsService } from '../jobs/jobs.service.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { ROLL_IMPORT_JOB, RollService } from './roll.service.js';

const HEADER = 'fodselsnummer;fornavn;etternavn;fodselsdato;adresse;kommunenummer;poststed';

/**
 * Issue 10, item 6: a crash during a roll import left the job "running" for 15 minutes and the
 * upload, full of personal numbers, on disk. A crash is played here by what it leaves: a job
 * row `active` whose heartbeat stopped, and its staged file.
 */
describe('roll imports after a crash', () => {
  let t: TestApp;
  let organiser: string;
  let electionId: string;
  let municipalityId: string;
  let dataDir: string;
  const uploads = () => path.join(dataDir, 'uploads');
  const staged = () => (existsSync(uploads()) ? readdirSync(uploads()) : []);
  const sql = <T>(query: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T[]>(query, params);
  const status = async (jobId: string) => (await t.app.inject({ url: `/api/elections/${electionId}/roll/jobs/${jobId}`, headers: { cookie: organiser } })).json<{ state: string; message: string }>();
  const until = async <T>(read: () => Promise<T> | T, done: (value: T) => boolean): Promise<T> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'sek-roll-recovery-'));
    t = await createTestApp('roll_recovery', { env: { DATA_DIR: dataDir, UPLOAD_MAX_AGE_HOURS: '24' } });
    organiser = await t.login('sekretariat');
    municipalityId = (await sql<{ id: string }>('select id from municipality'))[0]!.id;
    const e = await t.app.inject({ method: 'POST', url: '/api/elections', headers: { cookie: organiser }, payload: { name: 'Rådgivende folkeavstemning om skolestruktur', type: 'folkeavstemning', electionDay: '2027-09-13' } });
    expect(e.statusCode).toBe(201);
    electionId = e.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fails an import whose process died when the queues start again, and deletes its upload', async () => {
    // Queued while no process works the queues, then "taken" by a process that died a minute ago.
    const res = await t.app.inject({ method: 'POST', url: `/api/elections/${electionId}/roll`, headers: { cookie: organiser, 'content-type': 'text/csv' }, payload: `${HEADER}\n` });
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json<{ jobId: string }>();
    expect(staged()).toHaveLength(1);
    const [job] = await sql<{ heartbeat_seconds: number }>('select heartbeat_seconds from pgboss.job where id = ?', [jobId]);
    expect(job!.heartbeat_seconds).toBe(30);
    await sql(`update pgboss.job set state = 'active', started_on = now() - interval '70 seconds', heartbeat_on = now() - interval '65 seconds' where id = ?`, [jobId]);
    // The staged file is older than the grace for files whose job is being queued.
    const file = path.join(uploads(), staged()[0]!);
    utimesSync(file, new Date(Date.now() - 10 * 60_000), new Date(Date.now() - 10 * 60_000));
    expect((await status(jobId)).state).toBe('running');

    await t.app.get(JobsService).startWorking();

    expect(await until(() => status(jobId), (s) => s.state === 'failed')).toMatchObject({ state: 'failed', message: expect.stringContaining('ingenting er lagret') });
    expect(await until(staged, (names) => names.length === 0)).toEqual([]);
  });

  it('deletes the upload when its job ends, completed or failed', async () => {
    for (const csv of [`${HEADER}\n`, 'ikke;et;manntall\n']) {
      const res = await t.app.inject({ method: 'POST', url: `/api/elections/${electionId}/roll`, headers: { cookie: organiser, 'content-type': 'text/csv' }, payload: csv });
      expect(res.statusCode).toBe(202);
      const { jobId } = res.json<{ jobId: string }>();
      const ended = await until(() => status(jobId), (s) => ['completed', 'failed'].includes(s.state));
      expect(['completed', 'failed']).toContain(ended.state);
      expect(staged()).toEqual([]);
    }
  });

  it('sweeps files no pending import refers to, keeps those that one does or that are just being queued', async () => {
    const roll = t.app.get(RollService);
    const now = Date.now();
    const write = (name: string, ageMinutes: number) => {
      const file = path.join(uploads(), name);
      writeFileSync(file, `${HEADER}\n`);
      utimesSync(file, new Date(now - ageMinutes * 60_000), new Date(now - ageMinutes * 60_000));
      return file;
    };
    write('roll-orphan.csv', 30);
    write('roll-just-written.csv', 1);
    const claimed = write('roll-claimed.csv', 30);
    write('roll-ancient.csv', 25 * 60);
    // A queued import that refers to its file (as if the queue is busy): not working it now.
    const jobs = t.app.get(JobsService);
    const queued = await jobs.send(ROLL_IMPORT_JOB, { electionId, municipalityId, file: claimed, userId: randomUUID(), userName: 'test', allowRejected: false });
    await sql(`update pgboss.job set start_after = now() + interval '1 hour' where id = ?`, [queued]);

    expect(await roll.sweepUploads(new Date(now))).toEqual({ deleted: 2 });
    expect(staged().sort()).toEqual(['roll-claimed.csv', 'roll-just-written.csv']);
    // Past UPLOAD_MAX_AGE_HOURS a file goes whatever refers to it.
    expect(await roll.sweepUploads(new Date(now + 25 * 3_600_000))).toEqual({ deleted: 2 });
    expect(staged()).toEqual([]);
  });
});
