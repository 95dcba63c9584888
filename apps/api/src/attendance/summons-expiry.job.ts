import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { CONFIG, type Config } from '../config/config.js';
import { runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
import { JobsService } from '../jobs/jobs.service.js';
import { jobBaseUrl } from './attendance.jobs.js';
import { AttendanceService } from './attendance.service.js';

export const EXPIRE_SUMMONSES_JOB = 'attendance.expire-summonses';

/** Every minute: summonses past their deadline expire, and the next substitute is asked. */
@Injectable()
export class SummonsExpiryJob implements OnModuleInit {
  private readonly logger = new Logger(SummonsExpiryJob.name);

  constructor(
    private readonly jobs: JobsService,
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(CONFIG) private readonly config: Config,
    private readonly attendance: AttendanceService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(EXPIRE_SUMMONSES_JOB, async () => ({ expired: await this.run() }), { cron: '* * * * *' });
  }

  /** Finds the municipalities with due summonses (as the owner), then works each in its own tenant transaction. */
  async run(now = new Date()): Promise<number> {
    const rows = await this.orm.em
      .getConnection()
      .execute<{ municipality_id: string }[]>(`select distinct municipality_id from substitute_summons where status = 'pending' and deadline <= ?`, [now]);
    let expired = 0;
    for (const { municipality_id: municipalityId } of rows) {
      expired += await runInTenant(this.orm, { municipalityId, actor: SYSTEM_ACTOR }, () => this.attendance.expireDue(jobBaseUrl(this.config), now));
    }
    if (expired) this.logger.log(`${expired} summons(es) expired; next substitutes asked`);
    return expired;
  }
}
