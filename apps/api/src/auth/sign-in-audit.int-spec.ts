import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Logger, type LoggerService } from '@nestjs/common';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../test-support/test-app.js';

interface Row {
  action: string;
  actor_name: string;
  entity_id: string;
  after: { username?: string; reason?: string } | null;
  client_address: string | null;
  user_agent: string | null;
}

/** Sign-ins, failed sign-ins and sign-outs in the audit log, with where they came from. */
describe('sign-in audit', () => {
  let t: TestApp;
  const PASSWORD_TRIED = 'Hemmelig-passord-99';
  /** Every line the application logs through Nest's logger, with its level. */
  const lines: { level: string; text: string }[] = [];
  const capture = (level: string) => (...args: unknown[]) => void lines.push({ level, text: args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') });
  const logger: LoggerService = { log: capture('log'), warn: capture('warn'), error: capture('error'), debug: capture('debug'), verbose: capture('verbose'), fatal: capture('fatal') };
  beforeAll(async () => {
    // Behind a proxy: the client address is the one X-Forwarded-For gives.
    t = await createTestApp('sign_in_audit', { env: { LOGIN_RATE_LIMIT: '3', TRUST_PROXY: 'true' } });
    Logger.overrideLogger(logger);
  });
  afterAll(async () => {
    await t.close();
  });

  const login = (username: string, password: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress, headers: { 'user-agent': 'Testleser/1.0' } });
  const rows = (action: string) =>
    t.orm.em.fork().execute<Row[]>(`select action, actor_name, entity_id, after, client_address, user_agent from audit_log where action = ? order by id`, [action]);

  it('records a wrong password and an unknown user with the address, the reason and never the password', async () => {
    expect((await login('politiker', PASSWORD_TRIED, '10.2.0.1')).statusCode).toBe(401);
    expect((await login('12345678901', PASSWORD_TRIED, '10.2.0.2')).statusCode).toBe(401);
    const failed = await rows('auth.login_failed');
    expect(failed.map((r) => ({ name: r.actor_name, reason: r.after?.reason, address: r.client_address, agent: r.user_agent }))).toEqual([
      { name: 'politiker', reason: 'wrong_password', address: '10.2.0.1', agent: 'Testleser/1.0' },
      // A user name that looks like a personal number is masked, as in the logs.
      { name: '123456*****', reason: 'unknown_user', address: '10.2.0.2', agent: 'Testleser/1.0' },
    ]);
    const [politiker] = await t.orm.em.fork().execute<{ id: string }[]>(`select id from app_user where username = 'politiker'`);
    expect(failed[0]!.entity_id).toBe(politiker!.id);
    const everything = JSON.stringify(await t.orm.em.fork().execute('select * from audit_log'));
    expect(everything).not.toContain(PASSWORD_TRIED);
    expect(everything).not.toContain('12345678901');
    // Logged at warn, with the address and the reason; the password and the number in no line.
    expect(lines.filter((l) => l.text.includes('Failed sign-in')).map((l) => l.level)).toEqual(['warn', 'warn']);
    expect(lines.find((l) => l.text.includes('10.2.0.1'))?.text).toContain('wrong_password');
    expect(lines.filter((l) => l.text.includes(PASSWORD_TRIED) || l.text.includes('12345678901'))).toEqual([]);
  });

  it('records the first attempt refused by the rate limit in each window, with the address', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await login('politiker', `${PASSWORD_TRIED}-${i}`, '10.2.0.9')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const refused = (await rows('auth.login_failed')).filter((r) => r.client_address === '10.2.0.9');
    expect(refused.map((r) => r.after?.reason)).toEqual(['wrong_password', 'wrong_password', 'wrong_password', 'rate_limited']);
    expect(refused[3]!.actor_name).toBe('politiker');
    // A new window while the client is still blocked: its first refusal is recorded too.
    await t.orm.em.fork().getConnection().execute(`update rate_limit set window_ends_at = now() - interval '1 second'`);
    expect((await login('politiker', PASSWORD_TRIED, '10.2.0.9')).statusCode).toBe(429);
    expect((await rows('auth.login_failed')).filter((r) => r.after?.reason === 'rate_limited')).toHaveLength(2);
    const everything = JSON.stringify(await t.orm.em.fork().execute('select * from audit_log'));
    expect(everything).not.toContain(PASSWORD_TRIED);
    expect(lines.filter((l) => l.text.includes(PASSWORD_TRIED))).toEqual([]);
  });

  it('takes the address from X-Forwarded-For with TRUST_PROXY', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: PASSWORD_TRIED }, remoteAddress: '10.2.0.10', headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(res.statusCode).toBe(401);
    const [last] = await t.orm.em.fork().execute<Row[]>(`select client_address from audit_log where action = 'auth.login_failed' order by id desc limit 1`);
    expect(last!.client_address).toBe('203.0.113.7');
  });

  it('records a sign-in and a sign-out with the address', async () => {
    const res = await login('sekretariat', TEST_PASSWORD, '10.2.0.3');
    expect(res.statusCode).toBe(200);
    const cookie = `sekretariat_sid=${res.cookies.find((c) => c.name === 'sekretariat_sid')!.value}`;
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'content-type': 'application/json' }, payload: {}, remoteAddress: '10.2.0.4' })).statusCode).toBe(204);
    expect((await rows('auth.login')).map((r) => [r.actor_name, r.client_address])).toEqual([['sekretariat', '10.2.0.3']]);
    expect((await rows('auth.logout')).map((r) => [r.actor_name, r.client_address])).toEqual([['sekretariat', '10.2.0.4']]);
  });

  it('keeps the address on changes made over HTTP too', async () => {
    const cookie = await t.login('sekretariat');
    const res = await t.app.inject({ method: 'POST', url: '/api/cases', headers: { cookie }, payload: { archiveReference: '26/77', title: 'Sak med adresse' }, remoteAddress: '10.2.0.5' });
    expect(res.statusCode).toBe(201);
    const [entry] = await t.orm.em.fork().execute<Row[]>(`select client_address from audit_log where action like 'case.%' order by id desc limit 1`);
    expect(entry!.client_address).toBe('10.2.0.5');
  });
});
