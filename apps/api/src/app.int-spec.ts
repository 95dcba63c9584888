import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './test-support/test-app.js';

describe('the application', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('app');
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers liveness and readiness', async () => {
    expect((await t.app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', database: true, migrationsPending: 0 });
  });

  it('signs in, lists bodies and signs out', async () => {
    const cookie = await t.login('sekretariat');
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json().user.roles).toEqual(['secretariat']);
    const bodies = await t.app.inject({ url: '/api/bodies', headers: { cookie } });
    expect(bodies.statusCode).toBe(200);
    const names = bodies.json().items.map((b: { name: string }) => b.name);
    expect(names).toEqual(expect.arrayContaining(['Kommunestyret', 'Formannskapet']));
    const ks = bodies.json().items.find((b: { name: string }) => b.name === 'Kommunestyret');
    expect(ks.memberCount).toBe(27);

    const detail = await t.app.inject({ url: `/api/bodies/${ks.id}`, headers: { cookie } });
    expect(detail.json().members).toHaveLength(27);
    expect(detail.json().members[0].role).toBe('leader');
    expect(detail.json().members[0].email).toMatch(/@/);

    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/bodies', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses a wrong password with a stable code', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'nei' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', message: 'Feil brukernavn eller passord.' });
  });

  it('serves the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/openapi.json' })).json();
    expect(doc.openapi).toBe('3.0.3');
    expect(doc.paths['/api/bodies/{id}'].get['x-roles']).toContain('secretariat');
    expect(doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
  });
});
