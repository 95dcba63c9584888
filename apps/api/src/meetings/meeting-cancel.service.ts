import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Meeting as MeetingDto } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { MembershipsService } from '../bodies/memberships.service.js';
import { osloDay } from '../core/dates.js';
import { DomainError } from '../common/errors/domain-error.js';
import { JobsService } from '../jobs/jobs.service.js';
import { MailService } from '../mail/mail.service.js';
import { MunicipalitySettingsService } from '../municipalities/municipality-settings.service.js';
import { currentScope, runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
import { Meeting } from './meeting.entity.js';
import { MeetingsService } from './meetings.service.js';
import { toMeetingDto } from './meetings.mapper.js';
import { cancellationMail } from './rules/cancellation-mail.js';

export const CANCEL_MAIL_JOB = 'meetings.cancel-mail';

interface CancelMailJob {
  meetingId: string;
  municipalityId: string;
  userId: string | null;
  userName: string;
}

/**
 * Cancelling a meeting (avlysning, issue 13): with a reason, before it is held. The meeting keeps
 * its status, agenda and audit history and is shown as cancelled on the public pages; it can no
 * longer be noticed, held, recorded or changed (MEETING_CANCELLED, and a check in PostgreSQL).
 * The members and the substitutes who accepted a summons are told by e-mail, in a job.
 */
@Injectable()
export class MeetingCancelService implements OnModuleInit {
  private readonly logger = new Logger(MeetingCancelService.name);

  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly meetings: MeetingsService,
    private readonly memberships: MembershipsService,
    private readonly settings: MunicipalitySettingsService,
    private readonly mail: MailService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<CancelMailJob>(CANCEL_MAIL_JOB, (data) => this.mailMembers(data), { retryLimit: 5, retryDelay: 2, retryBackoff: true });
  }

  async cancel(id: string, reason: string): Promise<MeetingDto> {
    const meeting = await this.meetings.get(id, { publicOnly: false }, true);
    if (meeting.cancelledAt) throw new DomainError('MEETING_ALREADY_CANCELLED', 'Møtet er allerede avlyst.', 409);
    if (meeting.status !== 'planned' && meeting.status !== 'notice_sent') {
      throw new DomainError('MEETING_HELD_NOT_CANCELLABLE', 'Møtet er holdt og kan ikke avlyses.', 409);
    }
    meeting.cancelledAt = new Date();
    meeting.cancelReason = reason;
    this.audit.record({ action: 'meeting.cancel', entityType: 'meeting', entityId: meeting.id, before: { status: meeting.status }, after: { status: meeting.status, cancelledAt: meeting.cancelledAt.toISOString(), reason } });
    await this.em.flush();
    const { municipalityId, actor } = currentScope();
    await this.jobs.send<CancelMailJob>(CANCEL_MAIL_JOB, { meetingId: meeting.id, municipalityId, userId: actor.userId, userName: actor.name });
    return toMeetingDto(meeting, meeting.body.getEntity().name);
  }

  /** The e-mail to the members and accepted substitutes, in the municipality's written standard. */
  async mailMembers(data: CancelMailJob): Promise<{ sent: number } | { skipped: string }> {
    if (!this.mail.configured) {
      this.logger.warn(`Mail not configured (SMTP_URL): cancellation of meeting ${data.meetingId} not e-mailed`);
      return { skipped: 'mail not configured' };
    }
    return runInTenant(this.orm, { municipalityId: data.municipalityId, actor: { ...SYSTEM_ACTOR, userId: data.userId, name: data.userName } }, async (em) => {
      const meeting = await em.findOneOrFail(Meeting, data.meetingId, { populate: ['body'] });
      if (!meeting.cancelledAt) throw new Error(`Meeting ${data.meetingId} is not cancelled`);
      const { writtenStandard } = await this.settings.get();
      const { subject, text } = cancellationMail(writtenStandard, { bodyName: meeting.body.getEntity().name, startsAt: meeting.startsAt, reason: meeting.cancelReason ?? '' });
      const members = await this.memberships.sittingContacts(meeting.body.id, osloDay(meeting.startsAt));
      const substitutes = await em.execute<{ email: string }[]>(
        `select distinct p.email from substitute_summons s join person p on p.id = s.person_id where s.meeting_id = ? and s.status = 'accepted' and p.email is not null`,
        [meeting.id],
      );
      const recipients = [...new Set([...members.flatMap((m) => (m.email ? [m.email] : [])), ...substitutes.map((s) => s.email)])];
      for (const to of recipients) await this.mail.send({ to, subject, text });
      this.audit.record({ action: 'meeting.cancel_mailed', entityType: 'meeting', entityId: meeting.id, after: { recipients: recipients.length, withoutEmail: members.filter((m) => !m.email).length } });
      await em.flush();
      return { sent: recipients.length };
    });
  }
}
