import { Inject, Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import type {
  Absence as AbsenceDto,
  AbsenceReceipt,
  AbsenceSource,
  MeetingSeats,
  PublicAbsenceLink,
  PublicSummons,
  SeatState,
} from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { seatHolders, sits } from '../bodies/seat-holders.js';
import { MembershipsService } from '../bodies/memberships.service.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { currentScope } from '../core/tenant.js';
import { MeetingNotFoundError } from '../meetings/meetings.errors.js';
import { toAgendaItemDto } from '../meetings/meetings.mapper.js';
import { PaperAccess } from '../cases/paper-access.js';
import { EDITORS } from '../common/access/allow.decorator.js';
import type { RequestCaller } from '../common/access/caller.js';
import { AbsenceLink } from './absence-link.entity.js';
import { MeetingAbsence } from './absence.entity.js';
import {
  AbsenceExistsError,
  AbsenceLinkNotFoundError,
  AbsenceNotFoundError,
  AgendaItemNotInMeetingError,
  MeetingAlreadyHeldError,
  NotAMemberError,
  SubstituteAlreadyCalledInError,
  SummonsAlreadyAnsweredError,
  SummonsExpiredError,
  SummonsNotFoundError,
} from './attendance.errors.js';
import { SummonsMailJob, SummonsWithdrawnMailJob } from './attendance.jobs.js';
import { alreadyAsked, answerRefusal, nextStep, OPEN_STATUSES, transition } from './rules/summons.js';
import { SubstituteSummons } from './summons.entity.js';
import { osloDay } from '../core/dates.js';
import { hashSecretToken } from '../common/secret-token.js';

export interface AbsenceRequest {
  personId: string;
  agendaItemId: string | null;
  reason: string;
  deadlineHours: number;
}

export interface Reporter {
  source: AbsenceSource;
  userId: string | null;
  name: string;
}

/**
 * Absence and substitutes (koml. § 7-10): records forfall and inhabilitet, calls in the next
 * substitute in order, takes their answer by the link in the e-mail, moves down the list on a
 * decline or when the deadline passes, and shows the secretariat every seat.
 *
 * Changes to one meeting's attendance are serialised by a row lock on the meeting (always taken
 * before any summons row), and PostgreSQL holds the rules that must never break (partial unique
 * indexes: one open summons per absence, one acceptance per substitute and meeting).
 */
@Injectable()
export class AttendanceService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly memberships: MembershipsService,
    private readonly audit: AuditService,
    private readonly mailJob: SummonsMailJob,
    private readonly withdrawnMailJob: SummonsWithdrawnMailJob,
    private readonly papers: PaperAccess,
  ) {}

  private async lockMeeting(id: string): Promise<Meeting> {
    const meeting = await this.em.findOne(Meeting, id, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['body'] });
    if (!meeting) throw new MeetingNotFoundError();
    return meeting;
  }

  private assertNotHeld(meeting: Meeting, now: Date): void {
    if (!meeting.acceptsAgendaChanges() || meeting.startsAt <= now) throw new MeetingAlreadyHeldError();
  }

  /** Registers an absence (or a disqualification in one item) and calls in the next substitute. */
  async register(meetingId: string, input: AbsenceRequest, reporter: Reporter, baseUrl: string, now = new Date()): Promise<AbsenceDto> {
    const meeting = await this.lockMeeting(meetingId);
    this.assertNotHeld(meeting, now);
    const day = osloDay(meeting.startsAt);
    // Members who sit and substitutes who moved up (seat_holders) report absence; not one on leave.
    const holders = await seatHolders(this.em, meeting.body.id, day);
    if (!holders.some((h) => h.personId === input.personId && sits(h))) throw new NotAMemberError();
    let item: AgendaItem | null = null;
    if (input.agendaItemId) {
      item = await this.em.findOne(AgendaItem, { id: input.agendaItemId, meeting });
      if (!item) throw new AgendaItemNotInMeetingError();
    }
    const open = await this.em.find(MeetingAbsence, { meeting, person: input.personId, withdrawnAt: null });
    if (open.some((a) => a.agendaItem === null)) throw new AbsenceExistsError('Forfall for hele møtet er allerede meldt.');
    if (item && open.some((a) => a.agendaItem?.id === item.id)) throw new AbsenceExistsError('Inhabilitet i denne saken er allerede meldt.');
    if (!item && open.length > 0) {
      // Forfall for the whole meeting replaces disqualifications in single items.
      for (const a of open) await this.withdrawOne(a, now, 'replaced');
    }
    const absence = this.em.create(MeetingAbsence, {
      municipality: meeting.municipality.id,
      meeting,
      person: input.personId,
      agendaItem: item,
      kind: item ? 'disqualified' : 'absent',
      reason: input.reason,
      source: reporter.source,
      reporterUserId: reporter.userId,
      reportedBy: reporter.name,
      deadlineHours: input.deadlineHours,
    });
    this.audit.record({
      action: 'absence.create',
      entityType: 'meeting_absence',
      entityId: absence.id,
      after: { meetingId, personId: input.personId, kind: absence.kind, agendaItemId: item?.id ?? null, reason: input.reason, source: reporter.source },
    });
    await this.flush(() => new AbsenceExistsError());
    await this.callNext(absence, meeting, baseUrl, now);
    return this.absenceDto(absence);
  }

  /** Withdraws an absence before the meeting; its open summons is withdrawn too. */
  async withdraw(absenceId: string, onlyFor: string | null, now = new Date()): Promise<AbsenceDto> {
    const found = await this.em.findOne(MeetingAbsence, absenceId);
    if (!found || (onlyFor !== null && found.person.id !== onlyFor)) throw new AbsenceNotFoundError();
    const meeting = await this.lockMeeting(found.meeting.id);
    this.assertNotHeld(meeting, now);
    const absence = await this.em.findOneOrFail(MeetingAbsence, absenceId, { refresh: true });
    if (absence.withdrawnAt) throw new AbsenceNotFoundError();
    await this.withdrawOne(absence, now, 'withdrawn');
    await this.em.flush();
    return this.absenceDto(absence);
  }

  private async withdrawOne(absence: MeetingAbsence, now: Date, why: 'withdrawn' | 'replaced'): Promise<void> {
    absence.withdrawnAt = now;
    const summonses = await this.em.find(SubstituteSummons, { absence, status: { $in: [...OPEN_STATUSES] } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const wasAccepted = new Map(summonses.map((s) => [s.id, s.status === 'accepted']));
    for (const s of summonses) s.status = transition(s.status, 'withdraw')!;
    this.audit.record({
      action: 'absence.withdraw',
      entityType: 'meeting_absence',
      entityId: absence.id,
      after: { why, withdrawnSummonses: summonses.map((s) => s.id) },
    });
    await this.em.flush();
    // The substitutes are told they are not needed after all. Not when a whole-meeting absence
    // replaces disqualifications: the seat is still to be filled, and they may be asked again.
    if (why === 'withdrawn') {
      const { municipalityId } = currentScope();
      for (const s of summonses) await this.withdrawnMailJob.queue({ summonsId: s.id, municipalityId, wasAccepted: wasAccepted.get(s.id)! });
    }
  }

  /**
   * Asks the next substitute for an absence that has no open summons, or records that the list is
   * exhausted. Skips every substitute already asked for this meeting and every absent member.
   * The caller holds the meeting's lock.
   */
  async callNext(absence: MeetingAbsence, meeting: Meeting, baseUrl: string, now = new Date()): Promise<SubstituteSummons | null> {
    const summonses = await this.em.find(SubstituteSummons, { meeting });
    if (summonses.some((s) => s.absence.id === absence.id && OPEN_STATUSES.includes(s.status))) return null;
    const absent = await this.em.find(MeetingAbsence, { meeting, withdrawnAt: null, agendaItem: null });
    const unavailable = [...alreadyAsked(summonses.map((s) => ({ personId: s.person.id, status: s.status }))), ...absent.map((a) => a.person.id)];
    const proposal = await this.memberships.proposal(meeting.body.id, { personId: absence.person.id, date: osloDay(meeting.startsAt), unavailable });
    const step = nextStep(proposal, now, meeting.startsAt, absence.deadlineHours);
    if (step.kind === 'exhausted') {
      absence.exhausted = step.explanation;
      this.audit.record({ action: 'absence.exhausted', entityType: 'meeting_absence', entityId: absence.id, after: { explanation: step.explanation } });
      await this.em.flush();
      return null;
    }
    absence.exhausted = null;
    const summons = this.em.create(SubstituteSummons, {
      municipality: meeting.municipality.id,
      absence,
      meeting,
      person: step.substitute.personId,
      list: step.substitute.list,
      rank: step.substitute.rank,
      deadline: step.deadline,
    });
    this.audit.record({
      action: 'summons.create',
      entityType: 'substitute_summons',
      entityId: summons.id,
      after: { absenceId: absence.id, personId: step.substitute.personId, rank: step.substitute.rank, list: step.substitute.list, deadline: step.deadline.toISOString(), explanation: proposal.explanation },
    });
    await this.em.flush();
    await this.mailJob.queue({ summonsId: summons.id, municipalityId: meeting.municipality.id, baseUrl });
    return summons;
  }

  private async summonsByToken(token: string): Promise<SubstituteSummons> {
    const summons = await this.em.findOne(SubstituteSummons, { tokenHash: hashSecretToken(token) });
    if (!summons) throw new SummonsNotFoundError();
    return summons;
  }

  /** What the substitute sees from the link. */
  async publicSummons(token: string, now = new Date()): Promise<PublicSummons> {
    const summons = await this.summonsByToken(token);
    return this.publicSummonsDto(summons, now);
  }

  /** The substitute's answer by the link: accept, or decline (and the next one is asked). */
  async answer(token: string, answer: 'accept' | 'decline', baseUrl: string, now = new Date()): Promise<PublicSummons> {
    const found = await this.summonsByToken(token);
    return this.publicSummonsDto(await this.answerSummons(found, answer, 'link', baseUrl, now), now);
  }

  /** The secretariat records an answer given by phone or in person (e.g. a substitute without e-mail). */
  async answerFor(summonsId: string, answer: 'accept' | 'decline', baseUrl: string, now = new Date()): Promise<AbsenceDto> {
    const found = await this.em.findOne(SubstituteSummons, summonsId);
    if (!found) throw new SummonsNotFoundError();
    const summons = await this.answerSummons(found, answer, 'secretariat', baseUrl, now);
    return this.absenceDto(await this.em.findOneOrFail(MeetingAbsence, summons.absence.id));
  }

  private async answerSummons(found: SubstituteSummons, answer: 'accept' | 'decline', via: 'link' | 'secretariat', baseUrl: string, now: Date): Promise<SubstituteSummons> {
    const meeting = await this.lockMeeting(found.meeting.id);
    const summons = await this.em.findOneOrFail(SubstituteSummons, found.id, { refresh: true, lockMode: LockMode.PESSIMISTIC_WRITE });
    const refusal = answerRefusal(summons, meeting.startsAt, now);
    if (refusal === 'already_answered') throw new SummonsAlreadyAnsweredError();
    if (refusal === 'meeting_started' || !meeting.acceptsAgendaChanges()) throw new MeetingAlreadyHeldError();
    if (refusal === 'expired') throw new SummonsExpiredError();
    summons.status = transition(summons.status, answer)!;
    summons.answeredAt = now;
    this.audit.record({
      action: answer === 'accept' ? 'summons.accept' : 'summons.decline',
      entityType: 'substitute_summons',
      entityId: summons.id,
      after: { status: summons.status, personId: summons.person.id, absenceId: summons.absence.id, via },
    });
    await this.flush(() => new SubstituteAlreadyCalledInError());
    if (answer === 'decline') {
      const absence = await this.em.findOneOrFail(MeetingAbsence, summons.absence.id);
      if (!absence.withdrawnAt) await this.callNext(absence, meeting, baseUrl, now);
    }
    return summons;
  }

  /**
   * Expires pending summonses past their deadline in the current municipality and asks the next
   * substitute for each. Run every minute by the expiry job; returns how many expired.
   */
  async expireDue(baseUrl: string, now = new Date()): Promise<number> {
    const due = await this.em.find(SubstituteSummons, { status: 'pending', deadline: { $lte: now } }, { orderBy: { deadline: 'asc' } });
    let expired = 0;
    for (const found of due) {
      const meeting = await this.lockMeeting(found.meeting.id);
      const summons = await this.em.findOneOrFail(SubstituteSummons, found.id, { refresh: true, lockMode: LockMode.PESSIMISTIC_WRITE });
      if (summons.status !== 'pending' || summons.deadline > now) continue;
      summons.status = transition(summons.status, 'expire')!;
      this.audit.record({ action: 'summons.expire', entityType: 'substitute_summons', entityId: summons.id, after: { personId: summons.person.id, deadline: summons.deadline.toISOString() } });
      await this.em.flush();
      expired++;
      const absence = await this.em.findOneOrFail(MeetingAbsence, summons.absence.id);
      if (!absence.withdrawnAt) await this.callNext(absence, meeting, baseUrl, now);
    }
    return expired;
  }

  /**
   * The persons called in to the meeting as substitutes: those with an accepted summons (for the
   * whole meeting or one item). They count as members of that meeting (e.g. for exempt documents).
   */
  async calledInPersonIds(meetingId: string): Promise<string[]> {
    const rows = await this.em.find(SubstituteSummons, { meeting: meetingId, status: 'accepted' });
    return [...new Set(rows.map((s) => s.person.id))];
  }

  /** Every seat of the body on the meeting day with its absences and the substitutes asked. */
  /**
   * The seat overview as `caller` may see it: reasons for the secretariat only, and the titles of
   * closed items only for those who may read the meeting's exempt papers (PaperAccess), as on
   * every other route that lists agenda items.
   */
  async seatsFor(caller: RequestCaller, meetingId: string): Promise<MeetingSeats> {
    const { exemptAccess } = await this.papers.forMeeting(caller, meetingId);
    return this.seats(meetingId, { reasons: caller.roles.some((r) => EDITORS.includes(r)), exemptAccess });
  }

  async seats(meetingId: string, options: { reasons: boolean; exemptAccess: boolean } = { reasons: true, exemptAccess: true }): Promise<MeetingSeats> {
    const meeting = await this.em.findOne(Meeting, meetingId, { populate: ['body'] });
    if (!meeting) throw new MeetingNotFoundError();
    const day = osloDay(meeting.startsAt);
    // Every seat on the meeting day (seat_holders): members, those away, and substitutes who moved up.
    const holders = (await seatHolders(this.em, meeting.body.id, day)).filter((h) => sits(h) || (h.seat === 'away' && h.kind === 'member'));
    const absences = await this.em.find(MeetingAbsence, { meeting, withdrawnAt: null }, { populate: ['person', 'agendaItem'], orderBy: { createdAt: 'asc' } });
    const summonses = await this.em.find(SubstituteSummons, { meeting }, { populate: ['person'], orderBy: { createdAt: 'asc' } });
    const items = await this.em.find(AgendaItem, { meeting }, { populate: ['case'], orderBy: { position: 'asc' } });
    // Reasons (illness, family) are for the secretariat: others see that, not why.
    const dtos = new Map(
      absences.map((a) => {
        const dto = this.toAbsenceDto(a, summonses.filter((s) => s.absence.id === a.id));
        return [a.id, options.reasons ? dto : { ...dto, reason: '', reportedBy: '' }];
      }),
    );
    const seats: SeatState[] = holders
      .sort((a, b) => a.sortName.localeCompare(b.sortName, 'nb')).map((h) => {
      const own = absences.filter((a) => a.person.id === h.personId).map((a) => dtos.get(a.id)!);
      return {
        membershipId: h.membershipId,
        personId: h.personId,
        name: h.name,
        party: h.listName === 'uten parti' ? null : h.listName,
        state: h.seat === 'away' ? 'on_leave' : own.some((a) => a.kind === 'absent') ? 'absent' : 'present',
        absences: own,
      };
    });
    const byAbsence = new Map(absences.map((a) => [a.id, a]));
    return {
      meetingId: meeting.id,
      bodyId: meeting.body.id,
      bodyName: meeting.body.getEntity().name,
      startsAt: meeting.startsAt.toISOString(),
      status: meeting.status,
      items: items.map((i) => ({ id: i.id, number: i.number, title: toAgendaItemDto(i, i.case?.getEntity() ?? null, { exemptAccess: options.exemptAccess }).title })),
      seats,
      calledIn: summonses
        .filter((s) => s.status === 'accepted' && byAbsence.has(s.absence.id))
        .map((s) => {
          const a = byAbsence.get(s.absence.id)!;
          return { personId: s.person.id, name: s.person.getEntity().fullName(), forPersonId: a.person.id, forName: a.person.getEntity().fullName(), agendaItemNumber: a.agendaItem?.getEntity().number ?? null };
        }),
      emptySeats: [...dtos.values()].filter((a) => a.exhausted !== null && !a.summonses.some((s) => s.status === 'pending' || s.status === 'accepted')).length,
    };
  }

  /** The absences the member has reported for the meeting (for the reader). */
  async ownAbsences(meetingId: string, personId: string): Promise<AbsenceDto[]> {
    const absences = await this.em.find(MeetingAbsence, { meeting: meetingId, person: personId, withdrawnAt: null }, { populate: ['person', 'agendaItem'], orderBy: { createdAt: 'asc' } });
    return Promise.all(absences.map((a) => this.absenceDto(a)));
  }

  private async linkByToken(token: string): Promise<AbsenceLink> {
    const found = await this.em.findOne(AbsenceLink, { tokenHash: hashSecretToken(token) }, { populate: ['person', 'meeting'] });
    if (!found) throw new AbsenceLinkNotFoundError();
    return found;
  }

  /** The member's absence page from the notice e-mail. */
  async linkInfo(token: string, now = new Date()): Promise<PublicAbsenceLink> {
    const link = await this.linkByToken(token);
    const meeting = await this.em.findOneOrFail(Meeting, link.meeting.id, { populate: ['body'] });
    const items = await this.em.find(AgendaItem, { meeting }, { populate: ['case'], orderBy: { position: 'asc' } });
    const reported = await this.em.find(MeetingAbsence, { meeting, person: link.person.id, withdrawnAt: null }, { populate: ['agendaItem'], orderBy: { createdAt: 'asc' } });
    return {
      memberName: link.person.getEntity().fullName(),
      meeting: publicMeeting(meeting),
      items: items.map((i) => ({ id: i.id, number: i.number, title: toAgendaItemDto(i, i.case?.getEntity() ?? null, { exemptAccess: false }).title })),
      reported: reported.map((a) => ({ kind: a.kind, agendaItemNumber: a.agendaItem?.getEntity().number ?? null, reportedAt: a.createdAt.toISOString() })),
      open: meeting.acceptsAgendaChanges() && meeting.startsAt > now,
    };
  }

  /** A report through the member's link: the same as the secretariat registering it, with the default deadline. */
  async reportByLink(token: string, input: { agendaItemId: string | null; reason: string }, deadlineHours: number, baseUrl: string, now = new Date()): Promise<AbsenceReceipt> {
    const link = await this.linkByToken(token);
    const person = link.person.getEntity();
    const absence = await this.register(link.meeting.id, { personId: person.id, ...input, deadlineHours }, { source: 'link', userId: null, name: person.fullName() }, baseUrl, now);
    return {
      kind: absence.kind,
      agendaItemNumber: absence.agendaItemNumber,
      reportedAt: absence.reportedAt,
      substituteAsked: absence.summonses.length > 0,
    };
  }

  private async absenceDto(absence: MeetingAbsence): Promise<AbsenceDto> {
    await this.em.populate(absence, ['person', 'agendaItem']);
    const summonses = await this.em.find(SubstituteSummons, { absence }, { populate: ['person'], orderBy: { createdAt: 'asc' } });
    return this.toAbsenceDto(absence, summonses);
  }

  private toAbsenceDto(a: MeetingAbsence, summonses: SubstituteSummons[]): AbsenceDto {
    return {
      id: a.id,
      meetingId: a.meeting.id,
      personId: a.person.id,
      name: a.person.getEntity().fullName(),
      kind: a.kind,
      agendaItemId: a.agendaItem?.id ?? null,
      agendaItemNumber: a.agendaItem?.getEntity().number ?? null,
      reason: a.reason,
      source: a.source,
      reportedBy: a.reportedBy,
      reportedAt: a.createdAt.toISOString(),
      withdrawnAt: a.withdrawnAt?.toISOString() ?? null,
      deadlineHours: a.deadlineHours,
      summonses: summonses.map((s) => ({
        id: s.id,
        personId: s.person.id,
        name: s.person.getEntity().fullName(),
        list: s.list,
        rank: s.rank,
        status: s.status,
        deadline: s.deadline.toISOString(),
        answeredAt: s.answeredAt?.toISOString() ?? null,
        createdAt: s.createdAt.toISOString(),
      })),
      exhausted: a.exhausted,
    };
  }

  private async publicSummonsDto(summons: SubstituteSummons, now: Date): Promise<PublicSummons> {
    await this.em.populate(summons, ['person', 'absence.person', 'absence.agendaItem.case', 'meeting.body']);
    const absence = summons.absence.getEntity();
    const item = absence.agendaItem?.getEntity() ?? null;
    return {
      substituteName: summons.person.getEntity().fullName(),
      replaces: absence.person.getEntity().fullName(),
      agendaItem: item ? { number: item.number, title: toAgendaItemDto(item, item.case?.getEntity() ?? null, { exemptAccess: false }).title } : null,
      meeting: publicMeeting(summons.meeting.getEntity()),
      status: summons.status,
      deadline: summons.deadline.toISOString(),
      pastDeadline: summons.status === 'pending' && summons.deadline <= now,
    };
  }

  /** Flushes, turning a unique index violation into the domain error. */
  private async flush(onUnique: () => Error): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw onUnique();
      throw error;
    }
  }
}

function publicMeeting(m: Meeting): PublicSummons['meeting'] {
  return {
    bodyName: m.body.getEntity().name,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt?.toISOString() ?? null,
    place: m.place,
    remote: m.remote,
  };
}
