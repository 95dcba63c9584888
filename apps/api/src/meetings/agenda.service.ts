import { Inject, Injectable } from '@nestjs/common';
import { ref } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AgendaItem as AgendaItemDto, AgendaItemInput, AgendaItemType, AgendaItemUpdateInput, AgendaOrderWarning, ClosedItemInput } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Person } from '../bodies/person.entity.js';
import { DomainError } from '../common/errors/domain-error.js';
import { AgendaItem } from './agenda-item.entity.js';
import { AgendaSequence } from './agenda-sequence.entity.js';
import { Case } from '../cases/case.entity.js';
import type { Meeting } from './meeting.entity.js';
import { AgendaItemNotFoundError, assertNotCancelled, CaseNotFoundError, MeetingNotFoundError } from './meetings.errors.js';
import { personName, toAgendaItemDto } from './meetings.mapper.js';
import { MeetingsService } from './meetings.service.js';
import { itemClosure, numberingYear, orderMismatch, type ClosureProblem } from './rules/agenda.js';
import { itemNumber, numberAgenda, renumberInOrder } from './rules/case-numbering.js';
import { reorderWarning } from './rules/reorder-warning.js';

const CLOSURE_MESSAGES: Record<ClosureProblem, string> = {
  UNKNOWN_LEGAL_GROUND: 'Ukjent hjemmel.',
  ITEM_CLOSED_NEEDS_GROUND: 'En sak som behandles i lukket møte, må ha hjemmel (koml. § 11-5).',
  ITEM_MUST_BE_CLOSED: 'Saken gjelder taushetsbelagte opplysninger og skal behandles i lukket møte (koml. § 11-5 annet ledd).',
  REMOTE_MEETING_CANNOT_CLOSE: 'Et fjernmøte kan ikke behandle saker som skal lukkes etter koml. § 11-5 annet ledd (koml. § 11-7).',
};

/** Items that may name who asks: questions (spørsmål) and interpellations. */
const ASKED: readonly AgendaItemType[] = ['SP', 'IP'];

