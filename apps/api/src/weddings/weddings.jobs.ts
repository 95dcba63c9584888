import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { AuditService } from '../audit/audit.service.js';
import { hashSecretToken, newSecretToken } from '../common/secret-token.js';
import { JobsService } from '../jobs/jobs.service.js';
import { MailService } from '../mail/mail.service.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import { runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
import { WeddingBooking } from './wedding-booking.entity.js';
import { WeddingsDocumentsService } from './weddings-documents.service.js';
import { ceremonyFacts } from './weddings.mapper.js';
import { cancellationMail, ceremonyIcs, confirmationMail, movedMail } from './weddings-mail.js';

export const WEDDING_CONFIRMATION_JOB = 'weddings.send-confirmation';
export const WEDDING_CANCELLATION_JOB = 'weddings.send-cancellation';
export const RELEASE_HOLDS_JOB = 'weddings.release-holds';
export const WEDDING_MOVED_JOB = 'weddings.send-moved';

export interface WeddingMailJob {
  bookingId: string;
  municipalityId: string;
  /** Where the web app is, for the link. */
  baseUrl?: string;
}

/** A move: the time and place it had, for the mail; the booking has the new ones. */
export interface WeddingMovedJob extends WeddingMailJob {
  previousStartsAt: string;
  previousPlace: string;
}

