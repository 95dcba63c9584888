import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { IdParams, MunicipalitySlugParams } from '@sekretariat/contracts';
import { Allow, STAFF } from '../common/access/allow.decorator.js';
import { CurrentCaller, type RequestCaller } from '../common/access/caller.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { MeetingPapersService } from './meeting-papers.service.js';
import { NO_EXEMPT_ACCESS, PaperAccess } from '../cases/paper-access.js';

const PublicIdParams = MunicipalitySlugParams.extend({ id: z.uuid({ error: 'Ugyldig id: forventet en UUID.' }) });
type PublicIdParams = z.infer<typeof PublicIdParams>;

/** The full meeting papers as one PDF: for staff as their access allows, for the public without exempt parts. */
@Controller()
export class MeetingPapersController {
  constructor(
    private readonly papers: MeetingPapersService,
    private readonly access: PaperAccess,
  ) {}

  @Get('meetings/:id/papers.pdf')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'The meeting papers as PDF: notice, then each case presentation with its attachments; exempt parts only for those with access', params: IdParams, response: 'application/pdf' })
  async staff(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { pdf, filename } = await this.papers.render(p.id, { publicOnly: false, scope: await this.access.exemptScope(caller) });
    void reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`);
    return pdf;
  }

  @Get('public/:municipality/meetings/:id/papers.pdf')
  @Allow('public')
  @ApiRoute({ summary: 'The public meeting papers as PDF: open items with public attachments; closed items by number, "Unntatt offentlighet" and legal ground', params: PublicIdParams, response: 'application/pdf' })
  async public(@Param(zod(PublicIdParams)) p: PublicIdParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { pdf, filename } = await this.papers.render(p.id, { publicOnly: true, scope: NO_EXEMPT_ACCESS });
    void reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`);
    return pdf;
  }
}