/** The agenda (saksliste) of a meeting: adding numbered items, ordering, closing items. */
@Injectable()
export class AgendaService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly meetings: MeetingsService,
    private readonly audit: AuditService,
  ) {}

  async add(meetingId: string, input: AgendaItemInput, municipalityId: string): Promise<AgendaItemDto> {
    // Numbers run per body and year: one writer at a time per body, until the transaction ends.
    await this.lockBodyOf(meetingId);
    const meeting = await this.meetings.get(meetingId, { publicOnly: false });
    this.assertOpenForChanges(meeting);
    const kase = input.caseId ? await this.em.findOne(Case, input.caseId) : null;
    if (input.caseId && !kase) throw new CaseNotFoundError();
    const asker = await this.asker(input.type, input.askerPersonId);
    if (kase && (await this.em.count(AgendaItem, { meeting, case: kase })) > 0) {
      throw new DomainError('CASE_ALREADY_ON_AGENDA', 'Saken står allerede på sakslisten til dette møtet.', 409, [{ path: 'caseId', message: 'Allerede lagt til.' }]);
    }
    // An exempt case is treated in closed session on its ground unless the body decides otherwise.
    const caseGround = kase && !kase.public ? kase.legalGround : null;
    const closure = this.closure({ closed: caseGround !== null, ground: null, caseGround, remote: meeting.remote });

    const year = numberingYear(meeting.startsAt);
    // The highest number given, also to items since removed: numbers are never given twice.
    const [last] = await this.em.execute<{ sequence: number; position: number }[]>(
      `select greatest(coalesce((select max(sequence) from agenda_item where body_id = ? and year = ? and type = ?), 0),
                       coalesce((select last from agenda_sequence where body_id = ? and year = ? and type = ?), 0)) as sequence,
              coalesce((select max(position) from agenda_item where meeting_id = ?), 0) as position`,
      [meeting.body.id, year, input.type, meeting.body.id, year, input.type, meeting.id],
    );
    const sequence = Number(last!.sequence);
    const number = numberAgenda([{ id: 'new', type: input.type, number: null }], new Map([[input.type, sequence]]), year).get('new')!;
    const item = this.em.create(AgendaItem, {
      municipality: municipalityId,
      meeting,
      body: meeting.body,
      case: kase,
      title: kase ? null : input.title,
      type: input.type,
      year,
      sequence: sequence + 1,
      number,
      position: Number(last!.position) + 1,
      closed: closure.closed,
      legalGround: closure.ground,
      asker,
    });
    this.audit.record({ action: 'agenda_item.create', entityType: 'agenda_item', entityId: item.id, after: { meetingId, caseId: input.caseId, type: input.type, number, closed: item.closed, legalGround: item.legalGround, askerPersonId: input.askerPersonId } });
    await this.em.flush();
    return toAgendaItemDto(item, kase, { exemptAccess: true }, personName(asker));
  }

  /**
   * Takes an item off the agenda before the meeting is held. Its number is not given again: the
   * body's highest number of the year is kept. The other items keep their numbers; positions close up.
   */
  async remove(itemId: string): Promise<void> {
    const found = await this.em.findOne(AgendaItem, itemId);
    if (!found) throw new AgendaItemNotFoundError();
    await this.lockBodyOf(found.meeting.id);
    const item = await this.em.findOneOrFail(AgendaItem, itemId, { populate: ['meeting'], refresh: true });
    const meeting = item.meeting.getEntity();
    this.assertOpenForChanges(meeting);
    if (await this.isReferenced(item.id)) {
      throw new DomainError('AGENDA_ITEM_IN_USE', 'Saken har registreringer knyttet til seg (for eksempel inhabilitet) og kan ikke fjernes.', 409);
    }
    const mark = await this.em.findOne(AgendaSequence, { body: item.body, year: item.year, type: item.type });
    if (mark) mark.last = Math.max(mark.last, item.sequence);
    else this.em.create(AgendaSequence, { municipality: item.municipality, body: item.body, year: item.year, type: item.type, last: item.sequence });
    const rest = await this.em.find(AgendaItem, { meeting, id: { $ne: item.id } }, { orderBy: { position: 'asc' } });
    this.audit.record({ action: 'agenda_item.delete', entityType: 'agenda_item', entityId: item.id, before: { meetingId: meeting.id, caseId: item.case?.id ?? null, number: item.number, title: item.title, position: item.position } });
    this.em.remove(item);
    await this.em.flush();
    // Close up the positions after the item is gone.
    rest.forEach((i, index) => {
      i.position = index + 1;
    });
    await this.em.flush();
  }

  /**
   * Whether something records the item (a disqualification, say), so that it must stay. The
   * item's row is locked first: a disqualification inserted meanwhile waits for this
   * transaction (its foreign key check takes a share lock on the row), so the answer holds
   * until the delete. The check is explicit because PostgreSQL versions report a violated
   * `on delete restrict` differently (23503 before 18, 23001 from 18).
   */
  private async isReferenced(itemId: string): Promise<boolean> {
    await this.em.execute('select 1 from agenda_item where id = ? for update', [itemId]);
    const [row] = await this.em.execute<{ used: boolean }[]>('select exists (select 1 from meeting_absence where agenda_item_id = ?) as used', [itemId]);
    return row?.used === true;
  }

  /**
   * Edits an item: the title of an item without a case, where it starts in the video, the body's
   * recommendation (innstilling) and, once the meeting is held, the decision (vedtak). After the
   * minutes are approved only the video position may change.
   */
  async update(itemId: string, input: AgendaItemUpdateInput): Promise<AgendaItemDto> {
    const item = await this.em.findOne(AgendaItem, itemId, { populate: ['meeting', 'case', 'asker'] });
    if (!item) throw new AgendaItemNotFoundError();
    const meeting = item.meeting.getEntity();
    const approved = meeting.status === 'minutes_approved';
    const { videoStartSeconds, ...text } = input;
    if (approved && Object.keys(text).length > 0) {
      throw new DomainError('MEETING_MINUTES_APPROVED', 'Protokollen er godkjent; saken kan ikke endres.', 409);
    }
    if (input.title !== undefined && item.case) {
      throw new DomainError('AGENDA_ITEM_HAS_CASE', 'Tittelen kommer fra saken; endre den på saken.', 400, [{ path: 'title', message: 'Endre tittelen på saken.' }]);
    }
    if (input.decision !== undefined && meeting.status !== 'held') {
      throw new DomainError('MEETING_NOT_HELD', 'Vedtak føres når møtet er holdt.', 409, [{ path: 'decision', message: 'Møtet er ikke holdt.' }]);
    }
    const asker = input.askerPersonId === undefined ? undefined : await this.asker(item.type, input.askerPersonId);
    const before = { title: item.title, videoStartSeconds: item.videoStartSeconds, recommendation: item.recommendation, decision: item.decision, askerPersonId: item.asker?.id ?? null };
    if (input.title !== undefined) item.title = input.title;
    if (videoStartSeconds !== undefined) item.videoStartSeconds = videoStartSeconds;
    if (input.recommendation !== undefined) item.recommendation = input.recommendation;
    if (input.decision !== undefined) item.decision = input.decision;
    if (asker !== undefined) (item as AgendaItem).asker = asker ? ref(asker) : null;
    this.audit.record({ action: 'agenda_item.update', entityType: 'agenda_item', entityId: item.id, before, after: { ...input } });
    await this.em.flush();
    return toAgendaItemDto(item, item.case?.getEntity() ?? null, { exemptAccess: true }, personName(asker === undefined ? item.asker?.getEntity() : asker));
  }

  /** The asker of a question or interpellation: a person in the register, only on SP and IP items. */
  private async asker(type: AgendaItemType, personId: string | null): Promise<Person | null> {
    if (personId === null) return null;
    if (!ASKED.includes(type)) {
      throw new DomainError('ASKER_ONLY_FOR_QUESTIONS', 'Bare spørsmål (SP) og interpellasjoner (IP) har en som spør.', 400, [{ path: 'askerPersonId', message: 'Bare for SP og IP.' }]);
    }
    const person = await this.em.findOne(Person, personId);
    if (!person) throw new DomainError('PERSON_NOT_FOUND', 'Fant ikke personen.', 404, [{ path: 'askerPersonId', message: 'Ukjent person.' }]);
    return person;
  }

  /**
   * Puts the items in the order given; the list must hold every item of the meeting once. After the
   * notice the published numbers are kept (never reused), and the warning names what moved.
   */
  async reorder(meetingId: string, itemIds: readonly string[]): Promise<AgendaOrderWarning | null> {
    await this.lockBodyOf(meetingId);
    const meeting = await this.meetings.get(meetingId, { publicOnly: false });
    this.assertOpenForChanges(meeting);
    const items = await this.em.find(AgendaItem, { meeting }, { orderBy: { position: 'asc' } });
    const mismatch = orderMismatch(items.map((i) => i.id), itemIds);
    if (mismatch) {
      throw new DomainError('AGENDA_ORDER_MISMATCH', 'Rekkefølgen må inneholde hver sak på sakslisten nøyaktig én gang.', 400, [
        ...mismatch.missing.map((id) => ({ path: 'itemIds', message: `Mangler ${id}.` })),
        ...mismatch.unknown.map((id) => ({ path: 'itemIds', message: `Hører ikke til møtet: ${id}.` })),
        ...mismatch.duplicates.map((id) => ({ path: 'itemIds', message: `Står flere ganger: ${id}.` })),
      ]);
    }
    const before = items.map((i) => i.number);
    const byId = new Map(items.map((i) => [i.id, i]));
    itemIds.forEach((id, index) => {
      byId.get(id)!.position = index + 1;
    });
    let after = itemIds.map((id) => byId.get(id)!.number);
    if (meeting.status === 'planned') {
      // Before the notice the numbers follow the order (rules/case-numbering.ts), written by SQL
      // through a negative step, since the unique number index is checked row by row.
      const sequences = renumberInOrder(itemIds.map((id) => byId.get(id)!));
      const rows = itemIds.map((id) => {
        const item = byId.get(id)!;
        return { id, sequence: sequences.get(id)!, number: itemNumber(item.type, sequences.get(id)!, item.year) };
      });
      after = rows.map((r) => r.number);
      await this.em.execute(`update agenda_item set sequence = -sequence where meeting_id = ?`, [meeting.id]);
      await this.em.execute(
        `update agenda_item a set sequence = v.sequence, number = v.number
           from jsonb_to_recordset(?::jsonb) as v(id uuid, sequence int, number text) where a.id = v.id`,
        [JSON.stringify(rows)],
      );
    }
    this.audit.record({ action: 'agenda.reorder', entityType: 'meeting', entityId: meeting.id, before, after });
    await this.em.flush();
    if (meeting.status === 'planned') for (const item of items) await this.em.refresh(item);
    return meeting.status === 'planned' ? null : reorderWarning(before, after);
  }

  /** Marks an item as treated in closed session with its legal ground, or open (koml. § 11-5). */
  async setClosed(itemId: string, input: ClosedItemInput): Promise<AgendaItemDto> {
    const item = await this.em.findOne(AgendaItem, itemId, { populate: ['meeting', 'case'] });
    if (!item) throw new AgendaItemNotFoundError();
    const meeting = item.meeting.getEntity();
    this.assertOpenForChanges(meeting);
    const kase = item.case?.getEntity() ?? null;
    const closure = this.closure({ closed: input.closed, ground: input.legalGround, caseGround: kase && !kase.public ? kase.legalGround : null, remote: meeting.remote });
    const before = { closed: item.closed, legalGround: item.legalGround };
    item.closed = closure.closed;
    item.legalGround = closure.ground;
    this.audit.record({ action: 'agenda_item.closed', entityType: 'agenda_item', entityId: item.id, before, after: { closed: item.closed, legalGround: item.legalGround } });
    await this.em.flush();
    return toAgendaItemDto(item, kase, { exemptAccess: true });
  }

  private closure(input: Parameters<typeof itemClosure>[0]): { closed: boolean; ground: string | null } {
    const result = itemClosure(input);
    if (!result.ok) throw new DomainError(result.problem, CLOSURE_MESSAGES[result.problem], 400, [{ path: 'legalGround', message: CLOSURE_MESSAGES[result.problem] }]);
    return result;
  }

  /** Locks the meeting's body before the meeting is read, so what is read next is current. */
  private async lockBodyOf(meetingId: string): Promise<void> {
    const rows = await this.em.execute<{ id: string }[]>('select b.id from meeting m join body b on b.id = m.body_id where m.id = ? for update of b', [meetingId]);
    if (rows.length === 0) throw new MeetingNotFoundError();
  }

  private assertOpenForChanges(meeting: Meeting): void {
    assertNotCancelled(meeting);
    if (!meeting.acceptsAgendaChanges()) {
      throw new DomainError('MEETING_LOCKED', 'Møtet er holdt; sakslisten kan ikke endres.', 409);
    }
  }
}
