import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { syntheticPersonalNumbers } from '../test-support/synthetic.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { CLOCK, type Clock } from './clock.js';
import { RollService } from './roll.service.js';

const HEADER = 'fodselsnummer;fornavn;etternavn;fodselsdato;adresse;kommunenummer;krets';
// Synthetic numbers (month + 80) with valid control digits, for dates that do not exist.
const APRIL_31 = '31849000031';
const FEB_29_2023 = '29822350052';
const FEB_29_1900 = '29820000100';
const FEB_29_2024 = '29822450073'; // exists

/** Personal numbers with impossible dates, and lines PostgreSQL cannot store, in the roll, the counter and the register. */
describe('personal numbers with impossible dates and bad roll lines', () => {
  let t: TestApp;
  let organiser: string;
  let clerk: string;
  let electionId: string;
  let placeId: string;
  let municipalityId: string;
  const voters = syntheticPersonalNumbers(4, 1000);
  const line = (pn: string, birthDate: string, name = 'Åse') => `${pn};${name};Ødegård;${birthDate};Storgata 1;9901;0001 Sentrum`;
  const rollFile = (content: string | Buffer) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sek-roll-')), 'roll.csv');
    writeFileSync(file, content);
    return file;
  };
  // Line 2 and 6 are good; 3 has a number for 31 April, 4 a birth date 29 February 2023, 5 a NUL byte in the name.
  const badLines = () =>
    Buffer.concat([
      Buffer.from([HEADER, line(voters[0]!.personalNumber, voters[0]!.birthDate), line(APRIL_31, '1990-04-30'), line(voters[1]!.personalNumber, '2023-02-29'), ''].join('\n')),
      Buffer.from(line(voters[2]!.personalNumber, voters[2]!.birthDate, 'Å\u0000se') + '\n'),
      Buffer.from(line(voters[3]!.personalNumber, voters[3]!.birthDate) + '\n'),
    ]);
  const expectedRejected = [
    { line: 3, message: 'Fødselsnummer 318490*****: Datodelen er ikke en gyldig dato.' },
    { line: 4, message: 'Ugyldig fødselsdato «2023-02-29»: datoen finnes ikke.' },
    { line: 5, message: 'Linjen inneholder tegn som ikke er tillatt (kontrolltegn som NUL).' },
  ];
  const inRoll = async () =>
    (await t.orm.em.fork().getConnection().execute<{ personal_number: string }[]>('select personal_number from roll_voter where election_id = ? order by personal_number', [electionId])).map((r) => r.personal_number);
  const importFile = (file: string, allowRejected: boolean) =>
    t.app.get(RollService).importFile({ electionId, municipalityId, file, userId: randomUUID(), userName: 'test', allowRejected });

  beforeAll(async () => {
    t = await createTestApp('personalnumbers');
    organiser = await t.login('sekretariat');
    clerk = await t.login('valgmedarbeider');
    municipalityId = (await t.orm.em.fork().getConnection().execute<{ id: string }[]>('select id from municipality'))[0]!.id;
    const e = await t.app.inject({ method: 'POST', url: '/api/elections', headers: { cookie: organiser }, payload: { name: 'Rådgivende folkeavstemning', type: 'folkeavstemning', electionDay: '2027-09-13' } });
    expect(e.statusCode).toBe(201);
    electionId = e.json().id;
    const p = await t.app.inject({
      method: 'POST', url: `/api/elections/${electionId}/places`, headers: { cookie: organiser },
      payload: { name: 'Servicetorget', address: 'Rådhuset', openingHours: [{ date: '2027-09-01', from: '08:00', to: '20:00' }], staff: ['valgmedarbeider'] },
    });
    expect(p.statusCode).toBe(201);
    placeId = p.json().id;
    t.app.get<Clock>(CLOCK, { strict: false }).now = () => new Date('2027-09-01T10:00:00+02:00');
  });
  afterAll(async () => {
    await t.close();
  });

  it('the roll import rejects a bad date or a NUL byte as lines with their numbers, and imports nothing by default', async () => {
    const r = await importFile(rollFile(badLines()), false);
    expect(r).toMatchObject({ committed: false, imported: 0, rejectedCount: 3, message: '3 linjer ble avvist. Ingenting er lagret.' });
    expect(r.rejected).toEqual(expectedRejected);
    expect(await inRoll()).toEqual([]);
  });

  it('with allowRejected the other lines are imported and the bad ones listed', async () => {
    const r = await importFile(rollFile(badLines()), true);
    expect(r).toMatchObject({ committed: true, imported: 2, rejectedCount: 3 });
    expect(r.rejected).toEqual(expectedRejected);
    expect(JSON.stringify(r)).not.toMatch(/invalid|byte sequence|COPY|0x00/i);
    expect(await inRoll()).toEqual([voters[0]!.personalNumber, voters[3]!.personalNumber].sort());
  });

  it('the roll import rejects birth dates that do not exist or are too early', async () => {
    const lines = [HEADER, line(voters[0]!.personalNumber, '1900-02-29'), line(voters[1]!.personalNumber, '2023-04-31'), line(voters[2]!.personalNumber, '0000-01-01'), line(voters[3]!.personalNumber, '2024-02-29')];
    const r = await importFile(rollFile(lines.join('\n') + '\n'), true);
    expect(r.rejected).toEqual([
      { line: 2, message: 'Ugyldig fødselsdato «1900-02-29»: datoen finnes ikke.' },
      { line: 3, message: 'Ugyldig fødselsdato «2023-04-31»: datoen finnes ikke.' },
      { line: 4, message: 'Ugyldig fødselsdato «0000-01-01»: før 1854.' },
    ]);
    expect(r).toMatchObject({ committed: true, imported: 1 });
  });

  it('the counter refuses numbers for 31 April and 29 February of a year that is not a leap year', async () => {
    for (const pn of [APRIL_31, FEB_29_2023, FEB_29_1900]) {
      const look = await t.app.inject({ url: `/api/elections/${electionId}/lookup?personalNumber=${pn}`, headers: { cookie: clerk } });
      expect({ status: look.statusCode, code: look.json().code, message: look.json().message }).toEqual({ status: 400, code: 'INVALID_PERSONAL_NUMBER', message: 'Datodelen er ikke en gyldig dato.' });
      const reg = await t.app.inject({
        method: 'POST', url: `/api/elections/${electionId}/votes`, headers: { cookie: clerk },
        payload: { personalNumber: pn, votingPlaceId: placeId, identityChecked: true, idempotencyKey: randomUUID(), envelopeSerial: null },
      });
      expect({ status: reg.statusCode, code: reg.json().code }).toEqual({ status: 400, code: 'INVALID_PERSONAL_NUMBER' });
    }
    const leap = await t.app.inject({ url: `/api/elections/${electionId}/lookup?personalNumber=${FEB_29_2024}`, headers: { cookie: clerk } });
    expect(leap.json()).toMatchObject({ status: 'not_in_roll' });
  });

  it('the register refuses a person with a number for 31 April, and takes 29 February 2024', async () => {
    const person = (personalNumber: string) =>
      t.app.inject({ method: 'POST', url: '/api/people', headers: { cookie: organiser }, payload: { givenName: 'Åse', familyName: 'Ødegård', gender: 'female', personalNumber } });
    const bad = await person(APRIL_31);
    expect({ status: bad.statusCode, code: bad.json().code, fields: bad.json().fields }).toEqual({
      status: 400, code: 'INVALID_PERSONAL_NUMBER', fields: [{ path: 'personalNumber', message: 'Datodelen er ikke en gyldig dato.' }],
    });
    expect((await person(FEB_29_2023)).statusCode).toBe(400);
    expect((await person(FEB_29_2024)).statusCode).toBe(201);
  });
});
