import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { DocumentSummary, Meeting as MeetingDto, PublicAgendaItemDetail, PublicCaseItem, PublicMeetingQuery } from '@sekretariat/contracts';
import { Document } from '../documents/document.entity.js';
import { AgendaItem } from './agenda-item.entity.js';
import { Meeting } from './meeting.entity.js';
import { AgendaItemNotFoundError } from './meetings.errors.js';
import { personName, toAgendaItemDto, toMeetingDto } from './meetings.mapper.js';
import { MeetingsService } from './meetings.service.js';
import { legalGround } from '../cases/legal-grounds.js';

const PUBLIC_READER = { publicOnly: true, exemptAccess: false } as const;

/**
 * The instant a year begins in Norway. 1 January is always winter time (UTC+1), so the year
 * starts at 23:00 UTC on 31 December.
 */
const osloYearStart = (year: number): Date => new Date(Date.UTC(year - 1, 11, 31, 23));

/**
 * What the public meeting calendar reads beyond the upcoming list: the archive by year, one
 * item with its case and public documents, the notice PDF. Only published meetings of open bodies
 * (MeetingsService.get with publicOnly); never the text of closed items, exempt cases or exempt
 * documents.
 */
@Injectable()
export class PublicMeetingsService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly meetings: MeetingsService,
  ) {}

  /** Upcoming meetings without a year; with a year, all that year's meetings (the archive). */
  async list(query: PublicMeetingQuery, now: Date): Promise<MeetingDto[]> {
    const when =
      query.year === undefined
        ? { $or: [{ endsAt: { $gte: now } }, { endsAt: null, startsAt: { $gte: now } }] }
        : { startsAt: { $gte: osloYearStart(query.year), $lt: osloYearStart(query.year + 1) } };
    const meetings = await this.em.find(
      Meeting,
      { status: { $ne: 'planned' }, body: query.bodyId ? { id: query.bodyId, isPublic: true } : { isPublic: true }, ...when },
      { populate: ['body'], orderBy: { startsAt: 'asc', id: 'asc' } },
    );
    return meetings.map((m) => toMeetingDto(m, m.body.getEntity().name));
  }

  /** The years (in Norway) that have published meetings of open bodies, newest first. */
  async years(): Promise<number[]> {
    const rows = await this.em.execute<{ year: number }[]>(
      `select distinct extract(year from m.starts_at at time zone 'Europe/Oslo')::int as year
         from meeting m join body b on b.id = m.body_id
        where m.status <> 'planned' and b.is_public
        order by year desc`,
    );
    return rows.map((r) => Number(r.year));
  }

  /** One item with its case and the case's public documents, as the public may see them. */
  async item(meetingId: string, itemId: string): Promise<PublicAgendaItemDetail> {
    const meeting = await this.meetings.get(meetingId, PUBLIC_READER);
    const item = await this.em.findOne(AgendaItem, { id: itemId, meeting }, { populate: ['case', 'asker'] });
    if (!item) throw new AgendaItemNotFoundError();
    const kase = item.case?.getEntity() ?? null;
    const dto = toAgendaItemDto(item, kase, PUBLIC_READER, personName(item.asker?.getEntity()));
    // dto.case is null when the item is closed or the case exempt: then no documents either.
    const documents = dto.case && kase ? await this.em.find(Document, { case: kase, public: true }, { orderBy: { position: 'asc', createdAt: 'asc' } }) : [];
    return {
      meeting: toMeetingDto(meeting, meeting.body.getEntity().name),
      item: dto,
      documents: documents.map(toPublicDocument),
    };
  }

  /**
   * The items of a public case on published agendas of open bodies, newest meeting first; none
   * for an exempt case or where the item is closed, so a search hit leads to the case's page.
   */
  async caseItems(caseId: string): Promise<PublicCaseItem[]> {
    const items = await this.em.find(
      AgendaItem,
      { case: { id: caseId, public: true }, closed: false, meeting: { status: { $ne: 'planned' }, body: { isPublic: true } } },
      { populate: ['meeting', 'meeting.body'], orderBy: { meeting: { startsAt: 'desc' }, id: 'asc' } },
    );
    return items.map((i) => {
      const meeting = i.meeting.getEntity();
      return { meetingId: meeting.id, itemId: i.id, number: i.number, bodyName: meeting.body.getEntity().name, startsAt: meeting.startsAt.toISOString() };
    });
  }

}

function toPublicDocument(d: Document): DocumentSummary {
  return {
    id: d.id,
    caseId: d.case.id,
    title: d.title,
    filename: d.filename,
    contentType: d.contentType,
    size: d.size,
    public: d.public,
    legalGround: d.legalGround,
    citation: d.legalGround ? (legalGround(d.legalGround)?.citation ?? null) : null,
    position: d.position,
  };
}
