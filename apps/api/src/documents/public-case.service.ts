import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { PublicCaseDetail } from '@sekretariat/contracts';
import { CaseNotFoundError } from '../cases/cases.errors.js';
import { legalGround } from '../cases/legal-grounds.js';
import { Document } from './document.entity.js';

/**
 * The public case page (issue 15): an open case that is on a published agenda, its public
 * documents and its path through bodies (saksgang). What the public may see is the rule of the
 * public search (`published_public`, Migration20261126050000PublicSearch): a public case on a
 * not-closed item of a published meeting of an open body. The saksgang lists only such items;
 * a decision is shown unless the minutes mark it exempt. Nothing else of the case is read out.
 */
@Injectable()
export class PublicCaseService {
  constructor(@Inject(EntityManager) private readonly em: EntityManager) {}

  async detail(caseId: string): Promise<PublicCaseDetail> {
    const [kase] = await this.em.execute<{ id: string; title: string; archive_reference: string; summary: string }[]>(
      `select c.id, c.title, c.archive_reference, c.summary from political_case c where c.id = ? and c.public and c.published_public`,
      [caseId],
    );
    if (!kase) throw new CaseNotFoundError();
    const steps = await this.em.execute<{ meeting_id: string; item_id: string; body_name: string; starts_at: string | Date; number: string; recommendation: string; decision: string; decision_exempt: boolean | null }[]>(
      `select m.id as meeting_id, ai.id as item_id, b.name as body_name, m.starts_at, ai.number, ai.recommendation, ai.decision, mi.decision_exempt
         from agenda_item ai
         join meeting m on m.id = ai.meeting_id
         join body b on b.id = ai.body_id
         left join minutes_item mi on mi.agenda_item_id = ai.id
        where ai.case_id = ? and not ai.closed and m.status <> 'planned' and b.is_public
        order by m.starts_at, ai.id`,
      [caseId],
    );
    const documents = await this.em.find(Document, { case: caseId, public: true }, { orderBy: { position: 'asc', createdAt: 'asc' } });
    return {
      id: kase.id,
      title: kase.title,
      archiveReference: kase.archive_reference,
      summary: kase.summary,
      documents: documents.map((d) => ({
        id: d.id,
        caseId,
        title: d.title,
        filename: d.filename,
        contentType: d.contentType,
        size: d.size,
        public: d.public,
        legalGround: d.legalGround,
        citation: d.legalGround ? (legalGround(d.legalGround)?.citation ?? null) : null,
        position: d.position,
      })),
      steps: steps.map((s) => ({
        meetingId: s.meeting_id,
        itemId: s.item_id,
        bodyName: s.body_name,
        startsAt: new Date(s.starts_at).toISOString(),
        number: s.number,
        recommendation: s.recommendation,
        decision: s.decision_exempt ? '' : s.decision,
      })),
    };
  }
}
