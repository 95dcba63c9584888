import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Case as CaseDto, CaseInput } from '@sekretariat/contracts';
import { AuditService } from '../audit/audit.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Case } from './case.entity.js';
import { CaseNotFoundError } from './meetings.errors.js';
import { toCaseDto } from './meetings.mapper.js';
import { parseArchiveReference } from './rules/case-numbering.js';
import { legalGround } from './rules/legal-grounds.js';

/** Political cases and their case presentations. */
@Injectable()
export class CasesService {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async create(input: CaseInput, municipalityId: string): Promise<CaseDto> {
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
    const kase = this.em.create(Case, {
      municipality: municipalityId,
      ...input,
      archiveReference: `${String(ref.year2).padStart(2, '0')}/${ref.sequence}`,
      // A public case has no ground for exemption.
      legalGround: input.public ? null : input.legalGround,
    });
    this.audit.record({ action: 'case.create', entityType: 'political_case', entityId: kase.id, after: { archiveReference: kase.archiveReference, title: kase.title, public: kase.public, legalGround: kase.legalGround } });
    await this.em.flush();
    return toCaseDto(kase);
  }

  async get(id: string): Promise<Case> {
    const kase = await this.em.findOne(Case, id);
    if (!kase) throw new CaseNotFoundError();
    return kase;
  }
}
