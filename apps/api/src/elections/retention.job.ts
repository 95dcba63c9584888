import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { ElectionSettings, ElectionSettingsInput } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { NotFoundError } from '../common/errors/domain-error.js';
import { JobsService } from '../jobs/jobs.service.js';
import { runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
import { CLOCK, osloDateTime, type Clock } from './clock.js';
import { BoardRecordService } from './board-record.service.js';
import { Election } from './election.entity.js';
import { DEFAULT_RETENTION_MONTHS, isDue, purgeFrom } from './rules/retention.js';

export const ELECTION_RETENTION_JOB = 'elections.retention';

export interface PurgeResult {
  elections: number;
  rollRows: number;
  votes: number;
  envelopes: number;
}

/**
 * Retention (docs/elections.md, rules/retention.ts): every night, for each election whose time
 * is up (by default 6 months after election day, or as set per election), deletes the electoral
 * roll and the personal numbers of its votes and received envelopes, and marks the election
 * purged. Kept: every vote row without the personal number (place, time, kind, status, envelope
 * reason, ground, clerk), the envelope register, the audit log — the aggregated record the
 * board's record and the reports count from. Running again changes nothing.
 */
@Injectable()
export class ElectionRetentionJob implements OnModuleInit {
  private readonly logger = new Logger(ElectionRetentionJob.name);

  constructor(
    private readonly jobs: JobsService,
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(EntityManager) private readonly em: EntityManager,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly boardRecord: BoardRecordService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(ELECTION_RETENTION_JOB, () => this.run(), { cron: '40 3 * * *' });
  }

  /** Finds the elections due (as the owner, across municipalities), then purges each in its municipality's transaction. */
  async run(now = this.clock.now()): Promise<PurgeResult> {
    const today = osloDateTime(now).date;
    const candidates = await this.orm.em
      .getConnection()
      .execute<{ id: string; municipality_id: string; election_day: string; retention_months: number | null }[]>(
        `select id, municipality_id, election_day::text, retention_months from election where purged_at is null order by election_day`,
      );
    const total: PurgeResult = { elections: 0, rollRows: 0, votes: 0, envelopes: 0 };
    for (const e of candidates.filter((c) => isDue(c.election_day, c.retention_months, today))) {
      const r = await runInTenant(this.orm, { municipalityId: e.municipality_id, actor: SYSTEM_ACTOR }, (em) => this.purge(em, e.id, now));
      total.elections++;
      total.rollRows += r.rollRows;
      total.votes += r.votes;
      total.envelopes += r.envelopes;
    }
    if (total.elections) this.logger.log(`Retention: purged ${total.elections} election(s), ${total.rollRows} roll row(s), ${total.votes} personal number(s) of votes`);
    return total;
  }

  private async purge(em: EntityManager, electionId: string, now: Date): Promise<Omit<PurgeResult, 'elections'>> {
    const count = async (sql: string) => (await em.getConnection().execute<{ affectedRows?: number }>(sql, [electionId], 'run')).affectedRows ?? 0;
    const rollRows = await count(`delete from roll_voter where election_id = ?`);
    const votes = await count(`update advance_vote set personal_number = null where election_id = ? and personal_number is not null`);
    const envelopes = await count(`update received_envelope set personal_number = null where election_id = ? and personal_number is not null`);
    await em.getConnection().execute(`update election set purged_at = ? where id = ?`, [now, electionId]);
    this.audit.record({ action: 'election.purge', entityType: 'election', entityId: electionId, after: { rollRows, votes, envelopes } });
    return { rollRows, votes, envelopes };
  }

  async settings(electionId: string): Promise<ElectionSettings> {
    const e = await this.em.findOne(Election, electionId);
    if (!e) throw new NotFoundError('valget');
    return {
      recordLanguage: e.recordLanguage ?? null,
      recordLanguageInEffect: await this.boardRecord.language(e),
      retentionMonths: e.retentionMonths ?? null,
      defaultRetentionMonths: DEFAULT_RETENTION_MONTHS,
      purgeFrom: purgeFrom(e.electionDay, e.retentionMonths ?? null),
      purgedAt: e.purgedAt ? new Date(e.purgedAt).toISOString() : null,
    };
  }

  async saveSettings(electionId: string, input: ElectionSettingsInput): Promise<ElectionSettings> {
    const e = await this.em.findOne(Election, electionId);
    if (!e) throw new NotFoundError('valget');
    const before = { recordLanguage: e.recordLanguage ?? null, retentionMonths: e.retentionMonths ?? null };
    e.recordLanguage = input.recordLanguage;
    e.retentionMonths = input.retentionMonths;
    this.audit.record({ action: 'election.settings', entityType: 'election', entityId: e.id, before, after: input });
    await this.em.flush();
    return this.settings(electionId);
  }
}
