import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { MeetingDetail, MeetingInput, Meeting as MeetingDto, MeetingPlanEntry, MeetingStatus, NoticeTimeliness, PublishMeetingResponse } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Body } from '../bodies/body.entity.js';
import { osloDay } from '../core/dates.js';
import { MEETING_DAY_SQL, SEAT_OF_SQL } from '../bodies/seat-holders.js';
import { DomainError, NotFoundError } from '../common/errors/domain-error.js';
import { JobsService } from '../jobs/jobs.service.js';
import { MunicipalitySettingsService } from '../municipalities/municipality-settings.service.js';
import { noticeTimeliness } from '../municipalities/municipality-settings.rules.js';
import { currentScope } from '../core/tenant.js';
import { AgendaItem } from './agenda-item.entity.js';
import { Meeting } from './meeting.entity.js';
import { SEND_NOTICE_JOB, type SendNoticeJob } from './notice-job.js';
import { assertNotCancelled, MeetingAlreadyHeldError, MeetingNotFoundError, MeetingNotPublishedError } from './meetings.errors.js';
import { personName, toAgendaItemDto, toMeetingDto } from './meetings.mapper.js';
import { closedSession } from '../cases/legal-grounds.js';
import { opensItem } from '../cases/paper-access.js';
import { numberingYear } from './rules/agenda.js';
import { planEditable, statusTransition, type StatusProblem } from './rules/meeting-status.js';

const STATUS_MESSAGES: Record<StatusProblem, { message: string; status: number }> = {
  MEETING_STATUS_UNCHANGED: { message: 'Møtet har allerede denne statusen.', status: 409 },
  MEETING_PUBLISH_REQUIRED: { message: 'Innkallingen sendes ved å publisere møtet.', status: 400 },
  MEETING_NOT_PUBLISHED: { message: 'Innkallingen må sendes før møtet kan holdes.', status: 409 },
  MEETING_NOT_HELD: { message: 'Protokollen kan bare godkjennes for et møte som er holdt.', status: 409 },
  MEETING_STATUS_BACKWARDS: { message: 'Et møte kan ikke gå tilbake til en tidligere status.', status: 409 },
};

/** Who reads: the public sees published meetings of open bodies and no exempt information. */
export interface Reader {
  publicOnly: boolean;
  exemptAccess: boolean;
  /** Items whose exempt papers are open when not all are (PaperAccess). */
  exemptItemIds?: readonly string[];
}

