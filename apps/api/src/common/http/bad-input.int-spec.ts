import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

/** Bad input gets a 4xx with a stable code and a readable message, and nothing is written. */
describe('bad input', () => {
  let t: TestApp;
  let cookie: string;
  const counts = async () =>
    (await t.orm.em.fork().getConnection().execute<{ s: number; a: number }[]>(
      'select (select count(*) from app_session)::int as s, (select count(*) from audit_log)::int as a',
    ))[0]!;

  beforeAll(async () => {
    t = await createTestApp('badinput', { env: { BODY_LIMIT_BYTES: '2048' } });
    cookie = await t.login('sekretariat');
  });
  afterAll(async () => {
    await t.close();
  });

  const login = (payload: string, contentType = 'application/json') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload, headers: { 'content-type': contentType } });

  it.each([
    ['malformed JSON', '{"username": "admin", ', 400, 'MALFORMED_JSON'],
    ['wrong types', '{"username": 42, "password": true}', 400, 'VALIDATION_FAILED'],
    ['unknown fields', '{"username": "admin", "password": "x", "isAdmin": true}', 400, 'VALIDATION_FAILED'],
    ['missing fields', '{}', 400, 'VALIDATION_FAILED'],
    ['an oversized body', JSON.stringify({ username: 'admin', password: 'x'.repeat(5000) }), 413, 'PAYLOAD_TOO_LARGE'],
  ])('%s', async (_, payload, status, code) => {
    const before = await counts();
    const res = await login(payload);
    expect(res.statusCode).toBe(status);
    const body = res.json();
    expect(body.code).toBe(code);
    expect(body.message).toMatch(/\S/);
    expect(body.requestId).toBeTruthy();
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
    expect(await counts()).toEqual(before);
  });

  it('lists the bad fields', async () => {
    const res = await login('{"username": 42, "extra": 1}');
    const paths = res.json().fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['username', 'password', '(root)']));
    expect(res.json().fields.find((f: { path: string }) => f.path === '(root)').message).toContain('extra');
  });

  it('refuses a content type other than JSON', async () => {
    const res = await login('username=admin', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses an invalid id', async () => {
    const res = await t.app.inject({ url: '/api/bodies/not-a-uuid', headers: { cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'id' }] });
  });

  it('answers an unknown id with 404', async () => {
    const res = await t.app.inject({ url: '/api/bodies/00000000-0000-4000-8000-000000000000', headers: { cookie } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: 'Fant ikke organet.' });
  });

  it('answers an unknown API route with a JSON 404, and other paths with the web app', async () => {
    const api = await t.app.inject({ url: '/api/finnes-ikke' });
    expect(api.statusCode).toBe(404);
    expect(api.json().code).toBe('NOT_FOUND');
  });
});
