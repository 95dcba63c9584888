import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { CONFIG, type Config } from '../config/config.js';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

/**
 * Outgoing mail over SMTP (SMTP_URL). Without SMTP_URL nothing is sent: callers ask `configured`
 * first and skip with a log line, so a missing mail server never fails the work that wanted to mail.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger(MailService.name);
  private transporter?: Transporter;

  constructor(@Inject(CONFIG) private readonly config: Config) {}

  get configured(): boolean {
    return this.config.SMTP_URL !== undefined;
  }

  /** Sends one message; throws when the server refuses it or cannot be reached (the caller's job retries). */
  async send(message: MailMessage): Promise<void> {
    const transporter = this.transport();
    const info = (await transporter.sendMail({ from: this.config.MAIL_FROM, ...message })) as { messageId?: string };
    // The address is personal data: the log says that a message went, not to whom.
    this.logger.debug(`Sent "${message.subject}" (${info.messageId ?? 'no id'})`);
  }

  private transport(): Transporter {
    if (!this.config.SMTP_URL) throw new Error('Mail is not configured (SMTP_URL)');
    this.transporter ??= nodemailer.createTransport(this.config.SMTP_URL);
    return this.transporter;
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
