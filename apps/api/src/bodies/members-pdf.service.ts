import { Injectable } from '@nestjs/common';
import type { BodyDetail } from '@sekretariat/contracts';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import { composeMembersList } from '../pdf/composers/members-list.composer.js';
import { PdfRenderer } from '../pdf/pdf-renderer.service.js';
import { currentScope } from '../core/tenant.js';
import { downloadFilename } from './http.js';

/** The member list of a body as PDF. */
@Injectable()
export class MembersPdfService {
  constructor(
    private readonly renderer: PdfRenderer,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  async render(body: BodyDetail): Promise<{ pdf: Buffer; filename: string }> {
    const municipality = await this.municipalities.byId(currentScope().municipalityId);
    const doc = composeMembersList({
      municipalityName: municipality.name,
      body: { name: body.name, kind: body.kind, termFrom: body.termFrom, termTo: body.termTo, seats: body.seats },
      members: body.members.map((m) => ({ name: m.name, party: m.party, role: m.role })),
      substitutes: body.substitutes.map((s) => ({ rank: s.rank, name: s.name, party: s.party })),
      generatedAt: new Date(),
    });
    const pdf = await this.renderer.render(doc);
    return { pdf, filename: downloadFilename('medlemsliste', body.name, 'pdf') };
  }
}
