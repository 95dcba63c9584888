import { describe, expect, it, jest } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service.js';
import type { Config } from '../config/config.js';
import type { MembershipsService } from '../bodies/memberships.service.js';
import type { JobsService } from '../jobs/jobs.service.js';
import type { MailService } from '../mail/mail.service.js';
import { MeetingNoticeJob } from './meeting-notice.job.js';
import type { MeetingNoticeService } from './meeting-notice.service.js';

describe('MeetingNoticeJob without a mail server', () => {
  it('skips with a log line and touches neither the database nor the renderer', async () => {
    const fork = jest.fn();
    const render = jest.fn();
    const job = new MeetingNoticeJob(
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
