import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { AuditService } from '../audit/audit.service.js';
import type { Config } from '../config/config.js';
import { runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
import { JobsService } from '../jobs/jobs.service.js';
import { MailService } from '../mail/mail.service.js';
import { MeetingNoticeService } from '../meetings/meeting-notice.service.js';
import { formatOsloDate, formatOsloTime } from '../pdf/document-layout.js';
import { SubstituteSummons } from './summons.entity.js';
import { hashSecretToken, newSecretToken } from '../common/secret-token.js';
import { link } from './tokens.js';

export const SEND_SUMMONS_JOB = 'attendance.send-summons';

export interface SendSummonsJob {
  summonsId: string;
  municipalityId: string;
  /** Where the web app is, for the link. */
  baseUrl: string;
}

/** The address for links from background work: PUBLIC_URL, else this server on localhost. */
export function jobBaseUrl(config: Config): string {
  return config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
}

/**
 * E-mails a substitute their summons with the answer link and the notice PDF. The token is made
 * here and only its hash stored (never the token, not even in the job's data).
 */
@Injectable()
export class SummonsMailJob implements OnModuleInit {
  private readonly logger = new Logger(SummonsMailJob.name);

  constructor(
    private readonly jobs: JobsService,
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly notices: MeetingNoticeService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<SendSummonsJob>(SEND_SUMMONS_JOB, (data) => this.run(data), { retryLimit: 5, retryDelay: 2, retryBackoff: true });
  }

  queue(data: SendSummonsJob): Promise<string> {
    return this.jobs.send(SEND_SUMMONS_JOB, data);
  }

  async run(data: SendSummonsJob): Promise<{ sent: boolean } | { skipped: string }> {
    if (!this.mail.configured) {
      this.logger.warn(`Mail not configured (SMTP_URL): summons ${data.summonsId} not e-mailed`);
      return { skipped: 'mail not configured' };
    }
    const scope = { municipalityId: data.municipalityId, actor: SYSTEM_ACTOR };
    // First the token's hash is committed, so the link works the moment the mail arrives; a failed
    // send leaves only a hash no one has the token to, and the retry makes a new one.
    const token = await runInTenant(this.orm, scope, async (em) => {
      // Queued in the transaction that creates the summons (JobsService.send), so it is there.
      const summons = await em.findOne(SubstituteSummons, data.summonsId, { populate: ['person'] });
      if (!summons) throw new Error(`Summons ${data.summonsId} not found`);
      if (summons.status !== 'pending') return { skipped: `summons is ${summons.status}` };
      if (!summons.person.getEntity().email) {
        this.logger.warn(`Substitute of summons ${summons.id} has no e-mail; the secretariat must call them`);
        this.audit.record({ action: 'summons.no_email', entityType: 'substitute_summons', entityId: summons.id });
        await em.flush();
        return { skipped: 'no e-mail' };
      }
      const made = newSecretToken();
      summons.tokenHash = hashSecretToken(made);
      await em.flush();
      return made;
    });
    if (typeof token !== 'string') return token;
    return runInTenant(this.orm, scope, async (em) => {
      const summons = await em.findOneOrFail(SubstituteSummons, data.summonsId, { populate: ['person', 'absence.person', 'absence.agendaItem', 'meeting.body'] });
      // Withdrawn (or answered by phone) since the token was made: no summons e-mail after that.
      if (summons.status !== 'pending') return { skipped: `summons is ${summons.status}` };
      const substitute = summons.person.getEntity();
      const notice = await this.notices.render(summons.meeting.id);
      const meeting = summons.meeting.getEntity();
      const absence = summons.absence.getEntity();
      const item = absence.agendaItem?.getEntity() ?? null;
      const answerUrl = link(data.baseUrl, `/innkalling/${token}`);
      const where = meeting.remote ? ['fjernmøte', meeting.place].filter(Boolean).join(', ') : meeting.place || 'sted kommer';
      const text = [
        `Du kalles inn som varamedlem (nr. ${summons.rank} for ${summons.list}) til møte i ${notice.bodyName} ${formatOsloDate(meeting.startsAt)} kl. ${formatOsloTime(meeting.startsAt)} (${where}),`,
        item ? `i sak ${item.number}, der ${absence.person.getEntity().fullName()} er inhabil.` : `fordi ${absence.person.getEntity().fullName()} har meldt forfall.`,
        '',
        `Svar innen ${formatOsloDate(summons.deadline)} kl. ${formatOsloTime(summons.deadline)}. Uten svar innen fristen spør vi neste varamedlem.`,
        `Ja, jeg kan møte: ${answerUrl}?svar=ja`,
        `Nei, jeg kan ikke møte: ${answerUrl}?svar=nei`,
        '',
        'Innkallingen med saksliste er vedlagt (kommuneloven §§ 7-10 og 11-3).',
      ].join('\n');
      await this.mail.send({
        to: substitute.email!,
        subject: `Innkalling som varamedlem – ${notice.title.replace(/^Møteinnkalling – /, '')}`,
        text,
        attachments: [{ filename: notice.filename, content: notice.pdf, contentType: 'application/pdf' }],
      });
      this.audit.record({ action: 'summons.sent', entityType: 'substitute_summons', entityId: summons.id, after: { personId: substitute.id } });
      await em.flush();
      return { sent: true };
    });
  }
}

export const SEND_SUMMONS_WITHDRAWN_JOB = 'attendance.send-summons-withdrawn';

export interface SendSummonsWithdrawnJob {
  summonsId: string;
  municipalityId: string;
  /** The summons had been accepted: the substitute counted on the seat. */
  wasAccepted: boolean;
}

/** The text of the e-mail telling a substitute they are not needed after all. */
export function withdrawnText(p: { bodyName: string; startsAt: Date; where: string; wasAccepted: boolean }): string {
  return [
    `Forfallet du var innkalt som varamedlem for, er trukket tilbake. Du trengs derfor likevel ikke i møtet i ${p.bodyName} ${formatOsloDate(p.startsAt)} kl. ${formatOsloTime(p.startsAt)} (${p.where}).`,
    '',
    p.wasAccepted ? 'Takk for at du sa ja. Du trenger ikke gjøre noe mer.' : 'Du trenger ikke svare på innkallingen; lenken i den virker ikke lenger.',
  ].join('\n');
}

/**
 * Tells a substitute by e-mail that they are not needed after all (the member withdrew the absence):
 * every accepted summons, and a pending one whose summons e-mail has gone (its token is set).
 * Queued in the withdrawing transaction: it runs only if the withdrawal committed.
 */
@Injectable()
export class SummonsWithdrawnMailJob implements OnModuleInit {
  private readonly logger = new Logger(SummonsWithdrawnMailJob.name);

  constructor(
    private readonly jobs: JobsService,
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly mail: MailService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<SendSummonsWithdrawnJob>(SEND_SUMMONS_WITHDRAWN_JOB, (data) => this.run(data), { retryLimit: 5, retryDelay: 2, retryBackoff: true });
  }

  queue(data: SendSummonsWithdrawnJob): Promise<string> {
    return this.jobs.send(SEND_SUMMONS_WITHDRAWN_JOB, data);
  }

  async run(data: SendSummonsWithdrawnJob): Promise<{ sent: boolean } | { skipped: string }> {
    if (!this.mail.configured) {
      this.logger.warn(`Mail not configured (SMTP_URL): withdrawal of summons ${data.summonsId} not e-mailed`);
      return { skipped: 'mail not configured' };
    }
    return runInTenant(this.orm, { municipalityId: data.municipalityId, actor: SYSTEM_ACTOR }, async (em) => {
      const summons = await em.findOne(SubstituteSummons, data.summonsId, { populate: ['person', 'meeting.body'] });
      if (!summons || summons.status !== 'withdrawn') throw new Error(`Summons ${data.summonsId} not withdrawn`);
      // A pending summons whose e-mail never went: the substitute knows of nothing to call off.
      if (!data.wasAccepted && !summons.tokenHash) return { skipped: 'summons was never e-mailed' };
      const substitute = summons.person.getEntity();
      if (!substitute.email) {
        this.logger.warn(`Substitute of withdrawn summons ${summons.id} has no e-mail; the secretariat must call them`);
        this.audit.record({ action: 'summons.withdrawn_no_email', entityType: 'substitute_summons', entityId: summons.id });
        await em.flush();
        return { skipped: 'no e-mail' };
      }
      const meeting = summons.meeting.getEntity();
      const bodyName = meeting.body.getEntity().name;
      const where = meeting.remote ? ['fjernmøte', meeting.place].filter(Boolean).join(', ') : meeting.place || 'sted kommer';
      await this.mail.send({
        to: substitute.email,
        subject: `Du trengs likevel ikke – ${bodyName} ${formatOsloDate(meeting.startsAt)}`,
        text: withdrawnText({ bodyName, startsAt: meeting.startsAt, where, wasAccepted: data.wasAccepted }),
      });
      this.audit.record({ action: 'summons.withdrawn_sent', entityType: 'substitute_summons', entityId: summons.id, after: { personId: substitute.id, wasAccepted: data.wasAccepted } });
      await em.flush();
      return { sent: true };
    });
  }
}
