import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Caller } from '@sekretariat/contracts';
import { DEFERRED } from './deferred-begin.js';

/** The database role requests run as; row-level security applies to it. Created by the migrations. */
export const APP_ROLE = 'sekretariat_app';

/** Who is acting, for the audit log and for access checks in services. */
export interface Actor {
  userId: string | null;
  name: string;
  roles: readonly Caller[];
}

/** Where a request came from, for the audit log. */
export interface Client {
  /** The client's address (the proxy's `X-Forwarded-For` only with TRUST_PROXY). */
  address: string | null;
  userAgent: string | null;
}

/** The municipality and actor of the unit of work in progress. */
export interface TenantScope {
  municipalityId: string;
  actor: Actor;
  requestId?: string;
  client?: Client;
}

const scopeStorage = new AsyncLocalStorage<TenantScope>();

/** The scope of the current request or job; throws when called outside one. */
export function currentScope(): TenantScope {
  const scope = scopeStorage.getStore();
  if (!scope) throw new Error('No tenant scope: code that touches tenant data must run inside runInTenant()');
  return scope;
}

export const SYSTEM_ACTOR: Actor = { userId: null, name: 'system', roles: [] };

/**
 * Runs `fn` in one transaction as the application role, with `app.municipality_id` set so that
 * row-level security confines every statement to that municipality. Services that inject the
 * global EntityManager get this transaction's EntityManager while `fn` runs. `begin` and the
 * settings are sent in one message with the transaction's first statement (core/deferred-begin.ts),
 * so they always precede it, and a transaction without statements costs no round trip.
 */
export async function runInTenant<T>(
  orm: MikroORM,
  scope: TenantScope,
  fn: (em: EntityManager) => Promise<T>,
): Promise<T> {
  return orm.em.fork().transactional(async (em) => {
    await em.execute(
      `${DEFERRED} select set_config('role', '${APP_ROLE}', true), set_config('app.municipality_id', ?, true)`,
      [scope.municipalityId],
    );
    return scopeStorage.run(scope, () => fn(em));
  });
}

/** Runs `fn` as the application role with no municipality: row-level security hides all tenant rows. */
export async function runWithoutTenant<T>(orm: MikroORM, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  return orm.em.fork().transactional(async (em) => {
    await em.execute(`${DEFERRED} select set_config('role', '${APP_ROLE}', true)`);
    return fn(em);
  });
}
