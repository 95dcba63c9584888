import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { AuditService } from '../audit/audit.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';

export const OUTREACH_RETENTION_JOB = 'outreach.retention';

export interface OutreachPurgeResult {
  elections: number;
  applications: number;
  routes: number;
  stops: number;
  marks: number;
}

/**
 * Retention of outreach voting (docs/outreach.md, "Retention"). When is the elections module's
 * rule, written once: it purges an election's roll a set time after election day and marks the
 * election purged (elections/retention.job.ts). Every night after it, this job deletes what
 * outreach holds about voters of the purged elections: the home-voting applications (personal
 * number, name, address, phone, the health-related reason, who applied), the routes with their
 * stops and the phones' marks. Kept: the votes themselves (advance_vote of kind home or
 * institution, which the board's record counts, without personal numbers after the purge), the
 * institutions and their sessions (an institution's contact, not a voter's data), and one audit
 * row per election with the counts per status and outcome. Running again changes nothing.
 */
@Injectable()
export class OutreachRetentionJob implements OnModuleInit {
  private readonly logger = new Logger(OutreachRetentionJob.name);

  constructor(
    private readonly jobs: JobsService,
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    // 03:50, after the elections' retention (03:40) has marked the elections purged.
    this.jobs.register(OUTREACH_RETENTION_JOB, () => this.run(), { cron: '50 3 * * *' });
  }

  /** Finds purged elections that still have outreach data (as the owner, across municipalities), then deletes it in each municipality's transaction. */
  async run(): Promise<OutreachPurgeResult> {
    const due = await this.orm.em.getConnection().execute<{ id: string; municipality_id: string }[]>(
      `select e.id, e.municipality_id from election e
        where e.purged_at is not null
          and (exists (select 1 from outreach_application a where a.election_id = e.id)
            or exists (select 1 from outreach_route r where r.election_id = e.id))
        order by e.election_day`,
    );
    const total: OutreachPurgeResult = { elections: 0, applications: 0, routes: 0, stops: 0, marks: 0 };
    for (const e of due) {
      const r = await runInTenant(this.orm, { municipalityId: e.municipality_id, actor: SYSTEM_ACTOR }, (em) => this.purge(em, e.id));
      total.elections++;
      total.applications += r.applications;
      total.routes += r.routes;
      total.stops += r.stops;
      total.marks += r.marks;
    }
    if (total.elections) this.logger.log(`Retention: deleted the outreach data of ${total.elections} purged election(s): ${total.applications} application(s), ${total.routes} route(s)`);
    return total;
  }

  private async purge(em: EntityManager, electionId: string): Promise<Omit<OutreachPurgeResult, 'elections'>> {
    const conn = em.getConnection();
    const statuses = await conn.execute<{ status: string; n: number }[]>(
      `select status, count(*)::int as n from outreach_application where election_id = ? group by status order by status`,
      [electionId],
    );
    const outcomes = await conn.execute<{ outcome: string; n: number }[]>(
      `select coalesce(s.outcome, 'none') as outcome, count(*)::int as n
         from outreach_stop s join outreach_route r on r.id = s.route_id
        where r.election_id = ? group by 1 order by 1`,
      [electionId],
    );
    const count = async (sql: string) => (await conn.execute<{ affectedRows?: number }>(sql, [electionId], 'run')).affectedRows ?? 0;
    const marks = await count(
      `delete from outreach_mark m using outreach_stop s, outreach_route r
        where m.stop_id = s.id and s.route_id = r.id and r.election_id = ?`,
    );
    const stops = await count(`delete from outreach_stop s using outreach_route r where s.route_id = r.id and r.election_id = ?`);
    // The routes' officials go with them (outreach_assignment cascades); the sessions' stay.
    const routes = await count(`delete from outreach_route where election_id = ?`);
    const applications = await count(`delete from outreach_application where election_id = ?`);
    this.audit.record({
      action: 'outreach.purge',
      entityType: 'election',
      entityId: electionId,
      after: {
        applications,
        routes,
        stops,
        marks,
        applicationsByStatus: Object.fromEntries(statuses.map((s) => [s.status, s.n])),
        visitsByOutcome: Object.fromEntries(outcomes.map((o) => [o.outcome, o.n])),
      },
    });
    return { applications, routes, stops, marks };
  }
}
