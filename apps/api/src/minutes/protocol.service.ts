import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ref, UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import type { Minutes, OpenProtocol, ProtocolEdition, PublicProtocolInfo } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { RequestCaller } from '../common/access/caller.js';
import { AgendaItem } from '../meetings/agenda-item.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { MeetingNotFoundError } from '../meetings/meetings.errors.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { osloDay } from '../core/dates.js';
import { PdfRenderer } from '../pdf/pdf-renderer.service.js';
import { minutesError } from './minutes.errors.js';
import { MinutesService } from './minutes.service.js';
import { composeProtocol } from './protocol.composer.js';
import { publicEdition, type ProtocolModel } from './protocol-model.js';
import { openProtocol } from './open-data.js';
import { ProtocolSignature } from './protocol-signature.entity.js';
import { ProtocolVersion } from './protocol-version.entity.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * The protocol's life: held → draft → approved (by the chosen signatories, each through their
 * own sign-in, or as an item of the next meeting) → corrected as a new version. An approved
 * version keeps its data and both PDFs as approved; they are served from there, never rendered again.
 */
@Injectable()
export class ProtocolService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly minutes: MinutesService,
    private readonly meetings: MeetingsService,
    private readonly pdf: PdfRenderer,
    private readonly audit: AuditService,
  ) {}

  /** Marks the meeting held, from its day on. What becomes locked: the agenda and the notice. */
  async markHeld(meetingId: string, now = new Date()): Promise<Minutes> {
    const meeting = await this.em.findOne(Meeting, meetingId);
    if (!meeting) throw new MeetingNotFoundError();
    if (osloDay(meeting.startsAt) > osloDay(now)) throw minutesError.tooEarly();
    await this.meetings.setStatus(meetingId, 'held');
    return this.minutes.view(meetingId);
  }

  /** Back to not held (a mistake), until a protocol version is approved. */
  async unmarkHeld(meetingId: string): Promise<Minutes> {
    const meeting = await this.em.findOne(Meeting, meetingId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!meeting) throw new MeetingNotFoundError();
    if (meeting.status !== 'held') throw minutesError.notHeld();
    if ((await this.em.count(ProtocolVersion, { meeting, status: { $ne: 'draft' } })) > 0) throw minutesError.approvedCannotReopen();
    meeting.status = 'notice_sent';
    this.audit.record({ action: 'meeting.status', entityType: 'meeting', entityId: meeting.id, before: { status: 'held' }, after: { status: 'notice_sent', via: 'minutes' } });
    await this.em.flush();
    return this.minutes.view(meetingId);
  }

  private async draftFor(meeting: Meeting): Promise<ProtocolVersion> {
    const draft = await this.em.findOne(ProtocolVersion, { meeting, status: 'draft' }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!draft) throw minutesError.locked();
    return draft;
  }

  /** A chosen signatory approves the draft through their own sign-in; the last signature approves the protocol. */
  async sign(meetingId: string, caller: RequestCaller, now = new Date()): Promise<Minutes> {
    const meeting = await this.em.findOne(Meeting, meetingId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!meeting) throw new MeetingNotFoundError();
    if (meeting.status !== 'held' && meeting.status !== 'minutes_approved') throw minutesError.notHeld();
    const draft = await this.draftFor(meeting);
    if (draft.approvalMethod !== 'signatures') throw minutesError.wrongMethod();
    const personId = caller.user?.personId ?? null;
    if (!personId || !draft.signatoryPersonIds.includes(personId)) throw minutesError.notSignatory();
    this.em.create(ProtocolSignature, { municipality: meeting.municipality.id, protocol: draft, person: personId, userId: caller.user!.id, createdAt: now });
    this.audit.record({ action: 'protocol.sign', entityType: 'protocol_version', entityId: draft.id, after: { meetingId, version: draft.version, personId } });
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw minutesError.alreadySigned();
      throw error;
    }
    const signed = await this.em.count(ProtocolSignature, { protocol: draft });
    if (signed >= draft.signatoryPersonIds.length) await this.approve(meeting, draft, now);
    return this.minutes.view(meetingId);
  }

  /** The secretariat records approval as an item of a later meeting of the same body. */
  async approveInMeeting(meetingId: string, agendaItemId: string, now = new Date()): Promise<Minutes> {
    const meeting = await this.em.findOne(Meeting, meetingId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!meeting) throw new MeetingNotFoundError();
    if (meeting.status !== 'held' && meeting.status !== 'minutes_approved') throw minutesError.notHeld();
    const draft = await this.draftFor(meeting);
    if (draft.approvalMethod !== 'next_meeting') throw minutesError.wrongMethod();
    const item = await this.em.findOne(AgendaItem, agendaItemId, { populate: ['meeting'] });
    if (!item || item.body.id !== meeting.body.id || item.meeting.getEntity().startsAt <= meeting.startsAt) throw minutesError.approvalItem();
    draft.approvedInItem = ref(item);
    await this.approve(meeting, draft, now);
    return this.minutes.view(meetingId);
  }

  /** Approval: the data and both editions are kept as approved; the meeting's protocol is approved. */
  private async approve(meeting: Meeting, draft: ProtocolVersion, now: Date): Promise<void> {
    draft.approvedAt = now;
    draft.status = 'approved';
    await this.em.flush();
    await this.store(draft, now);
    for (const earlier of await this.em.find(ProtocolVersion, { meeting, status: 'approved', id: { $ne: draft.id } })) earlier.status = 'superseded';
    if (meeting.status === 'held') {
      meeting.status = 'minutes_approved';
      this.audit.record({ action: 'meeting.status', entityType: 'meeting', entityId: meeting.id, before: { status: 'held' }, after: { status: 'minutes_approved' } });
    }
    this.audit.record({ action: 'protocol.approve', entityType: 'protocol_version', entityId: draft.id, after: { meetingId: meeting.id, version: draft.version, method: draft.approvalMethod, internalSha256: draft.internalSha256, publicSha256: draft.publicSha256 } });
    await this.em.flush();
  }

  /**
   * Keeps an approved version's data and both editions, once: at approval, or on the first
   * request for a version approved without them (the demo's seeded protocol).
   */
  private async store(version: ProtocolVersion, now: Date): Promise<ProtocolVersion> {
    const stored = await this.em.findOneOrFail(ProtocolVersion, version.id, { populate: ['snapshot', 'internalPdf', 'publicPdf'] });
    if (stored.snapshot && stored.internalPdf && stored.publicPdf) return stored;
    let model = stored.snapshot as ProtocolModel | null;
    if (!model) {
      const l = await this.minutes.load(stored.meeting.id);
      model = this.minutes.model(l, l.versions.find((v) => v.id === stored.id)!);
    }
    const [internal, open] = await Promise.all([this.render(model, 'internal', now), this.render(publicEdition(model), 'public', now)]);
    stored.snapshot = model;
    stored.internalPdf = internal;
    stored.publicPdf = open;
    stored.internalSha256 = sha256(internal);
    stored.publicSha256 = sha256(open);
    await this.em.flush();
    return stored;
  }

  /** A correction after approval: a new draft version with the reason; the approved one stays current until this is approved. */
  async correct(meetingId: string, reason: string): Promise<Minutes> {
    const meeting = await this.em.findOne(Meeting, meetingId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!meeting) throw new MeetingNotFoundError();
    const versions = await this.em.find(ProtocolVersion, { meeting }, { orderBy: { version: 'desc' } });
    const latest = versions[0];
    if (!latest || latest.status !== 'approved') throw minutesError.nothingToCorrect();
    const next = this.em.create(ProtocolVersion, {
      municipality: meeting.municipality.id,
      meeting,
      version: latest.version + 1,
      approvalMethod: latest.approvalMethod,
      signatoryPersonIds: latest.signatoryPersonIds,
      correctionReason: reason.trim(),
    });
    this.audit.record({ action: 'protocol.correct', entityType: 'protocol_version', entityId: next.id, after: { meetingId, version: next.version, reason } });
    await this.em.flush();
    return this.minutes.view(meetingId);
  }

  private async render(model: ProtocolModel, edition: ProtocolEdition, now: Date): Promise<Buffer> {
    const doc = composeProtocol(model, { edition, generatedAt: now });
    return this.pdf.render({ ...doc, outline: true });
  }

  /**
   * The protocol PDF for staff: an approved version as stored; the draft rendered from the
   * recording as it stands, with the draft watermark. Officials who may not read the meeting's
   * exempt papers get the public edition.
   */
  async pdfFor(meetingId: string, edition: ProtocolEdition, version: number | undefined, now = new Date()): Promise<{ pdf: Buffer; filename: string; sha256: string | null }> {
    const l = await this.minutes.load(meetingId);
    const chosen = version === undefined ? (l.versions.find((v) => v.status === 'draft') ?? l.versions.at(-1)) : l.versions.find((v) => v.version === version);
    if (!chosen) throw minutesError.versionNotFound();
    const filename = `protokoll-${osloDay(l.meeting.startsAt)}-v${chosen.version}${edition === 'public' ? '-offentlig' : ''}.pdf`;
    if (chosen.status !== 'draft') {
      const stored = await this.store(chosen, now);
      const pdf = edition === 'public' ? stored.publicPdf! : stored.internalPdf!;
      return { pdf, filename, sha256: edition === 'public' ? stored.publicSha256 : stored.internalSha256 };
    }
    const model = this.minutes.model(l, chosen);
    return { pdf: await this.render(edition === 'public' ? publicEdition(model) : model, edition, now), filename, sha256: null };
  }

  /** The current approved version of a meeting's protocol (for the public), or null. */
  async current(meetingId: string, now = new Date()): Promise<ProtocolVersion | null> {
    const v = await this.em.findOne(ProtocolVersion, { meeting: meetingId, status: 'approved' });
    return v ? this.store(v, now) : null;
  }

  async publicInfo(meetingId: string): Promise<PublicProtocolInfo | null> {
    const v = await this.em.findOne(ProtocolVersion, { meeting: meetingId, status: 'approved' });
    return v ? { version: v.version, approvedAt: v.approvedAt!.toISOString(), corrected: v.version > 1 } : null;
  }

  async publicPdf(meetingId: string): Promise<{ pdf: Buffer; sha256: string; filename: string }> {
    const v = await this.current(meetingId);
    if (!v) throw minutesError.noApproved();
    const meeting = await this.em.findOneOrFail(Meeting, meetingId);
    return { pdf: v.publicPdf!, sha256: v.publicSha256!, filename: `protokoll-${osloDay(meeting.startsAt)}.pdf` };
  }

  async publicJson(meetingId: string, pdfUrl: string): Promise<OpenProtocol> {
    const v = await this.current(meetingId);
    if (!v) throw minutesError.noApproved();
    return openProtocol(meetingId, publicEdition(v.snapshot as ProtocolModel), pdfUrl);
  }
}
