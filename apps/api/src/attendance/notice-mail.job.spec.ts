import { describe, expect, it, jest } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service.js';
import type { Config } from '../config/config.js';
import type { MembershipsService } from '../bodies/memberships.service.js';
import type { JobsService } from '../jobs/jobs.service.js';
import type { MailService } from '../mail/mail.service.js';
import { changedIntro, changedSubject, NoticeMailJob } from './notice-mail.job.js';
import type { MeetingNoticeService } from '../meetings/meeting-notice.service.js';

describe('NoticeMailJob without a mail server', () => {
  it('skips with a log line and touches neither the database nor the renderer', async () => {
    const fork = jest.fn();
    const render = jest.fn();
    const job = new NoticeMailJob(
      {} as JobsService,
      { em: { fork } } as unknown as MikroORM,
      { render } as unknown as MeetingNoticeService,
      {} as MembershipsService,
      { configured: false } as MailService,
      {} as AuditService,
      {} as Config,
    );
    const result = await job.run({ meetingId: 'm', municipalityId: 'k', userId: null, userName: 'system' });
    expect(result).toEqual({ skipped: 'mail not configured' });
    expect(fork).not.toHaveBeenCalled();
    expect(render).not.toHaveBeenCalled();
  });
});

describe('the changed notice', () => {
  it('has the subject «Endret møteinnkalling – <body> <date>»', () => {
    expect(changedSubject('Møteinnkalling – Kommunestyret 10.03.2027')).toBe('Endret møteinnkalling – Kommunestyret 10.03.2027');
  });

  it('puts the secretariat’s message at the top, and only a short line without one', () => {
    expect(changedIntro('  Møtet er flyttet til Formannskapssalen.  ')).toBe(
      'Innkallingen til møtet er endret. Den oppdaterte innkallingen med saksliste er vedlagt.\n\nMelding fra sekretariatet:\nMøtet er flyttet til Formannskapssalen.\n\n',
    );
    expect(changedIntro('')).toBe('Innkallingen til møtet er endret. Den oppdaterte innkallingen med saksliste er vedlagt.\n\n');
    expect(changedIntro(undefined)).not.toContain('Melding');
  });
});
