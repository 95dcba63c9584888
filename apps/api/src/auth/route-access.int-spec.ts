import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROLES, type Caller } from '@sekretariat/contracts';
import { RouteTable } from '../openapi/route-table.js';
import { DEMO_USERS } from '../database/seed/seed-municipality.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Walks the whole route table: every route must declare its roles, and must refuse each caller
 * whose role it does not admit (401 for visitors, 403 for signed-in users).
 */
/** A well-formed body of each kind, so that the refusal seen is the role check's, not the content-type check's. */
const BODIES = {
  json: { type: 'application/json', payload: '{}' },
  csv: { type: 'text/csv', payload: 'a\n' },
  multipart: { type: 'multipart/form-data; boundary=x', payload: '--x\r\nContent-Disposition: form-data; name="title"\r\n\r\nt\r\n--x--\r\n' },
} as const;

describe('route access', () => {
  let t: TestApp;
  const cookies = new Map<Caller, string | undefined>();

  beforeAll(async () => {
    t = await createTestApp('routes');
    cookies.set('public', undefined);
    for (const role of ROLES) {
      const user = DEMO_USERS.find((u) => u.roles.length === 1 && u.roles[0] === role)!;
      cookies.set(role, await t.login(user.username));
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('has routes, and every route declares who may call it', () => {
    const routes = t.app.get(RouteTable).routes();
    expect(routes.length).toBeGreaterThan(8);
    const undeclared = routes.filter((r) => !r.allow || r.allow.length === 0);
    expect(undeclared.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('refuses every caller without a permitted role', async () => {
    const routes = t.app.get(RouteTable).routes();
    const checked: string[] = [];
    for (const route of routes) {
      if (route.allow!.includes('public')) continue;
      const url = route.path
        .replace(':municipality', 'demo')
        .replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      for (const caller of ['public', ...ROLES] as Caller[]) {
        if (route.allow!.includes(caller)) continue;
        const cookie = cookies.get(caller);
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: { ...(cookie ? { cookie } : {}), ...(route.method === 'GET' ? {} : { 'content-type': BODIES[route.accepts].type }) },
          ...(route.method === 'GET' ? {} : { payload: BODIES[route.accepts].payload }),
        });
        expect({ route: `${route.method} ${route.path}`, caller, status: res.statusCode }).toEqual({
          route: `${route.method} ${route.path}`,
          caller,
          status: caller === 'public' ? 401 : 403,
        });
        checked.push(`${route.method} ${route.path} as ${caller}`);
      }
    }
    expect(checked.length).toBeGreaterThan(0);
  });

  it("gives the weddings' records (a couple's data, the statistics) to the wedding staff and admins only", () => {
    const routes = t.app.get(RouteTable).routes();
    const records = ['/api/weddings/bookings/:id/export', '/api/weddings/statistics', '/api/weddings/statistics.csv'].map((path) => {
      const route = routes.find((r) => r.method === 'GET' && r.path === path);
      return { path, allow: route ? [...route.allow!].sort() : null };
    });
    expect(records).toEqual(records.map(({ path }) => ({ path, allow: ['admin', 'wedding_staff'] })));
  });

  it("gives the weddings' officiant and document routes their roles", () => {
    const allowed = new Map(t.app.get(RouteTable).routes().map((r) => [`${r.method} ${r.path}`, [...(r.allow ?? [])].sort()]));
    expect({
      mine: allowed.get('GET /api/weddings/my/ceremonies'),
      one: allowed.get('GET /api/weddings/my/ceremonies/:id'),
      myDayList: allowed.get('GET /api/weddings/my/day-list.pdf'),
      dayList: allowed.get('GET /api/weddings/day-list.pdf'),
      confirmation: allowed.get('GET /api/public/:municipality/weddings/manage/:reference/confirmation.pdf'),
    }).toEqual({
      mine: ['wedding_officiant'],
      one: ['wedding_officiant'],
      myDayList: ['wedding_officiant'],
      dayList: ['admin', 'wedding_staff'],
      confirmation: ['public'],
    });
  });

  it("gives the elections' envelope register, the board's record, the settings and the counter's figures their roles", () => {
    const allowed = new Map(t.app.get(RouteTable).routes().map((r) => [`${r.method} ${r.path}`, [...(r.allow ?? [])].sort()]));
    expect({
      register: allowed.get('GET /api/elections/:id/envelopes'),
      sent: allowed.get('POST /api/elections/:id/envelopes/sent'),
      received: allowed.get('POST /api/elections/:id/envelopes/received'),
      decision: allowed.get('POST /api/elections/:id/envelopes/received/:envelopeId/decision'),
      boardRecord: allowed.get('GET /api/elections/:id/board-record.pdf'),
      settings: allowed.get('GET /api/elections/:id/settings'),
      saveSettings: allowed.get('PUT /api/elections/:id/settings'),
      counts: allowed.get('GET /api/elections/:id/places/:placeId/counts'),
    }).toEqual({
      register: ['admin', 'election_board', 'secretariat'],
      sent: ['admin', 'election_board', 'secretariat'],
      received: ['admin', 'election_board', 'secretariat'],
      decision: ['election_board'],
      boardRecord: ['admin', 'election_board', 'election_staff'],
      settings: ['admin', 'election_board', 'secretariat'],
      saveSettings: ['admin', 'election_board'],
      counts: ['admin', 'election_board', 'election_staff', 'secretariat'],
    });
  });

  it('has the outreach routes: staff do, the board reads, the public only applies', () => {
    const routes = t.app.get(RouteTable).routes().filter((r) => r.path.includes('outreach'));
    const allow = (method: string, path: string) => routes.find((r) => r.method === method && r.path === path)?.allow?.slice().sort();
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(allow('POST', '/api/public/:municipality/outreach/applications')).toEqual(['public']);
    expect(allow('GET', '/api/outreach/elections/:id/applications')).toEqual(['admin', 'election_board', 'election_staff']);
    expect(allow('POST', '/api/outreach/routes/:id/marks')).toEqual(['admin', 'election_staff']);
    expect(allow('POST', '/api/outreach/elections/:id/applications')).toEqual(['admin', 'election_staff']);
    const publicOnes = routes.filter((r) => r.allow!.includes('public')).map((r) => `${r.method} ${r.path}`).sort();
    expect(publicOnes).toEqual(['GET /api/public/:municipality/outreach/info', 'POST /api/public/:municipality/outreach/applications']);
  });

  it("gives the secretariat's start page to the editors only", () => {
    const route = t.app.get(RouteTable).routes().find((r) => r.method === 'GET' && r.path === '/api/start/secretariat');
    expect([...(route?.allow ?? [])].sort()).toEqual(['admin', 'secretariat']);
  });

  it('denies a route that declares no roles', async () => {
    // The guard's default: a handler without @Allow is refused even to admins.
    const { AuthGuard } = await import('./auth.guard.js');
    const { Reflector } = await import('@nestjs/core');
    const guard = new AuthGuard(new Reflector(), t.orm);
    const context = {
      getHandler: () => function undeclared() {},
      getClass: () => class Undeclared {},
      switchToHttp: () => ({ getRequest: () => ({ cookies: {}, method: 'GET', routeOptions: { url: '/x' } }) }),
    };
    await expect(guard.canActivate(context as never)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
