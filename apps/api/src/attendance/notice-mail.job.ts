import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { issueAbsenceLinks } from './absence-links.js';
import { jobBaseUrl } from './attendance.jobs.js';
import { SubstituteSummons } from './summons.entity.js';
import { link } from './tokens.js';
import { osloDay } from '../core/dates.js';
import { AuditService } from '../audit/audit.service.js';
import { CONFIG, type Config } from '../config/config.js';
import { MembershipsService } from '../bodies/memberships.service.js';
import { runInTenant, SYSTEM_ACTOR, type Actor } from '../core/tenant.js';
import { JobsService } from '../jobs/jobs.service.js';
import { MailService } from '../mail/mail.service.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { MeetingNoticeService } from '../meetings/meeting-notice.service.js';
import { SEND_NOTICE_JOB, type SendNoticeJob } from '../meetings/notice-job.js';

/** The subject of a changed notice: «Endret møteinnkalling – <body> <date>». */
export function changedSubject(noticeTitle: string): string {
  return `Endret møteinnkalling – ${noticeTitle.replace(/^Møteinnkalling – /, '')}`;
}

/** The top of a changed notice's e-mail: what it is, and the secretariat's message when there is one. */
export function changedIntro(message: string | undefined): string {
  const lines = ['Innkallingen til møtet er endret. Den oppdaterte innkallingen med saksliste er vedlagt.'];
  const text = message?.trim();
  if (text) lines.push('', 'Melding fra sekretariatet:', text);
  return [...lines, '', ''].join('\n');
}

/**
 * E-mails the notice PDF to every current member of the body with an e-mail address, after the
 * meeting is published. A failure (SMTP down) fails the job, which pg-boss retries; publishing
 * itself never waits for mail.
 */
@Injectable()
export class NoticeMailJob implements OnModuleInit {
  private readonly logger = new Logger(NoticeMailJob.name);

  constructor(
    private readonly jobs: JobsService,
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly notices: MeetingNoticeService,
    private readonly memberships: MembershipsService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  onModuleInit(): void {
    // Queued in the publishing transaction (JobsService.send): it exists only if publishing
    // committed. SMTP failures are retried with backoff.
    this.jobs.register<SendNoticeJob>(SEND_NOTICE_JOB, (data) => this.run(data), { retryLimit: 5, retryDelay: 2, retryBackoff: true });
  }

  async run(data: SendNoticeJob): Promise<{ sent: number; withoutEmail: number; substitutes?: number } | { skipped: string }> {
    if (!this.mail.configured) {
      this.logger.warn(`Mail not configured (SMTP_URL): notice for meeting ${data.meetingId} not e-mailed`);
      return { skipped: 'mail not configured' };
    }
    const actor: Actor = { ...SYSTEM_ACTOR, userId: data.userId, name: data.userName };
    return runInTenant(this.orm, { municipalityId: data.municipalityId, actor }, async (em) => {
      const meeting = await em.findOne(Meeting, data.meetingId);
      if (!meeting || meeting.status === 'planned') throw new Error(`Meeting ${data.meetingId} is not published`);
      const notice = await this.notices.render(data.meetingId);
      // Those who sit on the meeting day (seat_holders): a member on leave or released gets no
      // notice, the substitute who moves up for them does.
      const members = await this.memberships.sittingContacts(notice.meeting.body.id, osloDay(notice.meeting.startsAt));
      const byEmail = new Map(members.flatMap((m) => (m.email ? [[m.email, m.personId] as const] : [])));
      const recipients = [...byEmail.keys()];
      const withoutEmail = members.filter((m) => !m.email).length;
      if (withoutEmail) this.logger.warn(`${withoutEmail} member(s) of the body have no e-mail and get no notice by mail`);
      const text = this.notices.mailText(notice);
      const intro = data.changed ? changedIntro(data.message) : '';
      const subject = data.changed ? changedSubject(notice.title) : notice.title;
      const attachments = [{ filename: notice.filename, content: notice.pdf, contentType: 'application/pdf' }];
      // Each member's own link to report absence without signing in (committed before any mail goes).
      const links = await issueAbsenceLinks(this.orm, data.municipalityId, data.meetingId, [...byEmail.values()]);
      const base = jobBaseUrl(this.config);
      for (const to of recipients) {
        const token = links.get(byEmail.get(to)!)!;
        await this.mail.send({
          to,
          subject,
          text: `${intro}${text}\nMeld forfall eller inhabilitet her (lenken er personlig): ${link(base, `/forfall/${token}`)}`,
          attachments,
        });
      }
      // A changed notice also goes to the substitutes who have accepted a summons for the meeting.
      const substitutes = data.changed ? await this.acceptedSubstitutes(em, data.meetingId, new Set(recipients)) : [];
      for (const to of substitutes) {
        await this.mail.send({
          to,
          subject,
          text: `${intro}Du er innkalt som varamedlem til dette møtet og har takket ja.\n\n${text}`,
          attachments,
        });
      }
      this.audit.record({
        action: data.changed ? 'meeting.notice_resent' : 'meeting.notice_sent',
        entityType: 'meeting',
        entityId: data.meetingId,
        after: data.changed ? { recipients: recipients.length, substitutes: substitutes.length, withoutEmail } : { recipients: recipients.length, withoutEmail },
      });
      await em.flush();
      this.logger.log(`${data.changed ? 'Changed notice' : 'Notice'} for meeting ${data.meetingId} e-mailed to ${recipients.length} member(s) and ${substitutes.length} substitute(s)`);
      return data.changed ? { sent: recipients.length, withoutEmail, substitutes: substitutes.length } : { sent: recipients.length, withoutEmail };
    });
  }

  /** E-mail addresses of substitutes with an accepted summons for the meeting, not already among `skip`. */
  private async acceptedSubstitutes(em: EntityManager, meetingId: string, skip: ReadonlySet<string>): Promise<string[]> {
    const accepted = await em.find(SubstituteSummons, { meeting: meetingId, status: 'accepted' }, { populate: ['person'], orderBy: { createdAt: 'asc' } });
    const emails = accepted.map((s) => s.person.getEntity().email).filter((e): e is string => !!e && !skip.has(e));
    if (emails.length < accepted.length) this.logger.warn(`Some accepted substitutes of meeting ${meetingId} have no e-mail or are members already`);
    return [...new Set(emails)];
  }
}
