import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../test-support/test-app.js';

describe('sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('login', { env: { LOGIN_RATE_LIMIT: '3', COOKIE_SECURE: 'true' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores passwords as argon2id hashes', async () => {
    const rows = await t.orm.em.fork().getConnection().execute<{ password_hash: string }[]>('select password_hash from app_user');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('sets an httpOnly, SameSite, Secure session cookie whose token is stored only as a hash', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ADMIN', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sekretariat_sid')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
    const stored = await t.orm.em.fork().getConnection().execute<{ token_hash: string }[]>('select token_hash from app_session');
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie.value);
  });

  it('rate-limits sign-in attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'feil' }, remoteAddress: '10.9.9.9' });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(res.json().code).toBe('RATE_LIMITED');
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });

  it('an expired session is a visitor', async () => {
    const cookie = await t.login('politiker');
    await t.orm.em.fork().getConnection().execute(`update app_session set expires_at = now() - interval '1 minute'`);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json()).toEqual({ user: null });
  });
});
