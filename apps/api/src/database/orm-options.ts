import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { deferTransactionStart } from '../core/deferred-begin.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

/** MikroORM options for a database URL. */
export function ormOptions(url: string, extra: { debug?: boolean; poolMax?: number } = {}): Options {
  return defineConfig({
    clientUrl: url,
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    debug: extra.debug ?? false,
    // Every use of the entity manager must happen inside a request or an explicit fork.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: extra.poolMax ?? 20 },
    // `begin` and the tenant scope travel with a transaction's first statement (one round trip, not three).
    driverOptions: { onPoolCreated: deferTransactionStart },
    migrations: {
      migrationsList: MIGRATIONS,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
  });
}
