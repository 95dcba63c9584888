import { Inject, Injectable } from '@nestjs/common';
import { ref, UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import {
  DISQUALIFICATION_CITATIONS,
  type AttendeeInput,
  type AttendeeUpdateInput,
  type DisqualificationInput,
  type ItemTreatmentInput,
  type Minutes,
  type MinutesRecordInput,
  type ProposalInput,
  type ProtocolLanguage,
  type VoteInput,
  type VoteResult,
} from '@sekretariat/contracts';
import { AttendanceService } from '../attendance/attendance.service.js';
import { AuditService } from '../audit/audit.service.js';
import { activeOn, osloDay } from '../core/dates.js';
import { Membership } from '../bodies/membership.entity.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { assertNotCancelled, MeetingNotFoundError } from '../meetings/meetings.errors.js';
import { citation } from '../meetings/meetings.mapper.js';
import { MunicipalitySettingsService } from '../municipalities/municipality-settings.service.js';
import { MinutesAttendee } from './minutes-attendee.entity.js';
import { MinutesDisqualification } from './disqualification.entity.js';
import { minutesError } from './minutes.errors.js';
import { MinutesItem } from './minutes-item.entity.js';
import { MinutesProposal } from './proposal.entity.js';
import { MinutesRecord } from './minutes-record.entity.js';
import { ProtocolVersion } from './protocol-version.entity.js';
import { ProtocolSignature } from './protocol-signature.entity.js';
import type { ProtocolItem, ProtocolModel } from './protocol-model.js';
import { countVote, isQuorate, votersInItem, type AttendanceForItem } from './rules/votes.js';

/** Everything recorded for one meeting, loaded together (one query per table). */
interface Loaded {
  meeting: Meeting;
  record: MinutesRecord;
  attendees: MinutesAttendee[];
  items: AgendaItem[];
  treatments: Map<string, MinutesItem>;
  disqualifications: MinutesDisqualification[];
  proposals: MinutesProposal[];
  versions: ProtocolVersion[];
  signatures: ProtocolSignature[];
  memberCount: number;
}

const SUBJECT = {
  nb: { recommendation: 'Innstillingen', proposal: (p: string) => `Forslaget fra ${p}` },
  nn: { recommendation: 'Innstillinga', proposal: (p: string) => `Framlegget frå ${p}` },
} as const;

/**
 * Recording a meeting (møtebok, koml. § 11-4): attendance by item, disqualification rulings,
 * proposals and votes with the parties on each side, decisions. Every change to one meeting's
 * minutes takes the meeting's row lock first, is audited, and is refused once the current
 * protocol version is approved (a correction opens the next version).
 */
@Injectable()
export class MinutesService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly attendance: AttendanceService,
    private readonly audit: AuditService,
    private readonly settings: MunicipalitySettingsService,
  ) {}

  // ---------------------------------------------------------------- loading and the view

  async load(meetingId: string): Promise<Loaded> {
    const meeting = await this.em.findOne(Meeting, meetingId, { populate: ['body', 'municipality'] });
    if (!meeting) throw new MeetingNotFoundError();
    const record = await this.em.findOne(MinutesRecord, { meeting });
    if (!record) throw minutesError.notStarted();
    const [attendees, items, versions] = await Promise.all([
      this.em.find(MinutesAttendee, { meeting }, { populate: ['meetsFor', 'onlyItem', 'fromItem', 'toItem'], orderBy: { role: 'asc', name: 'asc' } }),
      this.em.find(AgendaItem, { meeting }, { populate: ['case'], orderBy: { position: 'asc' } }),
      this.em.find(ProtocolVersion, { meeting }, { orderBy: { version: 'asc' }, populate: ['approvedInItem'] }),
    ]);
    const [treatments, disqualifications, proposals, signatures] = await Promise.all([
      this.em.find(MinutesItem, { agendaItem: { meeting } }),
      this.em.find(MinutesDisqualification, { agendaItem: { meeting } }, { populate: ['person'], orderBy: { createdAt: 'asc' } }),
      this.em.find(MinutesProposal, { agendaItem: { meeting } }, { orderBy: { ordinal: 'asc' } }),
      this.em.find(ProtocolSignature, { protocol: { meeting } }, { populate: ['person'], orderBy: { createdAt: 'asc' } }),
    ]);
    const memberCount = await this.em.count(Membership, { body: meeting.body.id, kind: 'member', ...activeOn(osloDay(meeting.startsAt)) });
    return { meeting, record, attendees, items, treatments: new Map(treatments.map((t) => [t.agendaItem.id, t])), disqualifications, proposals, versions, signatures, memberCount };
  }

  /** The recording as the secretariat sees it: attendance, each item with its votes and quorum, the protocol's versions. */
  async view(meetingId: string): Promise<Minutes> {
    const l = await this.load(meetingId);
    const draft = l.versions.find((v) => v.status === 'draft') ?? null;
    return {
      meetingId: l.meeting.id,
      bodyName: l.meeting.body.getEntity().name,
      startsAt: l.meeting.startsAt.toISOString(),
      meetingStatus: l.meeting.status,
      record: {
        language: l.record.language,
        openedAt: l.record.openedAt,
        closedAt: l.record.closedAt,
        chairPersonId: l.record.chairPersonId,
        remarks: l.record.remarks,
        approvalMethod: l.record.approvalMethod,
        signatoryPersonIds: l.record.signatoryPersonIds,
      },
      memberCount: l.memberCount,
      attendees: l.attendees.map((a) => ({
        id: a.id,
        personId: a.person?.id ?? null,
        name: a.name,
        party: a.party,
        role: a.role,
        title: a.title,
        meetsForName: a.meetsFor ? a.meetsFor.getEntity().fullName() : null,
        onlyItemId: a.onlyItem?.id ?? null,
        present: a.present,
        absenceReason: a.absenceReason,
        fromItemId: a.fromItem?.id ?? null,
        toItemId: a.toItem?.id ?? null,
        arrivedAt: a.arrivedAt,
        leftAt: a.leftAt,
      })),
      items: l.items.map((item) => {
        const model = this.itemModel(l, item);
        const treatment = l.treatments.get(item.id);
        return {
          id: item.id,
          number: item.number,
          title: model.title,
          archiveReference: model.archiveReference,
          closed: model.exempt,
          citation: model.citation,
          outcome: model.outcome,
          treatment: model.treatment,
          decision: model.decision,
          decisionExempt: model.decisionExempt,
          handledAs: treatment?.handledAs ?? null,
          votingPresent: model.votingPresent,
          quorate: model.quorate,
          disqualifications: l.disqualifications
            .filter((d) => d.agendaItem.id === item.id)
            .map((d) => ({ id: d.id, personId: d.person.id, name: d.person.getEntity().fullName(), ground: d.ground, citation: DISQUALIFICATION_CITATIONS[d.ground], disqualified: d.disqualified, note: d.note })),
          proposals: l.proposals
            .filter((p) => p.agendaItem.id === item.id)
            .map((p) => ({ id: p.id, ordinal: p.ordinal, kind: p.kind, proposer: p.proposer, onBehalfOf: p.onBehalfOf, text: p.text, outcome: p.outcome, result: this.result(l, item, p) })),
        };
      }),
      versions: l.versions.map((v) => ({
        version: v.version,
        status: v.status,
        correctionReason: v.correctionReason,
        approvedAt: v.approvedAt?.toISOString() ?? null,
        approvalMethod: v.approvalMethod,
        approvedInItem: v.approvedInItem?.getEntity().number ?? null,
        signatures: v.signatoryPersonIds.map((personId) => {
          const signed = l.signatures.find((s) => s.protocol.id === v.id && s.person.id === personId);
          const attendee = l.attendees.find((a) => a.person?.id === personId);
          return { personId, name: signed?.person.getEntity().fullName() ?? attendee?.name ?? '', signedAt: signed?.createdAt.toISOString() ?? null };
        }),
      })),
      locked: draft === null && l.versions.length > 0,
    };
  }

  private attendanceRows(l: Loaded): AttendanceForItem[] {
    const position = new Map(l.items.map((i) => [i.id, i.position]));
    return l.attendees.map((a) => ({
      personId: a.person?.id ?? null,
      name: a.name,
      party: a.party,
      role: a.role,
      present: a.present,
      fromPosition: a.fromItem ? position.get(a.fromItem.id)! : null,
      toPosition: a.toItem ? position.get(a.toItem.id)! : null,
      onlyItemId: a.onlyItem?.id ?? null,
    }));
  }

  private disqualifiedIn(l: Loaded, itemId: string): Set<string> {
    return new Set(l.disqualifications.filter((d) => d.agendaItem.id === itemId && d.disqualified).map((d) => d.person.id));
  }

  private voters(l: Loaded, item: AgendaItem) {
    return votersInItem(this.attendanceRows(l), item, this.disqualifiedIn(l, item.id));
  }

  private subject(l: Loaded, p: MinutesProposal): string {
    const s = SUBJECT[l.record.language as ProtocolLanguage];
    return p.kind === 'recommendation' ? s.recommendation : s.proposal(p.proposer);
  }

  private result(l: Loaded, item: AgendaItem, p: MinutesProposal): VoteResult | null {
    if (p.outcome !== 'voted') return null;
    const counted = countVote(this.voters(l, item), p.againstPersonIds, {
      memberCount: l.memberCount,
      chairPersonId: l.record.chairPersonId,
      subject: this.subject(l, p),
      language: l.record.language,
    });
    // A vote stored is a vote that was valid when recorded; attendance changed afterwards shows it as not counted.
    return counted.ok ? counted.result : null;
  }

  private itemModel(l: Loaded, item: AgendaItem): ProtocolItem {
    const kase = item.case?.getEntity() ?? null;
    const exempt = item.closed || (kase !== null && !kase.public);
    const ground = item.legalGround ?? (kase && !kase.public ? kase.legalGround : null);
    const treatment = l.treatments.get(item.id);
    const votingPresent = this.voters(l, item).length;
    return {
      number: item.number,
      title: kase?.title ?? item.title ?? '',
      archiveReference: kase?.archiveReference ?? null,
      exempt,
      citation: citation(ground),
      outcome: treatment?.outcome ?? 'pending',
      treatment: treatment?.treatment ?? '',
      decision: item.decision,
      decisionExempt: treatment?.decisionExempt ?? false,
      votingPresent,
      quorate: isQuorate(l.memberCount, votingPresent),
      disqualifications: l.disqualifications
        .filter((d) => d.agendaItem.id === item.id)
        .map((d) => ({ name: d.person.getEntity().fullName(), citation: DISQUALIFICATION_CITATIONS[d.ground], disqualified: d.disqualified, note: d.note })),
      proposals: l.proposals
        .filter((p) => p.agendaItem.id === item.id)
        .map((p) => ({ kind: p.kind, proposer: p.proposer, onBehalfOf: p.onBehalfOf, text: p.text, outcome: p.outcome, result: this.result(l, item, p) })),
    };
  }

  /** The protocol's data as it stands (for a draft) or for `version`. */
  model(l: Loaded, version: ProtocolVersion | null): ProtocolModel {
    const item = (id: string | undefined) => (id ? (l.items.find((i) => i.id === id)?.number ?? null) : null);
    const chair = l.attendees.find((a) => a.person?.id === l.record.chairPersonId);
    const signatoryIds = version?.signatoryPersonIds ?? l.record.signatoryPersonIds;
    return {
      municipalityName: l.meeting.municipality.getEntity().name,
      bodyName: l.meeting.body.getEntity().name,
      language: l.record.language,
      startsAt: l.meeting.startsAt.toISOString(),
      place: l.meeting.place,
      remote: l.meeting.remote,
      openedAt: l.record.openedAt,
      closedAt: l.record.closedAt,
      remarks: l.record.remarks,
      chairName: chair?.name ?? null,
      memberCount: l.memberCount,
      attendees: l.attendees.map((a) => ({
        name: a.name,
        party: a.party,
        role: a.role,
        title: a.title,
        meetsFor: a.meetsFor ? a.meetsFor.getEntity().fullName() : null,
        onlyItem: item(a.onlyItem?.id),
        present: a.present,
        absenceReason: a.absenceReason,
        fromItem: item(a.fromItem?.id),
        toItem: item(a.toItem?.id),
        arrivedAt: a.arrivedAt,
        leftAt: a.leftAt,
      })),
      items: l.items.map((i) => this.itemModel(l, i)),
      version: version?.version ?? 1,
      correctionReason: version?.correctionReason ?? null,
      approvalMethod: version?.approvalMethod ?? l.record.approvalMethod,
      approvedAt: version?.approvedAt?.toISOString() ?? null,
      approvedInItem: version?.approvedInItem?.getEntity().number ?? null,
      signatories: signatoryIds.map((personId) => {
        const signed = version ? l.signatures.find((s) => s.protocol.id === version.id && s.person.id === personId) : undefined;
        return { name: l.attendees.find((a) => a.person?.id === personId)?.name ?? '', signedAt: signed?.createdAt.toISOString() ?? null };
      }),
    };
  }

  // ---------------------------------------------------------------- changes

  /** Locks the meeting, and refuses when the current protocol version is approved. */
  async lockForChange(meetingId: string): Promise<Meeting> {
    const meeting = await this.em.findOne(Meeting, meetingId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!meeting) throw new MeetingNotFoundError();
    const versions = await this.em.find(ProtocolVersion, { meeting });
    if (versions.length > 0 && !versions.some((v) => v.status === 'draft')) throw minutesError.locked();
    return meeting;
  }

  private async item(meeting: Meeting, itemId: string, field?: string): Promise<AgendaItem> {
    const item = await this.em.findOne(AgendaItem, { id: itemId, meeting }, { populate: ['case'] });
    if (!item) throw minutesError.itemNotInMeeting(field);
    return item;
  }

  /**
   * Opens the minutes: attendance from the seat overview (members, absences with their reason,
   * substitutes who accepted and whom they meet for, for one item where they were called in for a
   * disqualification), the recommendation as each item's first proposal, and the disqualifications
   * reported before the meeting as rulings to confirm. Idempotent.
   */
  async start(meetingId: string): Promise<Minutes> {
    const meeting = await this.em.findOne(Meeting, meetingId, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['body'] });
    if (!meeting) throw new MeetingNotFoundError();
    if (meeting.status === 'planned') throw minutesError.notOpen();
    assertNotCancelled(meeting);
    if (await this.em.findOne(MinutesRecord, { meeting })) return this.view(meetingId);
    const municipality = meeting.municipality.id;
    const seats = await this.attendance.seats(meetingId, { reasons: true, exemptAccess: true });
    const items = await this.em.find(AgendaItem, { meeting }, { populate: ['case'], orderBy: { position: 'asc' } });
    const byNumber = new Map(items.map((i) => [i.number, i]));
    const leader = await this.em.findOne(Membership, { body: meeting.body.id, kind: 'member', role: 'leader', ...activeOn(osloDay(meeting.startsAt)) });
    // Written in the municipality's written standard (målform, settings), which the record may change.
    const { writtenStandard } = await this.settings.get();
    this.em.create(MinutesRecord, { municipality, meeting, language: writtenStandard, chairPersonId: leader?.person.id ?? null });
    const partyOf = new Map(seats.seats.map((s) => [s.personId, s.party]));
    for (const seat of seats.seats) {
      const whole = seat.absences.find((a) => a.kind === 'absent');
      this.em.create(MinutesAttendee, {
        municipality,
        meeting,
        person: seat.personId,
        name: seat.name,
        party: seat.party,
        role: 'member',
        present: seat.state === 'present',
        absenceReason: seat.state === 'on_leave' ? 'Permisjon' : (whole?.reason ?? ''),
      });
      for (const d of seat.absences.filter((a) => a.kind === 'disqualified' && a.agendaItemId)) {
        this.em.create(MinutesDisqualification, { municipality, agendaItem: d.agendaItemId!, person: seat.personId, ground: 'fvl6-2', disqualified: true, note: d.reason });
      }
    }
    for (const c of seats.calledIn) {
      const onlyItem = c.agendaItemNumber ? (byNumber.get(c.agendaItemNumber) ?? null) : null;
      this.em.create(MinutesAttendee, { municipality, meeting, person: c.personId, name: c.name, party: partyOf.get(c.forPersonId) ?? null, role: 'substitute', meetsFor: c.forPersonId, onlyItem });
    }
    for (const item of items) {
      this.em.create(MinutesItem, { municipality, agendaItem: item });
      const recommendation = item.case?.getEntity().recommendation.trim() ?? '';
      if (item.type === 'PS') {
        this.em.create(MinutesProposal, { municipality, agendaItem: item, ordinal: 1, kind: 'recommendation', proposer: 'Innstilling', text: item.recommendation.trim() || recommendation });
      }
    }
    this.em.create(ProtocolVersion, { municipality, meeting, version: 1, approvalMethod: 'signatures' });
    this.audit.record({ action: 'minutes.start', entityType: 'meeting', entityId: meeting.id, after: { attendees: seats.seats.length + seats.calledIn.length, items: items.length } });
    await this.em.flush();
    return this.view(meetingId);
  }

  async updateRecord(meetingId: string, input: MinutesRecordInput): Promise<Minutes> {
    const meeting = await this.lockForChange(meetingId);
    const record = await this.em.findOne(MinutesRecord, { meeting });
    if (!record) throw minutesError.notStarted();
    const voting = await this.em.find(MinutesAttendee, { meeting, role: { $in: ['member', 'substitute'] }, present: true, onlyItem: null });
    const ids = new Set(voting.map((a) => a.person!.id));
    if ((input.chairPersonId && !ids.has(input.chairPersonId)) || input.signatoryPersonIds.some((id) => !ids.has(id)) || new Set(input.signatoryPersonIds).size !== input.signatoryPersonIds.length) {
      throw minutesError.signatoryNotPresent();
    }
    if (input.approvalMethod === 'signatures' && input.signatoryPersonIds.length === 0 && meeting.status !== 'notice_sent') throw minutesError.noSignatories();
    // As many signatories as the municipality's reglement says (settings, default 2), once any are chosen.
    if (input.approvalMethod === 'signatures' && input.signatoryPersonIds.length > 0) {
      const { protocolSignatories } = await this.settings.get();
      if (input.signatoryPersonIds.length !== protocolSignatories) throw minutesError.signatoryCount(protocolSignatories);
    }
    const before = { ...record, meeting: undefined, municipality: undefined };
    Object.assign(record, input);
    const draft = await this.em.findOne(ProtocolVersion, { meeting, status: 'draft' });
    if (draft) {
      // Choosing other signatories starts the signing of this version again.
      const signed = await this.em.find(ProtocolSignature, { protocol: draft });
      if (draft.approvalMethod !== input.approvalMethod || draft.signatoryPersonIds.join() !== input.signatoryPersonIds.join()) {
        for (const s of signed) this.em.remove(s);
      }
      draft.approvalMethod = input.approvalMethod;
      draft.signatoryPersonIds = input.signatoryPersonIds;
    }
    this.audit.record({ action: 'minutes.record', entityType: 'meeting', entityId: meeting.id, before, after: { ...input } });
    await this.em.flush();
    return this.view(meetingId);
  }

  async addAttendee(meetingId: string, input: AttendeeInput): Promise<Minutes> {
    const meeting = await this.lockForChange(meetingId);
    await this.em.populate(meeting, ['body']);
    if (!(await this.em.findOne(MinutesRecord, { meeting }))) throw minutesError.notStarted();
    const onlyItem = input.onlyItemId ? await this.item(meeting, input.onlyItemId, 'onlyItemId') : null;
    let name = input.name.trim();
    let party: string | null = null;
    if (input.role === 'substitute') {
      const day = osloDay(meeting.startsAt);
      const onList = await this.em.findOne(Membership, { body: meeting.body.id, person: input.personId!, kind: 'substitute', ...activeOn(day) }, { populate: ['person'] });
      if (!onList) throw minutesError.substituteNotOnList();
      const seat = await this.em.findOne(MinutesAttendee, { meeting, person: input.meetsForPersonId!, role: 'member' });
      if (!seat) throw minutesError.meetsForNotMember();
      name = onList.person.getEntity().fullName();
      party = seat.party;
    }
    const attendee = this.em.create(MinutesAttendee, {
      municipality: meeting.municipality.id,
      meeting,
      person: input.personId,
      name,
      title: input.title,
      party,
      role: input.role,
      meetsFor: input.meetsForPersonId,
      onlyItem,
    });
    this.audit.record({ action: 'minutes.attendee.add', entityType: 'minutes_attendee', entityId: attendee.id, after: { meetingId, ...input } });
    await this.flush(minutesError.attendeeExists);
    return this.view(meetingId);
  }

  async updateAttendee(meetingId: string, attendeeId: string, input: AttendeeUpdateInput): Promise<Minutes> {
    const meeting = await this.lockForChange(meetingId);
    const attendee = await this.em.findOne(MinutesAttendee, { id: attendeeId, meeting });
    if (!attendee) throw minutesError.attendeeNotFound();
    const from = input.fromItemId ? await this.item(meeting, input.fromItemId, 'fromItemId') : null;
    const to = input.toItemId ? await this.item(meeting, input.toItemId, 'toItemId') : null;
    if (from && to && from.position > to.position) throw minutesError.itemOrder();
    const before = { present: attendee.present, absenceReason: attendee.absenceReason, fromItemId: attendee.fromItem?.id ?? null, toItemId: attendee.toItem?.id ?? null, arrivedAt: attendee.arrivedAt, leftAt: attendee.leftAt };
    attendee.present = input.present;
    attendee.absenceReason = input.present ? '' : input.absenceReason;
    attendee.fromItem = input.present && from ? ref(from) : null;
    attendee.toItem = input.present && to ? ref(to) : null;
    attendee.arrivedAt = input.present ? input.arrivedAt : null;
    attendee.leftAt = input.present ? input.leftAt : null;
    await this.assertVotesStillCount(meeting);
    this.audit.record({ action: 'minutes.attendee.update', entityType: 'minutes_attendee', entityId: attendee.id, before, after: { ...input } });
    await this.em.flush();
    return this.view(meetingId);
  }

  async removeAttendee(meetingId: string, attendeeId: string): Promise<Minutes> {
    const meeting = await this.lockForChange(meetingId);
    const attendee = await this.em.findOne(MinutesAttendee, { id: attendeeId, meeting });
    if (!attendee) throw minutesError.attendeeNotFound();
    if (attendee.role === 'member') throw minutesError.memberRemoval();
    this.em.remove(attendee);
    await this.assertVotesStillCount(meeting);
    this.audit.record({ action: 'minutes.attendee.remove', entityType: 'minutes_attendee', entityId: attendee.id, before: { name: attendee.name, role: attendee.role } });
    await this.em.flush();
    return this.view(meetingId);
  }

  /**
   * Every recorded vote must still be one by voting members present: attendance or a
   * disqualification changed after a vote that counted someone who was not there is refused.
   */
  private async assertVotesStillCount(meeting: Meeting): Promise<void> {
    const l = await this.loadForCheck(meeting);
    for (const p of l.proposals.filter((x) => x.outcome === 'voted')) {
      const item = l.items.find((i) => i.id === p.agendaItem.id)!;
      const voters = new Set(this.voters(l, item).map((v) => v.personId));
      if (p.againstPersonIds.some((id) => !voters.has(id))) throw minutesError.voterNotPresent();
    }
  }

  /** The same as load, from the unit of work (with changes not yet flushed). */
  private async loadForCheck(meeting: Meeting): Promise<Loaded> {
    await this.em.flush();
    return this.load(meeting.id);
  }

  async treatItem(meetingId: string, itemId: string, input: ItemTreatmentInput): Promise<Minutes> {
    const meeting = await this.lockForChange(meetingId);
    const item = await this.item(meeting, itemId);
    const treatment = (await this.em.findOne(MinutesItem, { agendaItem: item })) ?? this.em.create(MinutesItem, { municipality: meeting.municipality.id, agendaItem: item });
    const before = { outcome: treatment.outcome, treatment: treatment.treatment, decision: item.decision, decisionExempt: treatment.decisionExempt, handledAs: treatment.handledAs };
    treatment.outcome = input.outcome;
    treatment.treatment = input.treatment;
    treatment.decisionExempt = input.decisionExempt;
    treatment.handledAs = input.handledAs;
    // The decision lives on the agenda item: the case's saksgang shows it from there.
    item.decision = input.outcome === 'treated' ? input.decision : '';
    this.audit.record({ action: 'minutes.item', entityType: 'agenda_item', entityId: item.id, before, after: { ...input } });
    await this.em.flush();
    return this.view(meetingId);
  }

  async addProposal(meetingId: string, itemId: string, input: ProposalInput): Promise<Minutes> {
    const meeting = await this.lockForChange(meetingId);
    const item = await this.item(meeting, itemId);
    let proposer = input.onBehalfOf.trim();
    if (input.personId) {
      const attendee = await this.em.findOne(MinutesAttendee, { meeting, person: input.personId, role: { $in: ['member', 'substitute'] } });
      if (!attendee) throw minutesError.notVoting();
      proposer = `${attendee.name}${attendee.party ? ` (${attendee.party})` : ''}`;
    }
    if (!proposer) throw minutesError.notVoting();
    const last = await this.em.findOne(MinutesProposal, { agendaItem: item }, { orderBy: { ordinal: 'desc' } });
    const proposal = this.em.create(MinutesProposal, {
      municipality: meeting.municipality.id,
      agendaItem: item,
      ordinal: (last?.ordinal ?? 0) + 1,
      kind: input.kind,
      person: input.personId,
      proposer,
      onBehalfOf: input.personId ? input.onBehalfOf : '',
      text: input.text,
    });
    this.audit.record({ action: 'minutes.proposal.add', entityType: 'minutes_proposal', entityId: proposal.id, after: { itemId, ...input } });
    await this.em.flush();
    return this.view(meetingId);
  }

  async removeProposal(meetingId: string, proposalId: string): Promise<Minutes> {
    const meeting = await this.lockForChange(meetingId);
    const proposal = await this.em.findOne(MinutesProposal, { id: proposalId, agendaItem: { meeting } });
    if (!proposal) throw minutesError.proposalNotFound();
    if (proposal.kind === 'recommendation') throw minutesError.recommendationKept();
    this.em.remove(proposal);
    this.audit.record({ action: 'minutes.proposal.remove', entityType: 'minutes_proposal', entityId: proposal.id, before: { text: proposal.text, proposer: proposal.proposer } });
    await this.em.flush();
    return this.view(meetingId);
  }

  /**
   * Records the vote on a proposal. The count is checked against who is present in the item
   * (no vote by someone absent or disqualified, the body quorate). An adopted proposal's text
   * becomes the decision while the decision is still the one written from the votes.
   */
  async vote(meetingId: string, proposalId: string, input: VoteInput): Promise<Minutes> {
    const meeting = await this.lockForChange(meetingId);
    const proposal = await this.em.findOne(MinutesProposal, { id: proposalId, agendaItem: { meeting } });
    if (!proposal) throw minutesError.proposalNotFound();
    const l = await this.load(meetingId);
    const item = l.items.find((i) => i.id === proposal.agendaItem.id)!;
    const autoBefore = this.autoDecision(l, item.id);
    if (input.outcome === 'voted') {
      const counted = countVote(this.voters(l, item), input.againstPersonIds, { memberCount: l.memberCount, chairPersonId: l.record.chairPersonId, subject: this.subject(l, proposal), language: l.record.language });
      if (!counted.ok) {
        if (counted.problem.code === 'NOT_QUORATE') throw minutesError.notQuorate();
        if (counted.problem.code === 'VOTE_DUPLICATE') throw minutesError.voteDuplicate();
        throw minutesError.voterNotPresent();
      }
    }
    const before = { outcome: proposal.outcome, againstPersonIds: proposal.againstPersonIds };
    proposal.outcome = input.outcome;
    proposal.againstPersonIds = input.outcome === 'voted' ? input.againstPersonIds : [];
    const after = this.autoDecision(l, item.id);
    if (item.decision.trim() === '' || item.decision === autoBefore) {
      item.decision = after;
      const treatment = l.treatments.get(item.id);
      if (treatment && treatment.outcome === 'pending' && after) treatment.outcome = 'treated';
    }
    this.audit.record({ action: 'minutes.vote', entityType: 'minutes_proposal', entityId: proposal.id, before, after: { ...input } });
    await this.em.flush();
    return this.view(meetingId);
  }

  /** The decision written from the adopted proposals, in voting order. */
  private autoDecision(l: Loaded, itemId: string): string {
    const item = l.items.find((i) => i.id === itemId)!;
    return l.proposals
      .filter((p) => p.agendaItem.id === itemId && p.outcome === 'voted' && this.result(l, item, p)?.adopted)
      .map((p) => p.text.trim())
      .filter(Boolean)
      .join('\n\n');
  }

  async disqualify(meetingId: string, itemId: string, input: DisqualificationInput): Promise<Minutes> {
    const meeting = await this.lockForChange(meetingId);
    const item = await this.item(meeting, itemId);
    const attendee = await this.em.findOne(MinutesAttendee, { meeting, person: input.personId, role: { $in: ['member', 'substitute'] } });
    if (!attendee) throw minutesError.notVoting();
    // Votes already recorded in the item counted the member: the ruling is recorded before the votes.
    if (input.disqualified && (await this.em.count(MinutesProposal, { agendaItem: item, outcome: 'voted' })) > 0) throw minutesError.votedAfterDisqualification();
    const d = this.em.create(MinutesDisqualification, { municipality: meeting.municipality.id, agendaItem: item, person: input.personId, ground: input.ground, disqualified: input.disqualified, note: input.note });
    this.audit.record({ action: 'minutes.disqualification', entityType: 'minutes_disqualification', entityId: d.id, after: { itemId, ...input } });
    await this.flush(minutesError.disqualificationExists);
    return this.view(meetingId);
  }

  async removeDisqualification(meetingId: string, disqualificationId: string): Promise<Minutes> {
    const meeting = await this.lockForChange(meetingId);
    const d = await this.em.findOne(MinutesDisqualification, { id: disqualificationId, agendaItem: { meeting } });
    if (!d) throw minutesError.disqualificationNotFound();
    this.em.remove(d);
    await this.assertVotesStillCount(meeting);
    this.audit.record({ action: 'minutes.disqualification.remove', entityType: 'minutes_disqualification', entityId: d.id, before: { personId: d.person.id, ground: d.ground } });
    await this.em.flush();
    return this.view(meetingId);
  }

  private async flush(onUnique: () => Error): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw onUnique();
      throw error;
    }
  }
}
