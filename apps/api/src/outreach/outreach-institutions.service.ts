import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Institution, InstitutionInput, Official, Session, SessionInput } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { periodOn } from '../elections/rules/voting-periods.js';
import { JobsService } from '../jobs/jobs.service.js';
import { MailService } from '../mail/mail.service.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import { currentScope, runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
import { assignOfficials, checkOfficials, officialsOf } from './outreach-assignments.js';
import { OutreachApplicationsService } from './outreach-applications.service.js';
import { sessionAnnouncement } from './outreach-mail.js';
import { INSTITUTION_COLUMNS, institutionDto, type InstitutionRow } from './outreach.mapper.js';
import { OutreachInstitution, OutreachSession } from './outreach.entities.js';
import { outreachError } from './outreach.errors.js';

export const ANNOUNCE_SESSION_JOB = 'outreach.announce-session';

interface AnnounceJob {
  sessionId: string;
  municipalityId: string;
}

interface SessionRow extends InstitutionRow {
  session_id: string;
  election_id: string;
  date: string;
  start_time: string;
  end_time: string;
  announced_at: Date | null;
  election_name: string;
}

const SESSION_SELECT = `select s.id as session_id, s.election_id, s.date::text, s.start_time, s.end_time, s.announced_at, e.name as election_name, ${INSTITUTION_COLUMNS}
  from outreach_session s join outreach_institution i on i.id = s.institution_id join election e on e.id = s.election_id`;

/** Institutions (care homes, hospitals, prisons), voting sessions there with two officials, and the e-mail announcing a session. */
@Injectable()
export class OutreachInstitutionsService implements OnModuleInit {
  private readonly logger = new Logger(OutreachInstitutionsService.name);

  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly mail: MailService,
    private readonly municipalities: MunicipalitiesService,
    private readonly applications: OutreachApplicationsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<AnnounceJob>(ANNOUNCE_SESSION_JOB, (data) => this.announce(data), { retryLimit: 5, retryDelay: 2, retryBackoff: true });
  }

  async officials(): Promise<Official[]> {
    return this.em.execute<Official[]>(`select id, display_name as name from app_user where 'election_staff' = any(roles) order by display_name`);
  }

  async institutions(): Promise<Institution[]> {
    const rows = await this.em.execute<InstitutionRow[]>(`select ${INSTITUTION_COLUMNS} from outreach_institution i order by i.name`);
    return rows.map(institutionDto);
  }

  async createInstitution(input: InstitutionInput): Promise<Institution> {
    const i = this.em.create(OutreachInstitution, { municipality: currentScope().municipalityId, ...input });
    await this.em.flush();
    this.audit.record({ action: 'outreach.institution.create', entityType: 'outreach_institution', entityId: i.id, after: { kind: i.kind, name: i.name } });
    return (await this.institutions()).find((x) => x.id === i.id)!;
  }

  async updateInstitution(id: string, input: InstitutionInput): Promise<Institution> {
    const i = await this.em.findOne(OutreachInstitution, id);
    if (!i) throw outreachError.institutionNotFound();
    const before = { kind: i.kind, name: i.name, address: i.address };
    this.em.assign(i, input);
    await this.em.flush();
    this.audit.record({ action: 'outreach.institution.update', entityType: 'outreach_institution', entityId: id, before, after: { kind: i.kind, name: i.name, address: i.address } });
    return (await this.institutions()).find((x) => x.id === i.id)!;
  }

  async sessions(electionId: string): Promise<Session[]> {
    await this.applications.election(electionId);
    const rows = await this.em.execute<SessionRow[]>(`${SESSION_SELECT} where s.election_id = ? order by s.date, s.start_time`, [electionId]);
    return this.sessionDtos(rows);
  }

  private async sessionDtos(rows: SessionRow[]): Promise<Session[]> {
    const officials = await officialsOf(this.em, 'session_id', rows.map((r) => r.session_id));
    return rows.map((r) => ({
      id: r.session_id,
      electionId: r.election_id,
      institution: institutionDto(r),
      date: r.date,
      from: r.start_time,
      to: r.end_time,
      officials: officials.get(r.session_id) ?? [],
      announcedAt: r.announced_at ? new Date(r.announced_at).toISOString() : null,
    }));
  }

  /** A session inside the advance voting period, its officials booked (no overlap, in PostgreSQL), the e-mail queued in the same transaction. */
  async createSession(electionId: string, input: SessionInput): Promise<Session> {
    const election = await this.applications.election(electionId);
    if (!periodOn(election, input.date)) throw outreachError.outsideVotingPeriod(election.earlyFrom, election.advanceTo);
    const institution = await this.em.findOne(OutreachInstitution, input.institutionId);
    if (!institution) throw outreachError.institutionNotFound();
    await checkOfficials(this.em, input.officials);
    const s = this.em.create(OutreachSession, { municipality: currentScope().municipalityId, election: electionId, institution, date: input.date, startTime: input.from, endTime: input.to });
    await this.em.flush();
    await assignOfficials(this.em, input.officials, { sessionId: s.id }, input.date, input.from, input.to);
    if (input.announce) await this.jobs.send<AnnounceJob>(ANNOUNCE_SESSION_JOB, { sessionId: s.id, municipalityId: currentScope().municipalityId });
    this.audit.record({ action: 'outreach.session.create', entityType: 'outreach_session', entityId: s.id, after: { institution: institution.id, date: input.date, from: input.from, to: input.to, officials: input.officials } });
    const rows = await this.em.execute<SessionRow[]>(`${SESSION_SELECT} where s.id = ?`, [s.id]);
    return (await this.sessionDtos(rows))[0]!;
  }

  async session(id: string): Promise<Session> {
    const rows = await this.em.execute<SessionRow[]>(`${SESSION_SELECT} where s.id = ?`, [id]);
    if (rows.length === 0) throw outreachError.institutionNotFound();
    return (await this.sessionDtos(rows))[0]!;
  }

  /** The job: sends the announcement to the institution's contact and notes when. Without SMTP it is skipped with a log line. */
  async announce(data: AnnounceJob): Promise<{ sent: boolean }> {
    if (!this.mail.configured) {
      this.logger.log(`Mail not configured: session ${data.sessionId} not announced`);
      return { sent: false };
    }
    return runInTenant(this.orm, { municipalityId: data.municipalityId, actor: SYSTEM_ACTOR }, async (em) => {
      const row = (await em.execute<SessionRow[]>(`${SESSION_SELECT} where s.id = ?`, [data.sessionId]))[0];
      if (!row) return { sent: false };
      const officials = (await officialsOf(em, 'session_id', [row.session_id])).get(row.session_id) ?? [];
      const municipality = await this.municipalities.byId(data.municipalityId);
      const message = sessionAnnouncement(
        { municipality: municipality.name, election: row.election_name, institution: row.name, contactName: row.contact_name, date: row.date, from: row.start_time, to: row.end_time, officials: officials.map((o) => o.name), kind: row.kind },
        row.locale,
      );
      await this.mail.send({ to: row.contact_email, ...message });
      await em.execute('update outreach_session set announced_at = now() where id = ?', [row.session_id]);
      this.audit.record({ action: 'outreach.session.announce', entityType: 'outreach_session', entityId: row.session_id, after: { locale: row.locale } });
      return { sent: true };
    });
  }
}
