import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { JobsService } from './jobs.service.js';

export const PURGE_SESSIONS = 'auth.purge-expired-sessions';

/**
 * Hourly: removes expired sessions and rate-limit windows that have ended. Maintenance across
 * municipalities, so it runs as the owner role.
 */
@Injectable()
export class SessionCleanupJob implements OnModuleInit {
  private readonly logger = new Logger(SessionCleanupJob.name);

  constructor(
    private readonly jobs: JobsService,
    @Inject(MikroORM) private readonly orm: MikroORM,
  ) {}

  onModuleInit(): void {
    this.jobs.register(PURGE_SESSIONS, async () => void (await this.run()), { cron: '17 * * * *' });
  }

  async run(): Promise<number> {
    const result = await this.orm.em.getConnection().execute<{ affectedRows?: number }>(
      'delete from app_session where expires_at < now()', [], 'run',
    );
    await this.orm.em.getConnection().execute(
      'delete from rate_limit where window_ends_at < now() and (blocked_until is null or blocked_until < now())', [], 'run',
    );
    const n = result.affectedRows ?? 0;
    if (n) this.logger.log(`Removed ${n} expired sessions`);
    return n;
  }
}
