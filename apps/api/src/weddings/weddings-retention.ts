import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { AuditService } from '../audit/audit.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
import { anonymiseDue, municipalitiesDue } from './weddings-records.queries.js';

export const WEDDING_RETENTION_JOB = 'weddings.anonymise';

export interface RetentionRun {
  /** Bookings anonymised, per municipality id. */
  anonymised: Record<string, number>;
}

/**
 * The retention of the couple's personal data (docs/weddings.md, Retention): every night, the
 * bookings whose ceremony (or cancellation) is more than the municipality's `retentionMonths` ago
 * lose the couple's and witnesses' personal data; the record of the ceremony stays. A booking done
 * once is not touched again (`anonymised_at`), so a second run changes nothing. One audit entry
 * per municipality and run that changed something, with the counts and no personal data.
 */
@Injectable()
export class WeddingsRetention implements OnModuleInit {
  private readonly logger = new Logger(WeddingsRetention.name);

  constructor(
    private readonly jobs: JobsService,
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(WEDDING_RETENTION_JOB, () => this.run(), { cron: '40 2 * * *' });
  }

  async run(): Promise<RetentionRun> {
    const anonymised: Record<string, number> = {};
    for (const municipalityId of await municipalitiesDue(this.orm.em.fork())) {
      anonymised[municipalityId] = await runInTenant(this.orm, { municipalityId, actor: SYSTEM_ACTOR }, async (em) => {
        const rows = await anonymiseDue(em);
        if (rows.length === 0) return 0;
        const byStatus = { held_ceremony: 0, booked: 0, cancelled: 0 };
        for (const r of rows) byStatus[r.status] += 1;
        this.audit.record({ action: 'wedding.retention.anonymised', entityType: 'wedding_retention', entityId: municipalityId, after: { anonymised: rows.length, byStatus } });
        await em.flush();
        return rows.length;
      });
    }
    const total = Object.values(anonymised).reduce((a, b) => a + b, 0);
    if (total) this.logger.log(`${total} wedding booking(s) anonymised`);
    return { anonymised };
  }
}
