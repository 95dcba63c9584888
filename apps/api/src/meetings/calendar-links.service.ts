import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { CalendarLinkResponse } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, NotFoundError } from '../common/errors/domain-error.js';
import { hashSecretToken, newSecretToken } from '../common/secret-token.js';
import { Body } from '../bodies/body.entity.js';
import { runInTenant } from '../core/tenant.js';
import { AgendaItem } from './agenda-item.entity.js';
import { CalendarLink } from './calendar-link.entity.js';
import { calendar, meetingDescription, type CalendarEvent, type FeedAgendaItem } from './ical.js';
import { Meeting } from './meeting.entity.js';
import { toAgendaItemDto } from './meetings.mapper.js';
import { MeetingsService } from './meetings.service.js';

/** The token in an official's calendar address: 32 random bytes, base64url (43 characters). */
export const CALENDAR_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The past year and everything ahead: enough for a calendar, bounded as the years pass. */
function feedSince(now: Date): Date {
  const since = new Date(now);
  since.setUTCFullYear(since.getUTCFullYear() - 1);
  return since;
}

const where = (m: Meeting): string => (m.remote ? ['Fjernmøte', m.place].filter(Boolean).join(', ') : m.place);

/**
 * The meeting calendars as iCalendar feeds: the public ones (one per open body, and one with all
 * open bodies of the municipality) and officials' own. Every event links to the meeting's page
 * and carries its agenda, exempt items by number and legal ground only.
 *
 * Officials' own feeds: calendar apps fetch without a cookie, so a secret token in the address is
 * the key; the database keeps only its hash, and a new link replaces the old one.
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
      this.personalCalendar(owner.person_id, origin, now),
    );
  }

  /**
   * An official's own feed: the meetings (from a year back) of the bodies where the person has a
   * seat or a substitute place on the day, planned ones too (marked tentative), each linking to the
   * meeting's page for staff and officials.
   */
  private async personalCalendar(personId: string, origin: string, now: Date): Promise<string> {
    const meetings = await this.meetings.forPerson(personId, ['planned', 'notice_sent', 'held', 'minutes_approved'], feedSince(now));
    const agendas = await this.agendas(meetings);
    return calendar({
      name: 'Mine møter',
      events: meetings.map((m) =>
        event(m, agendas.get(m.id) ?? [], `${origin}/moter/${m.id}`, now, m.status === 'planned' ? { note: 'Innkallingen er ikke sendt ennå.', tentative: true } : {}),
      ),
    });
  }

  /**
   * The published meetings (from a year back) of one open body, or with `bodyId` null of all open
   * bodies of the municipality, each linking to its page in the public meeting calendar.
   */
  async publicCalendar(bodyId: string | null, origin: string, now: Date): Promise<string> {
    let name = 'Politisk møtekalender';
    if (bodyId) {
      const body = await this.em.findOne(Body, { id: bodyId, isPublic: true });
      if (!body) throw new NotFoundError('organet');
      name = body.name;
    }
    const meetings = await this.em.find(
      Meeting,
      { status: { $ne: 'planned' }, startsAt: { $gte: feedSince(now) }, body: bodyId ? { id: bodyId, isPublic: true } : { isPublic: true } },
      { populate: ['body'], orderBy: { startsAt: 'asc', id: 'asc' } },
    );
    const agendas = await this.agendas(meetings);
    return calendar({ name, events: meetings.map((m) => event(m, agendas.get(m.id) ?? [], `${origin}/motekalender/${m.id}`, now)) });
  }

  /** The agendas of the meetings, as the public may see them (a feed is never more than public). */
  private async agendas(meetings: readonly Meeting[]): Promise<Map<string, FeedAgendaItem[]>> {
    const out = new Map<string, FeedAgendaItem[]>();
    if (meetings.length === 0) return out;
    const items = await this.em.find(AgendaItem, { meeting: { $in: meetings.map((m) => m.id) } }, { populate: ['case'], orderBy: { position: 'asc', id: 'asc' } });
    for (const item of items) {
      const kase = item.case?.getEntity() ?? null;
      const dto = toAgendaItemDto(item, kase, { exemptAccess: false });
      const list = out.get(item.meeting.id) ?? [];
      list.push({ number: dto.number, title: dto.title, exempt: item.closed || (kase !== null && !kase.public), citation: dto.citation });
      out.set(item.meeting.id, list);
    }
    return out;
  }
}

function event(m: Meeting, agenda: readonly FeedAgendaItem[], url: string, now: Date, extra: { note?: string; tentative?: boolean } = {}): CalendarEvent {
  return {
    uid: `${m.id}@sekretariat`,
    start: m.startsAt,
    end: m.endsAt,
    summary: `Møte i ${m.body.getEntity().name}`,
    location: where(m),
    description: meetingDescription({ note: extra.note, agenda, url, videoUrl: m.videoUrl }),
    url,
    stamp: now,
    tentative: extra.tentative,
  };
}
