import type { Pool, PoolClient, QueryResult } from 'pg';

/**
 * Statements starting with this comment may wait on their connection and travel with the next
 * statement (the tenant scope's `set_config`): they return no rows to the caller.
 */
export const DEFERRED = '/* deferred */';

interface Deferring {
  /** Statements not sent yet, oldest first; the first is always `begin`. */
  pending: string[];
  /** Whether the pending statements may be dropped when the transaction ends without a statement of its own. */
  droppable: boolean;
}

const EMPTY = (command: string): QueryResult => ({ command, rowCount: null, oid: 0, rows: [], fields: [] });
const state = new WeakMap<PoolClient, Deferring>();

/**
 * Saves round trips on every transaction of `pool`: `begin` and the deferred statements after it
 * are not sent alone but in front of the transaction's first real statement, as one simple-query
 * message (`begin; select set_config(…); select …`), which PostgreSQL runs in order with the same
 * meaning as separate messages. A transaction that sends no statement of its own costs nothing:
 * its `commit` or `rollback` is answered here. Only statements without bind parameters can travel
 * together (the extended protocol takes one statement); before one with parameters the pending
 * ones are sent on their own, in the same order.
 */
export function deferTransactionStart(pool: Pool): void {
  pool.on('connect', (client) => wrap(client));
  // Nothing pending survives a connection's return to the pool (a transaction is always ended first).
  pool.on('acquire', (client) => state.delete(client));
  pool.on('release', (_err: Error | undefined, client: PoolClient) => state.delete(client));
}

function wrap(client: PoolClient): void {
  const send = client.query.bind(client) as (text: unknown, values?: unknown) => unknown;
  const query = (text: unknown, values?: unknown, callback?: unknown): unknown => {
    if (callback !== undefined || typeof text !== 'string') return flushThen(client, send, () => send(text, values ?? callback));
    const statement = text.trim();
    const open = state.get(client);
    // Only the short transaction commands are compared without case (not every statement's whole text).
    const lower = statement.length <= 8 ? statement.toLowerCase() : '';
    if (lower === 'begin' && !open) {
      state.set(client, { pending: ['begin'], droppable: true });
      return Promise.resolve(EMPTY('BEGIN'));
    }
    if (!open) return send(text, values);
    if (statement.startsWith(DEFERRED)) {
      open.pending.push(statement);
      return Promise.resolve(EMPTY('SELECT'));
    }
    if ((lower === 'commit' || lower === 'rollback') && open.droppable) {
      state.delete(client);
      return Promise.resolve(EMPTY(lower.toUpperCase()));
    }
    state.delete(client);
    const hasValues = Array.isArray(values) && values.length > 0;
    if (hasValues) {
      void (send(open.pending.join(';\n')) as Promise<unknown>).catch(() => undefined);
      return send(text, values);
    }
    const skip = open.pending.length;
    return (send(`${open.pending.join(';\n')};\n${text}`) as Promise<QueryResult | QueryResult[]>).then((results) => {
      const own = (results as QueryResult[]).slice(skip);
      return own.length === 1 ? own[0] : own;
    });
  };
  client.query = query as PoolClient['query'];
}

/** Sends what is pending (without waiting: the client queues in order) before a query of another form. */
function flushThen(client: PoolClient, send: (text: unknown) => unknown, then: () => unknown): unknown {
  const open = state.get(client);
  if (open) {
    state.delete(client);
    void (send(open.pending.join(';\n')) as Promise<unknown>).catch(() => undefined);
  }
  return then();
}
