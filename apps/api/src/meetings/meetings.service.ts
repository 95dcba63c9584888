import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { MeetingDetail, MeetingInput, Meeting as MeetingDto } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Body } from '../bodies/body.entity.js';
import { DomainError, NotFoundError } from '../common/errors/domain-error.js';
import { currentScope } from '../database/tenant.js';
import { AgendaItem } from './agenda-item.entity.js';
import { calendar } from './ical.js';
import { MeetingNoticeJob } from './meeting-notice.job.js';
import { Meeting } from './meeting.entity.js';
import { MeetingNotFoundError } from './meetings.errors.js';
import { toAgendaItemDto, toMeetingDto } from './meetings.mapper.js';

/** Who reads: the public sees published meetings of open bodies and no exempt information. */
export interface Reader {
  publicOnly: boolean;
  exemptAccess: boolean;
}

/** Meetings of a body: planning, publishing, reading with the agenda, the iCal feed. */
@Injectable()
export class MeetingsService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly noticeJob: MeetingNoticeJob,
  ) {}

  async create(bodyId: string, input: MeetingInput, municipalityId: string): Promise<MeetingDto> {
    const body = await this.em.findOne(Body, bodyId);
    if (!body) throw new NotFoundError('organet');
    const meeting = this.em.create(Meeting, {
      municipality: municipalityId,
      body,
      startsAt: new Date(input.startsAt),
      endsAt: input.endsAt ? new Date(input.endsAt) : null,
      place: input.place,
      remote: input.remote,
      videoUrl: input.videoUrl,
    });
    this.audit.record({ action: 'meeting.create', entityType: 'meeting', entityId: meeting.id, after: { bodyId, ...input } });
    await this.em.flush();
    return toMeetingDto(meeting, body.name);
  }

  async listForBody(bodyId: string): Promise<MeetingDto[]> {
    const body = await this.em.findOne(Body, bodyId);
    if (!body) throw new NotFoundError('organet');
    const meetings = await this.em.find(Meeting, { body }, { orderBy: { startsAt: 'asc' } });
    return meetings.map((m) => toMeetingDto(m, body.name));
  }

  /** Published meetings of open bodies that are not over yet, soonest first. */
  async upcomingPublic(now: Date): Promise<MeetingDto[]> {
    const meetings = await this.em.find(
      Meeting,
      { status: { $ne: 'planned' }, body: { isPublic: true }, $or: [{ endsAt: { $gte: now } }, { endsAt: null, startsAt: { $gte: now } }] },
      { populate: ['body'], orderBy: { startsAt: 'asc' } },
    );
    return meetings.map((m) => toMeetingDto(m, m.body.getEntity().name));
  }

  async get(id: string, reader: Pick<Reader, 'publicOnly'>): Promise<Meeting> {
    const meeting = await this.em.findOne(Meeting, reader.publicOnly ? { id, status: { $ne: 'planned' }, body: { isPublic: true } } : { id }, { populate: ['body'] });
    if (!meeting) throw new MeetingNotFoundError();
    return meeting;
  }

  /** The meeting with its agenda in order, in a fixed number of queries whatever its size. */
  async detail(id: string, reader: Reader): Promise<MeetingDetail> {
    const meeting = await this.get(id, reader);
    const items = await this.em.find(AgendaItem, { meeting }, { populate: ['case'], orderBy: { position: 'asc' } });
    return {
      ...toMeetingDto(meeting, meeting.body.getEntity().name),
      items: items.map((i) => toAgendaItemDto(i, i.case?.getEntity() ?? null, reader)),
    };
  }

  /**
   * Publishes the meeting with its agenda (møteinnkalling, koml. § 11-3) and queues the e-mail of the
   * notice to the members. Mail goes in a job, so publishing never fails or waits because of SMTP.
   */
  async publish(id: string): Promise<MeetingDto> {
    const meeting = await this.get(id, { publicOnly: false });
    if (meeting.status !== 'planned') {
      throw new DomainError('MEETING_ALREADY_PUBLISHED', 'Innkallingen til møtet er allerede sendt.', 409);
    }
    meeting.status = 'notice_sent';
    this.audit.record({ action: 'meeting.publish', entityType: 'meeting', entityId: meeting.id, before: { status: 'planned' }, after: { status: meeting.status } });
    await this.em.flush();
    const { municipalityId, actor } = currentScope();
    await this.noticeJob.queue({ meetingId: meeting.id, municipalityId, userId: actor.userId, userName: actor.name });
    return toMeetingDto(meeting, meeting.body.getEntity().name);
  }

  /** The published meetings of an open body as an iCalendar feed. */
  async publicCalendar(bodyId: string, now: Date): Promise<{ ics: string; name: string }> {
    const body = await this.em.findOne(Body, { id: bodyId, isPublic: true });
    if (!body) throw new NotFoundError('organet');
    const meetings = await this.em.find(Meeting, { body, status: { $ne: 'planned' } }, { orderBy: { startsAt: 'asc' } });
    const ics = calendar({
      name: body.name,
      events: meetings.map((m) => ({
        uid: `${m.id}@sekretariat`,
        start: m.startsAt,
        end: m.endsAt,
        summary: `Møte i ${body.name}`,
        location: m.remote ? ['Fjernmøte', m.place].filter(Boolean).join(', ') : m.place,
        description: '',
        url: m.videoUrl,
        stamp: now,
      })),
    });
    return { ics, name: body.name };
  }
}
