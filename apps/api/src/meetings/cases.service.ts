import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Case as CaseDto, CaseInput, CaseSummary, SaksgangEntry } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { AgendaItem } from './agenda-item.entity.js';
import { Case } from '../cases/case.entity.js';
import { CaseNotFoundError } from './meetings.errors.js';
import { toCaseDto, toCaseSummaryDto } from './meetings.mapper.js';
import type { Reader } from './meetings.service.js';
import { orderSaksgang } from './rules/saksgang.js';
import { parseArchiveReference } from './rules/case-numbering.js';
import { closedSession, legalGround } from '../cases/legal-grounds.js';

/** Political cases and their case presentations. */
@Injectable()
export class CasesService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async create(input: CaseInput, municipalityId: string): Promise<CaseDto> {
    const archiveReference = this.checked(input);
    const kase = this.em.create(Case, {
      municipality: municipalityId,
      ...input,
      archiveReference,
      // A public case has no ground for exemption.
      legalGround: input.public ? null : input.legalGround,
    });
    this.audit.record({ action: 'case.create', entityType: 'political_case', entityId: kase.id, after: { archiveReference: kase.archiveReference, title: kase.title, public: kase.public, legalGround: kase.legalGround } });
    await this.em.flush();
    return toCaseDto(kase);
  }

  /** Replaces the case presentation (saksframlegg); the same checks as when creating. */
  async update(id: string, input: CaseInput): Promise<CaseDto> {
    const kase = await this.get(id);
    const archiveReference = this.checked(input);
    // A ground that forces a closed session (koml. § 11-5 (2)) cannot arrive while the case stands open on an agenda.
    if (!input.public && input.legalGround && closedSession([input.legalGround]).mustClose) {
      const open = await this.em.count(AgendaItem, { case: kase, closed: false, meeting: { status: { $in: ['planned', 'notice_sent'] } } });
      if (open > 0) {
        throw new DomainError('ITEM_MUST_BE_CLOSED', 'Saken står åpen på en saksliste; lukk den der (koml. § 11-5 annet ledd) før hjemmelen endres.', 409, [{ path: 'legalGround', message: 'Lukk saken på sakslisten først.' }]);
      }
    }
    const fields = ['archiveReference', 'title', 'caseOfficer', 'summary', 'background', 'assessment', 'recommendation', 'public', 'legalGround'] as const;
    const before = Object.fromEntries(fields.map((f) => [f, kase[f]]));
    Object.assign(kase, { ...input, archiveReference, legalGround: input.public ? null : input.legalGround });
    const after = Object.fromEntries(fields.map((f) => [f, kase[f]]));
    this.audit.record({ action: 'case.update', entityType: 'political_case', entityId: kase.id, before, after });
    await this.em.flush();
    return toCaseDto(kase);
  }

  /**
   * Cases by archive reference or title, newest first: for picking a case for an agenda. Exempt
   * cases only for readers with access to exempt information.
   */
  async search(q: string, limit: number, reader: Pick<Reader, 'exemptAccess'>): Promise<CaseSummary[]> {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const cases = await this.em.find(
      Case,
      {
        ...(q ? { $or: [{ archiveReference: { $ilike: like } }, { title: { $ilike: like } }] } : {}),
        ...(reader.exemptAccess ? {} : { public: true }),
      },
      { orderBy: { createdAt: 'desc', id: 'desc' }, limit },
    );
    return cases.map(toCaseSummaryDto);
  }

  /**
   * The case's way through the bodies (saksgang): its agenda items in every body, in meeting
   * order, with each body's recommendation and decision. Closed items show these only to readers
   * with access to exempt information.
   */
  async saksgang(kase: Case, reader: Pick<Reader, 'exemptAccess'>): Promise<SaksgangEntry[]> {
    const items = await this.em.find(AgendaItem, { case: kase }, { populate: ['meeting', 'body'] });
    return orderSaksgang(
      items.map((i) => {
        const meeting = i.meeting.getEntity();
        const hidden = (i.closed || !kase.public) && !reader.exemptAccess;
        return {
          itemId: i.id,
          meetingId: meeting.id,
          bodyId: i.body.id,
          bodyName: i.body.getEntity().name,
          meetingStartsAt: meeting.startsAt.toISOString(),
          meetingStatus: meeting.status,
          number: i.number,
          closed: i.closed,
          recommendation: hidden ? '' : i.recommendation,
          decision: hidden ? '' : i.decision,
        };
      }),
    );
  }

  /** Checks a case's input; returns the archive reference normalised to "25/1234". */
  private checked(input: CaseInput): string {
    const ref = parseArchiveReference(input.archiveReference);
    if (!ref || ref.document !== null) {
      throw new DomainError('INVALID_ARCHIVE_REFERENCE', 'Arkivsaksnummeret må ha formen 25/1234 eller 2025/1234.', 400, [
        { path: 'archiveReference', message: 'Bruk år/løpenummer, uten dokumentnummer.' },
      ]);
    }
    if (!input.public && !input.legalGround) {
      throw new DomainError('CASE_EXEMPT_NEEDS_GROUND', 'En sak unntatt offentlighet må ha hjemmel.', 400, [
        { path: 'legalGround', message: 'Velg hjemmel.' },
      ]);
    }
    if (input.legalGround && !legalGround(input.legalGround)) {
      throw new DomainError('UNKNOWN_LEGAL_GROUND', `Ukjent hjemmel «${input.legalGround}».`, 400, [{ path: 'legalGround', message: 'Velg en hjemmel fra listen.' }]);
    }
    return `${String(ref.year2).padStart(2, '0')}/${ref.sequence}`;
  }

  async get(id: string): Promise<Case> {
    const kase = await this.em.findOne(Case, id);
    if (!kase) throw new CaseNotFoundError();
    return kase;
  }
}