/** Meetings of a body: planning, publishing, reading with the agenda (the iCal feeds: CalendarLinksService). */
@Injectable()
export class MeetingsService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly settings: MunicipalitySettingsService,
  ) {}

  /** A meeting becomes remote only where the council has allowed remote meetings (koml. § 11-7, the municipality's settings). */
  private async checkRemoteAllowed(remote: boolean, wasRemote: boolean): Promise<void> {
    if (!remote || wasRemote || (await this.settings.get()).remoteMeetingsAllowed) return;
    throw new DomainError('MEETING_REMOTE_NOT_ALLOWED', 'Kommunestyret har ikke vedtatt at organene kan holde fjernmøter (koml. § 11-7).', 409, [{ path: 'remote', message: 'Fjernmøter er ikke tillatt i kommunens innstillinger.' }]);
  }

  async create(bodyId: string, input: MeetingInput, municipalityId: string): Promise<MeetingDto> {
    const body = await this.em.findOne(Body, bodyId);
    if (!body) throw new NotFoundError('organet');
    await this.checkRemoteAllowed(input.remote, false);
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

  /** `lock`: the meeting's row lock, for writers (cancelling races with publishing and holding). */
  async get(id: string, reader: Pick<Reader, 'publicOnly'>, lock = false): Promise<Meeting> {
    if (lock) await this.em.execute('select id from meeting where id = ? for update', [id]);
    const meeting = await this.em.findOne(Meeting, reader.publicOnly ? { id, status: { $ne: 'planned' }, body: { isPublic: true } } : { id }, { populate: ['body'], refresh: lock });
    if (!meeting) throw new MeetingNotFoundError();
    return meeting;
  }

  /** The meeting with its agenda in order, in a fixed number of queries whatever its size. */
  async detail(id: string, reader: Reader): Promise<MeetingDetail> {
    const meeting = await this.get(id, reader);
    const items = await this.em.find(AgendaItem, { meeting }, { populate: ['case', 'asker'], orderBy: { position: 'asc' } });
    return {
      ...toMeetingDto(meeting, meeting.body.getEntity().name),
      items: items.map((i) => toAgendaItemDto(i, i.case?.getEntity() ?? null, { exemptAccess: opensItem(reader, i.id) }, personName(i.asker?.getEntity()))),
    };
  }

  /**
   * Changes time, place and the remote flag. Not once the minutes are approved; not to another year
   * when the agenda is numbered (numbers run per year); not to a remote meeting with items closed
   * under koml. § 11-5 (2) (§ 11-7).
   */
  async update(id: string, input: MeetingInput): Promise<MeetingDto> {
    const meeting = await this.get(id, { publicOnly: false }, true);
    if (!planEditable(meeting.status)) throw new DomainError('MEETING_MINUTES_APPROVED', 'Protokollen er godkjent; møtet kan ikke endres.', 409);
    assertNotCancelled(meeting);
    const startsAt = new Date(input.startsAt);
    const items = await this.em.find(AgendaItem, { meeting }, { populate: ['case'] });
    if (items.length > 0 && numberingYear(startsAt) !== numberingYear(meeting.startsAt)) {
      throw new DomainError('MEETING_YEAR_FIXED', 'Sakene er nummerert for møteåret; møtet kan ikke flyttes til et annet år.', 409, [{ path: 'startsAt', message: 'Velg en dato i samme år.' }]);
    }
    await this.checkRemoteAllowed(input.remote, meeting.remote);
    if (input.remote) {
      const grounds = items.flatMap((i) => {
        const kase = i.case?.getEntity();
        return [...(i.closed && i.legalGround ? [i.legalGround] : []), ...(kase && !kase.public && kase.legalGround ? [kase.legalGround] : [])];
      });
      if (!closedSession(grounds).remoteAllowed) {
        throw new DomainError('REMOTE_MEETING_CANNOT_CLOSE', 'Et fjernmøte kan ikke behandle saker som skal lukkes etter koml. § 11-5 annet ledd (koml. § 11-7).', 409, [{ path: 'remote', message: 'Møtet har saker som må behandles i lukket møte.' }]);
      }
    }
    const before = { startsAt: meeting.startsAt.toISOString(), endsAt: meeting.endsAt?.toISOString() ?? null, place: meeting.place, remote: meeting.remote, videoUrl: meeting.videoUrl };
    meeting.startsAt = startsAt;
    meeting.endsAt = input.endsAt ? new Date(input.endsAt) : null;
    meeting.place = input.place;
    meeting.remote = input.remote;
    meeting.videoUrl = input.videoUrl;
    this.audit.record({ action: 'meeting.update', entityType: 'meeting', entityId: meeting.id, before, after: { ...input } });
    await this.em.flush();
    return toMeetingDto(meeting, meeting.body.getEntity().name);
  }

  /**
   * notice_sent → held, one step at a time (rules/meeting-status.ts). minutes_approved is not
   * set here: it follows from approving the protocol (minutes module: signatures or the next meeting).
   */
  async setStatus(id: string, status: MeetingStatus): Promise<MeetingDto> {
    const meeting = await this.get(id, { publicOnly: false }, true);
    assertNotCancelled(meeting);
    if (status === 'held' && meeting.status === 'notice_sent' && osloDay(meeting.startsAt) > osloDay(new Date())) {
      throw new DomainError('MEETING_NOT_YET', 'Møtet kan merkes som holdt fra møtedagen.', 409, [{ path: 'status', message: 'Møtet er ikke holdt ennå.' }]);
    }
    if (status === 'minutes_approved' && meeting.status === 'held') {
      throw new DomainError('MINUTES_APPROVED_BY_PROTOCOL', 'Protokollen godkjennes fra protokollsiden: ved signering eller i neste møte.', 409, [{ path: 'status', message: 'Godkjenn protokollen fra protokollsiden.' }]);
    }
    const result = statusTransition(meeting.status, status);
    if (!result.ok) {
      const { message, status: http } = STATUS_MESSAGES[result.problem];
      throw new DomainError(result.problem, message, http, [{ path: 'status', message }]);
    }
    const before = meeting.status;
    meeting.status = status;
    this.audit.record({ action: 'meeting.status', entityType: 'meeting', entityId: meeting.id, before: { status: before }, after: { status } });
    await this.em.flush();
    return toMeetingDto(meeting, meeting.body.getEntity().name);
  }

  /** The annual meeting plan (møteplan): every body's meetings in a year (in Norway), in time order, with item counts. */
  async plan(year: number, bodyId?: string): Promise<MeetingPlanEntry[]> {
    if (bodyId && !(await this.em.findOne(Body, bodyId))) throw new NotFoundError('organet');
    const rows = await this.em.execute<{ id: string; item_count: number }[]>(
      `select m.id, count(a.id)::int as item_count
         from meeting m left join agenda_item a on a.meeting_id = m.id
        where extract(year from m.starts_at at time zone 'Europe/Oslo') = ? ${bodyId ? 'and m.body_id = ?' : ''}
        group by m.id`,
      bodyId ? [year, bodyId] : [year],
    );
    return this.planEntries(rows);
  }

  /**
   * Meetings in the next 12 months of the bodies where the person holds a seat or stands on the
   * substitute list on the day of the meeting (seat_holders; not while on leave).
   */
  async upcomingForPerson(personId: string, now: Date): Promise<MeetingPlanEntry[]> {
    const until = new Date(now);
    until.setUTCFullYear(until.getUTCFullYear() + 1);
    const rows = await this.em.execute<{ id: string; item_count: number }[]>(
      `select m.id, (select count(*)::int from agenda_item a where a.meeting_id = m.id) as item_count
         from meeting m
        where coalesce(m.ends_at, m.starts_at) >= ? and m.starts_at < ?
          and ${SEAT_OF_SQL('m.body_id', MEETING_DAY_SQL)} is not null`,
      [now, until, personId],
    );
    return this.planEntries(rows);
  }

  /** Meetings of the bodies where the person has a seat or a substitute place on the meeting day. */
  async forPerson(personId: string, statuses: readonly MeetingStatus[], since: Date): Promise<Meeting[]> {
    const rows = await this.em.execute<{ id: string }[]>(
      `select m.id from meeting m
        where m.status in (${statuses.map(() => '?').join(', ')}) and m.starts_at >= ?
          and ${SEAT_OF_SQL('m.body_id', MEETING_DAY_SQL)} is not null`,
      [...statuses, since, personId],
    );
    if (rows.length === 0) return [];
    return this.em.find(Meeting, { id: { $in: rows.map((r) => r.id) } }, { populate: ['body'], orderBy: { startsAt: 'asc', id: 'asc' } });
  }

  private async planEntries(rows: readonly { id: string; item_count: number }[]): Promise<MeetingPlanEntry[]> {
    if (rows.length === 0) return [];
    const counts = new Map(rows.map((r) => [r.id, Number(r.item_count)]));
    const meetings = await this.em.find(Meeting, { id: { $in: [...counts.keys()] } }, { populate: ['body'], orderBy: { startsAt: 'asc', id: 'asc' } });
    return meetings.map((m) => ({ ...toMeetingDto(m, m.body.getEntity().name), itemCount: counts.get(m.id) ?? 0 }));
  }

  /**
   * Publishes the meeting with its agenda (møteinnkalling, koml. § 11-3) and queues the e-mail of the
   * notice to the members. Mail goes in a job, so publishing never fails or waits because of SMTP.
   */
  async publish(id: string): Promise<PublishMeetingResponse> {
    const meeting = await this.get(id, { publicOnly: false }, true);
    assertNotCancelled(meeting);
    if (meeting.status !== 'planned') {
      throw new DomainError('MEETING_ALREADY_PUBLISHED', 'Innkallingen til møtet er allerede sendt.', 409);
    }
    meeting.status = 'notice_sent';
    meeting.noticeSentAt = new Date();
    // A late notice still goes out (the law sets no number of days, koml. § 11-3); the answer warns.
    const timeliness = await this.noticeTimelinessOf(meeting);
    this.audit.record({ action: 'meeting.publish', entityType: 'meeting', entityId: meeting.id, before: { status: 'planned' }, after: { status: meeting.status } });
    await this.em.flush();
    const { municipalityId, actor } = currentScope();
    await this.jobs.send<SendNoticeJob>(SEND_NOTICE_JOB, { meetingId: meeting.id, municipalityId, userId: actor.userId, userName: actor.name });
    const warnings = timeliness.late ? [{ code: 'NOTICE_LATE' as const, daysBefore: timeliness.daysBefore, requiredDays: timeliness.requiredDays }] : [];
    return { ...toMeetingDto(meeting, meeting.body.getEntity().name), warnings };
  }

  /** The notice against the body type's notice period: as sent, or (not yet sent) if it went out now. */
  async noticeTimeliness(id: string): Promise<NoticeTimeliness> {
    return this.noticeTimelinessOf(await this.get(id, { publicOnly: false }));
  }

  private async noticeTimelinessOf(meeting: Meeting): Promise<NoticeTimeliness> {
    const { noticeDays } = await this.settings.get();
    return noticeTimeliness({ kind: meeting.body.getEntity().kind, startsAt: meeting.startsAt, sentAt: meeting.noticeSentAt, now: new Date(), noticeDays });
  }

  /**
   * Queues the changed notice (endret møteinnkalling) after time, place or agenda changed once the
   * notice was sent: the members and the substitutes who have accepted a summons get the updated PDF
   * by e-mail, with the secretariat's message at the top. Only while the status is notice_sent.
   */
  async resendNotice(id: string, message: string): Promise<MeetingDto> {
    const meeting = await this.get(id, { publicOnly: false }, true);
    assertNotCancelled(meeting);
    if (meeting.status === 'planned') throw new MeetingNotPublishedError();
    if (meeting.status !== 'notice_sent') throw new MeetingAlreadyHeldError();
    this.audit.record({ action: 'meeting.notice_resend', entityType: 'meeting', entityId: meeting.id, after: { message } });
    await this.em.flush();
    const { municipalityId, actor } = currentScope();
    await this.jobs.send<SendNoticeJob>(SEND_NOTICE_JOB, { meetingId: meeting.id, municipalityId, userId: actor.userId, userName: actor.name, changed: true, message });
    return toMeetingDto(meeting, meeting.body.getEntity().name);
  }
}
