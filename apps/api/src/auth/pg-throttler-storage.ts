import type { MikroORM } from '@mikro-orm/postgresql';
import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Row {
  hits: number;
  expires_in: number;
  blocked_for: number;
}

/**
 * @nestjs/throttler's counts in PostgreSQL (table `rate_limit`), so that every API process sees
 * the same number of sign-in attempts per client: a fixed window per key, counted and blocked in
 * one upsert, so concurrent hits on different processes are never lost.
 */
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly orm: MikroORM) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const [row] = await this.orm.em.fork().getConnection().execute<Row[]>(
      `insert into rate_limit as r (key, throttler, hits, window_ends_at, blocked_until)
       values (?, ?, 1, now() + make_interval(secs => ?), null)
       on conflict (key, throttler) do update set
         hits = case when r.window_ends_at <= now() then 1 else r.hits + 1 end,
         window_ends_at = case when r.window_ends_at <= now() then excluded.window_ends_at else r.window_ends_at end,
         blocked_until = case
           when r.blocked_until > now() then r.blocked_until
           when (case when r.window_ends_at <= now() then 1 else r.hits + 1 end) > ? then now() + make_interval(secs => ?)
           else null end
       returning hits,
         ceil(extract(epoch from window_ends_at - now()))::int as expires_in,
         coalesce(ceil(extract(epoch from blocked_until - now()))::int, 0) as blocked_for`,
      [key, throttlerName, ttl / 1000, limit, blockDuration / 1000],
    );
    const blockedFor = Math.max(0, row!.blocked_for);
    return { totalHits: row!.hits, timeToExpire: Math.max(0, row!.expires_in), isBlocked: blockedFor > 0, timeToBlockExpire: blockedFor };
  }
}
