import { Global, Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';

import { DATABASE_URL } from '../config/config.js';

/** Provides the MikroORM instance created at bootstrap, and its (context-aware) EntityManager. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  static forRoot(orm: MikroORM, url: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: MikroORM, useValue: orm },
        { provide: EntityManager, useValue: orm.em },
        { provide: DATABASE_URL, useValue: url },
      ],
      exports: [MikroORM, EntityManager, DATABASE_URL],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.orm.close();
  }
}
