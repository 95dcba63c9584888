import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { IdParams } from '@sekretariat/contracts';
import { Allow, STAFF } from '../common/access/allow.decorator.js';
import { CurrentCaller, type RequestCaller } from '../common/access/caller.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { MeetingPapersService } from './meeting-papers.service.js';
import { PaperAccess } from '../cases/paper-access.js';

/** The full meeting papers as one PDF for staff, as their access allows. */
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

  // The public edition (public/:municipality/meetings/:id/papers.pdf) is rendered once per version: published/.
}