const icsAttachment = (b: WeddingBooking, ics: string) => ({ filename: `vigsel-${b.reference}.ics`, content: Buffer.from(ics), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' });

const facts = ceremonyFacts;

/**
 * The couple's e-mails, queued in the transaction of the change: the confirmation to both parties
 * with the ceremony as .ics and a private link (its own token, made here, only the hash kept),
 * and the staff's cancellation. Also the cron job that deletes holds run out (every minute).
 */
@Injectable()
export class WeddingsMailJobs implements OnModuleInit {
  private readonly logger = new Logger(WeddingsMailJobs.name);

  constructor(
    private readonly jobs: JobsService,
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly municipalities: MunicipalitiesService,
    private readonly documents: WeddingsDocumentsService,
  ) {}

  onModuleInit(): void {
    const retry = { retryLimit: 5, retryDelay: 2, retryBackoff: true };
    this.jobs.register<WeddingMailJob>(WEDDING_CONFIRMATION_JOB, (data) => this.confirm(data), retry);
    this.jobs.register<WeddingMailJob>(WEDDING_CANCELLATION_JOB, (data) => this.cancelled(data), retry);
    this.jobs.register<WeddingMovedJob>(WEDDING_MOVED_JOB, (data) => this.moved(data), retry);
    this.jobs.register(RELEASE_HOLDS_JOB, async () => ({ released: await this.releaseHolds() }), { cron: '* * * * *' });
  }

  queueConfirmation(data: WeddingMailJob): Promise<string> {
    return this.jobs.send(WEDDING_CONFIRMATION_JOB, data);
  }

  queueCancellation(data: WeddingMailJob): Promise<string> {
    return this.jobs.send(WEDDING_CANCELLATION_JOB, data);
  }

  queueMoved(data: WeddingMovedJob): Promise<string> {
    return this.jobs.send(WEDDING_MOVED_JOB, data);
  }

  async confirm(data: WeddingMailJob): Promise<{ sent: number } | { skipped: string }> {
    if (!this.mail.configured) {
      this.logger.warn(`Mail not configured (SMTP_URL): wedding confirmation ${data.bookingId} not e-mailed`);
      return { skipped: 'mail not configured' };
    }
    return runInTenant(this.orm, { municipalityId: data.municipalityId, actor: SYSTEM_ACTOR }, async (em) => {
      const b = await em.findOne(WeddingBooking, data.bookingId, { populate: ['place'] });
      if (!b || b.status !== 'booked' || !b.parties) return { skipped: 'not booked' };
      const token = newSecretToken();
      b.mailTokenHash = hashSecretToken(token);
      await em.flush();
      const municipality = await this.municipalities.byId(data.municipalityId);
      const f = facts(b, municipality.name);
      const link = `${(data.baseUrl ?? '').replace(/\/+$/, '')}/vigsel/${encodeURIComponent(b.reference!)}?token=${token}`;
      const { subject, text } = confirmationMail(f, link, b.locale);
      const ics = icsAttachment(b, ceremonyIcs(f, `${b.id}@sekretariat`, b.locale, b.calendarSequence));
      const { pdf, filename } = await this.documents.confirmation(b, municipality.name, data.baseUrl ?? '');
      const to = [...new Set(b.parties.map((p) => p.email))];
      for (const address of to) {
        await this.mail.send({ to: address, subject, text, attachments: [{ filename, content: pdf, contentType: 'application/pdf' }, ics] });
      }
      this.audit.record({ action: 'wedding.confirmation_sent', entityType: 'wedding_booking', entityId: b.id, after: { recipients: to.length } });
      await em.flush();
      return { sent: to.length };
    });
  }

  async cancelled(data: WeddingMailJob): Promise<{ sent: number } | { skipped: string }> {
    if (!this.mail.configured) {
      this.logger.warn(`Mail not configured (SMTP_URL): wedding cancellation ${data.bookingId} not e-mailed`);
      return { skipped: 'mail not configured' };
    }
    return runInTenant(this.orm, { municipalityId: data.municipalityId, actor: SYSTEM_ACTOR }, async (em) => {
      const b = await em.findOne(WeddingBooking, data.bookingId, { populate: ['place'] });
      if (!b || b.status !== 'cancelled' || !b.parties) return { skipped: 'not cancelled' };
      const municipality = await this.municipalities.byId(data.municipalityId);
      const { subject, text } = cancellationMail(facts(b, municipality.name), b.cancelReason ?? '', b.locale);
      const to = [...new Set(b.parties.map((p) => p.email))];
      for (const address of to) await this.mail.send({ to: address, subject, text });
      this.audit.record({ action: 'wedding.cancellation_sent', entityType: 'wedding_booking', entityId: b.id, after: { recipients: to.length } });
      await em.flush();
      return { sent: to.length };
    });
  }

  /** The staff moved the ceremony: both parties get the new time and a calendar entry with the same UID and a higher SEQUENCE. */
  async moved(data: WeddingMovedJob): Promise<{ sent: number } | { skipped: string }> {
    if (!this.mail.configured) {
      this.logger.warn(`Mail not configured (SMTP_URL): wedding move ${data.bookingId} not e-mailed`);
      return { skipped: 'mail not configured' };
    }
    return runInTenant(this.orm, { municipalityId: data.municipalityId, actor: SYSTEM_ACTOR }, async (em) => {
      const b = await em.findOne(WeddingBooking, data.bookingId, { populate: ['place'] });
      if (!b || b.status !== 'booked' || !b.parties) return { skipped: 'not booked' };
      const municipality = await this.municipalities.byId(data.municipalityId);
      const f = facts(b, municipality.name);
      const { subject, text } = movedMail(f, new Date(data.previousStartsAt), data.previousPlace, b.locale);
      const ics = icsAttachment(b, ceremonyIcs(f, `${b.id}@sekretariat`, b.locale, b.calendarSequence));
      const to = [...new Set(b.parties.map((p) => p.email))];
      for (const address of to) await this.mail.send({ to: address, subject, text, attachments: [ics] });
      this.audit.record({ action: 'wedding.move_sent', entityType: 'wedding_booking', entityId: b.id, after: { recipients: to.length, sequence: b.calendarSequence } });
      await em.flush();
      return { sent: to.length };
    });
  }

  /** Deletes the holds that have run out, per municipality (a hold holds no personal data). */
  async releaseHolds(): Promise<number> {
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ municipality_id: string }[]>(`select distinct municipality_id from wedding_booking where status = 'held' and hold_expires_at <= now()`);
    let released = 0;
    for (const { municipality_id: municipalityId } of rows) {
      released += await runInTenant(this.orm, { municipalityId, actor: SYSTEM_ACTOR }, (em) =>
        em.execute<{ id: string }[]>(`delete from wedding_booking where status = 'held' and hold_expires_at <= now() returning id`).then((r) => r.length),
      );
    }
    if (released) this.logger.log(`${released} wedding hold(s) released`);
    return released;
  }
}
