import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { AgendaItem as AgendaItemDto, AgendaItemInput, ClosedItemInput } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { AgendaItem } from './agenda-item.entity.js';
import { Case } from './case.entity.js';
import type { Meeting } from './meeting.entity.js';
import { AgendaItemNotFoundError, CaseNotFoundError, MeetingNotFoundError } from './meetings.errors.js';
import { toAgendaItemDto } from './meetings.mapper.js';
import { MeetingsService } from './meetings.service.js';
import { itemClosure, numberingYear, orderMismatch, type ClosureProblem } from './rules/agenda.js';
import { numberAgenda } from './rules/case-numbering.js';

const CLOSURE_MESSAGES: Record<ClosureProblem, string> = {
  UNKNOWN_LEGAL_GROUND: 'Ukjent hjemmel.',
  ITEM_CLOSED_NEEDS_GROUND: 'En sak som behandles i lukket møte, må ha hjemmel (koml. § 11-5).',
  ITEM_MUST_BE_CLOSED: 'Saken gjelder taushetsbelagte opplysninger og skal behandles i lukket møte (koml. § 11-5 annet ledd).',
  REMOTE_MEETING_CANNOT_CLOSE: 'Et fjernmøte kan ikke behandle saker som skal lukkes etter koml. § 11-5 annet ledd (koml. § 11-7).',
};

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
    if (kase && (await this.em.count(AgendaItem, { meeting, case: kase })) > 0) {
      throw new DomainError('CASE_ALREADY_ON_AGENDA', 'Saken står allerede på sakslisten til dette møtet.', 409, [{ path: 'caseId', message: 'Allerede lagt til.' }]);
    }
    // An exempt case is treated in closed session on its ground unless the body decides otherwise.
    const caseGround = kase && !kase.public ? kase.legalGround : null;
    const closure = this.closure({ closed: caseGround !== null, ground: null, caseGround, remote: meeting.remote });

    const year = numberingYear(meeting.startsAt);
    const [last] = await this.em.execute<{ sequence: number; position: number }[]>(
      `select coalesce((select max(sequence) from agenda_item where body_id = ? and year = ? and type = ?), 0) as sequence,
              coalesce((select max(position) from agenda_item where meeting_id = ?), 0) as position`,
      [meeting.body.id, year, input.type, meeting.id],
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
    });
    this.audit.record({ action: 'agenda_item.create', entityType: 'agenda_item', entityId: item.id, after: { meetingId, caseId: input.caseId, type: input.type, number, closed: item.closed, legalGround: item.legalGround } });
    await this.em.flush();
    return toAgendaItemDto(item, kase, { exemptAccess: true });
  }

  /** Puts the items in the order given; the list must hold every item of the meeting once. */
  async reorder(meetingId: string, itemIds: readonly string[]): Promise<void> {
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
    this.audit.record({ action: 'agenda.reorder', entityType: 'meeting', entityId: meeting.id, before, after: itemIds.map((id) => byId.get(id)!.number) });
    await this.em.flush();
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
    if (!meeting.acceptsAgendaChanges()) {
      throw new DomainError('MEETING_LOCKED', 'Møtet er holdt; sakslisten kan ikke endres.', 409);
    }
  }
}
