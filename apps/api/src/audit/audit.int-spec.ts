import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { APP_ROLE, runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
import { Party } from '../bodies/party.entity.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { AuditService } from './audit.service.js';
import { AuditEntry } from './audit-entry.entity.js';

describe('audit log', () => {
  let t: TestApp;
  let municipalityId: string;

  beforeAll(async () => {
    t = await createTestApp('audit');
    municipalityId = (await t.orm.em.fork().getConnection().execute<{ id: string }[]>('select id from municipality'))[0]!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('records a sign-in with who, when and what', async () => {
    await t.login('admin');
    const rows = await t.orm.em.fork().getConnection().execute<Record<string, unknown>[]>(
      `select actor_name, action, entity_type, request_id, at from audit_log where action = 'auth.login'`,
    );
    expect(rows[0]).toMatchObject({ actor_name: 'admin', action: 'auth.login', entity_type: 'user' });
    expect(rows[0]!['request_id']).toBeTruthy();
  });

  it('is written in the same transaction as the change, and rolled back with it', async () => {
    const audit = t.app.get(AuditService);
    const scope = { municipalityId, actor: SYSTEM_ACTOR };
    await expect(
      runInTenant(t.orm, scope, async (em) => {
        const party = em.create(Party, { municipality: municipalityId, name: 'Testpartiet', shortName: 'TP' });
        audit.record({ action: 'party.create', entityType: 'party', entityId: party.id, after: { name: party.name } });
        await em.flush();
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await t.orm.em.fork().count(AuditEntry, { action: 'party.create' })).toBe(0);
    await runInTenant(t.orm, scope, async (em) => {
      const party = em.create(Party, { municipality: municipalityId, name: 'Testpartiet', shortName: 'TP' });
      audit.record({ action: 'party.create', entityType: 'party', entityId: party.id, before: null, after: { name: party.name } });
    });
    const entry = await t.orm.em.fork().findOneOrFail(AuditEntry, { action: 'party.create' });
    expect(entry.after).toEqual({ name: 'Testpartiet' });
    expect(entry.actorName).toBe('system');
  });

  it('cannot be changed or deleted, by the application role or the owner', async () => {
    const conn = t.orm.em.fork().getConnection();
    await expect(conn.execute(`update audit_log set action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(conn.execute('delete from audit_log')).rejects.toThrow(/append-only/);
    await expect(conn.execute('truncate audit_log')).rejects.toThrow(/append-only/);
    await expect(
      t.orm.em.fork().transactional(async (em) => {
        await em.execute(`select set_config('role', '${APP_ROLE}', true), set_config('app.municipality_id', ?, true)`, [municipalityId]);
        await em.execute(`update audit_log set action = 'x'`);
      }),
    ).rejects.toThrow(/permission denied/);
  });
});
