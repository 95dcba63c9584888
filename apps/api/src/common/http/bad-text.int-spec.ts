import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * NUL, other control characters and lone surrogates are bad input wherever text comes in: 400
 * INVALID_TEXT naming the field, at the validation layer, and nothing is written.
 */
describe('text the API does not take', () => {
  let t: TestApp;
  let cookie: string;
  let caseId: string;
  const counts = async () =>
    (await t.orm.em.fork().getConnection().execute<Record<string, number>[]>(
      `select (select count(*) from person)::int as person, (select count(*) from political_case)::int as "case",
              (select count(*) from case_document)::int as document, (select count(*) from membership)::int as membership,
              (select count(*) from app_session)::int as session, (select count(*) from audit_log)::int as audit`,
    ))[0]!;
  const json = (method: 'POST' | 'PUT' | 'GET', url: string, payload?: string, auth = true) =>
    t.app.inject({ method, url, headers: { ...(auth ? { cookie } : {}), ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload } : {}) });
  const multipart = (fields: Record<string, string>, filename: string) => {
    const boundary = '----sekretariat-test-boundary';
    const parts = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`));
    return t.app.inject({
      method: 'POST', url: `/api/cases/${caseId}/documents`, payload: Buffer.concat(parts),
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  };
  const expectRefused = async (send: () => Promise<{ statusCode: number; json: () => { code: string; message: string; fields?: { path: string }[] } }>, path: string) => {
    const before = await counts();
    const res = await send();
    expect({ status: res.statusCode, code: res.json().code, fields: res.json().fields?.map((f) => f.path) }).toEqual({ status: 400, code: 'INVALID_TEXT', fields: [path] });
    expect(res.json().message).toMatch(/tegn som ikke er tillatt/);
    expect(await counts()).toEqual(before);
  };

  beforeAll(async () => {
    t = await createTestApp('badtext');
    cookie = await t.login('sekretariat');
    const c = await json('POST', '/api/cases', JSON.stringify({ archiveReference: '2026/77', title: 'Ny barnehage' }));
    expect(c.statusCode).toBe(201);
    caseId = c.json().id;
  });
  afterAll(async () => {
    await t.close();
  });

  const person = { givenName: 'Åse', familyName: 'Ødegård', gender: 'female' };

  it.each([
    ['a NUL in a person’s name', 'POST', '/api/people', JSON.stringify({ ...person, givenName: 'Å\u0000se' }), 'givenName'],
    ['a lone surrogate in a person’s name (escaped in the JSON)', 'POST', '/api/people', JSON.stringify(person).replace('Ødegård', 'Øde\\ud800gård'), 'familyName'],
    ['a lone low surrogate', 'POST', '/api/people', JSON.stringify(person).replace('Åse', '\\udc00'), 'givenName'],
    ['another control character (escape)', 'POST', '/api/people', JSON.stringify({ ...person, givenName: '\u001b[31mÅse' }), 'givenName'],
    ['a NUL in a JSON key', 'POST', '/api/people', JSON.stringify({ ...person, 'x\u0000': 1 }), '(root)'],
    ['a NUL in a case title', 'POST', '/api/cases', JSON.stringify({ archiveReference: '2026/78', title: 'Ny\u0000skole' }), 'title'],
    ['a NUL in a changed case title', 'PUT', '/api/cases/:case', JSON.stringify({ archiveReference: '2026/77', title: 'Ny\u0000barnehage' }), 'title'],
  ] as const)('%s', async (_, method, url, payload, path) => {
    await expectRefused(() => json(method, url.replace(':case', caseId), payload), path);
  });

  it.each([
    ['a NUL in the staff search', '/api/search?q=%00', 'q'],
    ['a NUL in the public search', '/api/public/demo/search?q=abc%00', 'q'],
    ['a NUL in a case search', '/api/cases?q=%00', 'q'],
    ['a control character in a query string the route has no schema for', '/api/bodies?filter=%01', 'filter'],
    ['a NUL in a path parameter', '/api/bodies/%00', 'id'],
  ])('%s', async (_, url, path) => {
    await expectRefused(() => json('GET', url, undefined, !url.includes('/public/')), path);
  });

  it('a NUL or a lone surrogate in the login user name, and no session is made', async () => {
    await expectRefused(() => json('POST', '/api/auth/login', JSON.stringify({ username: 'sekretariat\u0000', password: 'x' }), false), 'username');
    await expectRefused(() => json('POST', '/api/auth/login', '{"username":"sekretariat\\ud800","password":"x"}', false), 'username');
  });

  it('a NUL in a multipart text field or file name', async () => {
    await expectRefused(() => multipart({ title: 'Vedlegg\u0000' }, 'vedlegg.pdf'), 'title');
    await expectRefused(() => multipart({ title: 'Vedlegg' }, 'ved\u0001legg.pdf'), 'file');
  });

  it('takes tabs, line breaks, Norwegian letters and emoji', async () => {
    const res = await json('POST', '/api/people', JSON.stringify({ ...person, givenName: 'Åse 🗳️' }));
    expect(res.statusCode).toBe(201);
    const c = await json('PUT', `/api/cases/${caseId}`, JSON.stringify({ archiveReference: '2026/77', title: 'Ny barnehage', summary: 'Linje 1\r\nLinje 2\tmed tab' }));
    expect(c.statusCode).toBe(200);
  });

  it('the member import refuses a line with a NUL as a problem of that line, and writes nothing', async () => {
    const before = await counts();
    const csv = [
      'organ;medlemstype;varanr;fornavn;etternavn;kjønn;parti;rolle;fra;til;epost;telefon',
      'Kommunestyret;medlem;;Å\u0000se;Ødegård;K;Ap;;01.10.2023;;;',
    ].join('\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/register/import?dryRun=false', headers: { cookie, 'content-type': 'text/csv' }, payload: csv });
    expect({ status: res.statusCode, code: res.json().code }).toEqual({ status: 400, code: 'IMPORT_INVALID' });
    expect(res.json().fields).toContainEqual({ path: 'linje 2, fornavn', message: expect.stringMatching(/tegn som ikke er tillatt/) });
    expect(await counts()).toEqual(before);
  });
});
