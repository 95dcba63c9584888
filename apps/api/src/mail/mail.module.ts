import { Module } from '@nestjs/common';
import { MailService } from './mail.service.js';

/** Outgoing mail over SMTP. Relies on the global ConfigModule for CONFIG. */
@Module({ providers: [MailService], exports: [MailService] })
export class MailModule {}
