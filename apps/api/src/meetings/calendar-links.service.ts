import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { CalendarLinkResponse } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, NotFoundError } from '../common/errors/domain-error.js';
import { hashSecretToken, newSecretToken } from '../common/secret-token.js';
import { runInTenant } from '../municipalities/tenant.js';
import { CalendarLink } from './calendar-link.entity.js';
import { MeetingsService } from './meetings.service.js';

/** The token in an official's calendar address: 32 random bytes, base64url (43 characters). */
export const CALENDAR_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Officials' own calendar feeds. Calendar apps fetch without a cookie, so a secret token in the
 * address is the key; the database keeps only its hash, and a new link replaces the old one.
 */
@Injectable()
export class CalendarLinksService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly meetings: MeetingsService,
    private readonly audit: AuditService,
  ) {}

  /** Makes a new secret address for the user, replacing any earlier one. */
  async rotate(user: { id: string; municipalityId: string; personId: string | null }): Promise<CalendarLinkResponse> {
    if (!user.personId) throw new DomainError('NOT_AN_OFFICIAL', 'Brukeren er ikke knyttet til en folkevalgt, og har ingen egen møtekalender.', 409);
    const token = newSecretToken();
    const existing = await this.em.findOne(CalendarLink, { user: user.id });
    const link = existing ?? this.em.create(CalendarLink, { municipality: user.municipalityId, user: user.id, person: user.personId, tokenHash: hashSecretToken(token) });
    if (existing) Object.assign(existing, { person: user.personId, tokenHash: hashSecretToken(token), createdAt: new Date() });
    this.audit.record({ action: existing ? 'calendar_link.rotate' : 'calendar_link.create', entityType: 'calendar_link', entityId: link.id, after: { userId: user.id, personId: user.personId } });
    await this.em.flush();
    return { url: `/api/public/calendar/${token}.ics`, createdAt: link.createdAt.toISOString() };
  }

  /** The feed a token opens, in its municipality; unknown tokens (and replaced ones) find nothing. */
  async feed(token: string, origin: string, now: Date): Promise<string> {
    const [owner] = await this.orm.em
      .getConnection()
      .execute<{ municipality_id: string; person_id: string; user_id: string }[]>('select * from calendar_link_owner(?)', [hashSecretToken(token)]);
    if (!owner) throw new NotFoundError('kalenderen');
    return runInTenant(this.orm, { municipalityId: owner.municipality_id, actor: { userId: owner.user_id, name: 'calendar', roles: ['official'] } }, () =>
      this.meetings.personalCalendar(owner.person_id, origin, now),
    );
  }
}
