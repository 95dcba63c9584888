import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const HEADER = 'organ;medlemstype;varanr;fornavn;etternavn;kjønn;parti;rolle;fra;til;epost;telefon';

/** Encodes text as Windows-1252, as Excel on Windows saves "CSV (semikolonseparert)". */
function windows1252(text: string): Buffer {
  const map: Record<string, number> = { æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5 };
  return Buffer.from([...text].map((c) => map[c] ?? c.charCodeAt(0)));
}

describe('CSV import of an election result', () => {
  let t: TestApp;
  let cookie: string;
  const counts = async () =>
    (await t.orm.em.fork().getConnection().execute<{ m: number; p: number }[]>(
      'select (select count(*) from membership)::int as m, (select count(*) from person)::int as p',
    ))[0]!;
  const post = (csv: string | Buffer, dryRun: boolean, contentType = 'text/csv') =>
    t.app.inject({ method: 'POST', url: `/api/register/import?dryRun=${dryRun}`, headers: { cookie, 'content-type': contentType }, payload: csv });

  beforeAll(async () => {
    t = await createTestApp('import');
    cookie = await t.login('sekretariat');
    const res = await t.app.inject({
      method: 'POST', url: '/api/bodies', headers: { cookie },
      payload: { name: 'Eldrerådet', kind: 'eldreraad', seats: 5, termFrom: '2023-10-01', termTo: '2027-09-30' },
    });
    expect(res.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  const good = [
    HEADER,
    'Eldrerådet;medlem;;Åse;Ødegård;K;Ap;leder;01.10.2023;;ase.odegard@example.org;',
    'Eldrerådet;medlem;;Kjell;Bråten;M;H;nestleder;01.10.2023;;;',
    'Eldrerådet;medlem;;Solveig;Mæland;K;Sp;;2023-10-01;;;',
    'Eldrerådet;vara;1;Håkon;Sørli;M;Ap;;01.10.2023;;;',
    'Eldrerådet;vara;2;Bjørg;Strøm;K;Ap;;01.10.2023;;;',
    'Eldrerådet;vara;1;Ingrid;Lien;K;H;;01.10.2023;;;',
  ].join('\r\n');

  it('reports every problem by line and field in a dry run, and writes nothing', async () => {
    const before = await counts();
    const csv = [
      HEADER,
      'Eldrerådet;medlem;;Åse;Ødegård;K;Ap;leder;01.10.2023;;;',
      'Eldrerådet;medlem;;Kjell;Bråten;X;Partiet;sjef;31.02.2024;;ikke-epost;',
      'Ukjentrådet;vara;1;Per;Hansen;M;Ap;;01.10.2023;;;',
      'Eldrerådet;vara;1;Håkon;Sørli;M;Ap;;01.10.2023;;;',
      'Eldrerådet;vara;3;Bjørg;Strøm;K;Ap;;01.10.2023;;;',
      'Eldrerådet;medlem;;Solveig;Mæland;K;Sp;;01.10.2023;30.09.2023;;',
    ].join('\n');
    const res = await post(csv, true);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { line: 3, field: 'kjonn', message: 'Bruk K, M eller A.' },
      { line: 3, field: 'parti', message: 'Ukjent parti «Partiet».' },
      { line: 3, field: 'rolle', message: 'Bruk leder, nestleder eller medlem.' },
      { line: 3, field: 'fra', message: 'Ugyldig dato: bruk DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD.' },
      { line: 3, field: 'epost', message: 'Ugyldig e-postadresse.' },
      { line: 4, field: 'organ', message: 'Ukjent organ «Ukjentrådet». Opprett organet først.' },
      { line: 6, field: 'varanr', message: 'Eldrerådet: Varalista for Ap mangler nr. 2 (hopper til 3).' },
      { line: 7, field: 'til', message: 'Slutt kan ikke være før start.' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a wrong header, naming the columns', async () => {
    const res = await post('navn;parti\nÅse;Ap', true);
    const report = res.json();
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0].message).toMatch(/Feil overskriftslinje \(mangler organ, medlemstype.*ukjente kolonner: navn/);
  });

  it('a real run with problems answers 400 and writes nothing', async () => {
    const before = await counts();
    const res = await post(good.replace('vara;2;Bjørg', 'vara;4;Bjørg'), false);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'IMPORT_INVALID', fields: [{ path: 'linje 6, varanr' }] });
    expect(await counts()).toEqual(before);
  });

  it('reads a Windows-1252 file with æøå, and imports in one transaction', async () => {
    const dry = (await post(windows1252(good), true)).json();
    expect(dry).toMatchObject({ ok: true, dryRun: true, encoding: 'windows-1252', rows: 6, summary: { people: 6, memberships: 6, bodies: ['Eldrerådet'] } });
    const before = await counts();
    const res = await post(windows1252(good), false);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, dryRun: false });
    expect(await counts()).toEqual({ m: before.m + 6, p: before.p + 6 });
    const body = (await t.app.inject({ url: '/api/bodies', headers: { cookie } })).json().items.find((b: { name: string }) => b.name === 'Eldrerådet');
    const detail = (await t.app.inject({ url: `/api/bodies/${body.id}`, headers: { cookie } })).json();
    expect(detail.members.map((m: { name: string }) => m.name)).toEqual(['Åse Ødegård', 'Kjell Bråten', 'Solveig Mæland']);
    expect(detail.substitutes.map((s: { name: string; rank: number }) => `${s.rank} ${s.name}`)).toEqual(['1 Håkon Sørli', '2 Bjørg Strøm', '1 Ingrid Lien']);
  });

  it('refuses importing the same people again, as overlapping memberships', async () => {
    const report = (await post(good, true)).json();
    expect(report.ok).toBe(false);
    expect(report.encoding).toBe('utf-8');
    expect(report.problems[0]).toEqual({ line: 2, field: 'fornavn', message: 'Åse Ødegård har allerede en plass i Eldrerådet fra 2023-10-01.' });
  });

  it('takes CSV only as text/csv, and refuses an empty file', async () => {
    expect((await post('', true)).json().code).toBe('IMPORT_EMPTY');
    const json = await t.app.inject({ method: 'POST', url: '/api/register/import', headers: { cookie }, payload: { csv: 'x' } });
    expect(json.statusCode).toBe(415);
  });
});
