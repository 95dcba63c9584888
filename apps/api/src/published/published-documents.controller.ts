import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MunicipalitySlugParams } from '@sekretariat/contracts';
import { Allow, EDITORS } from '../common/access/allow.decorator.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { sendStoredPdf } from './http-cache.js';
import type { PublishedRefresh } from './published-document.entity.js';
import { PublishedDocumentsService } from './published-documents.service.js';

const PublicIdParams = MunicipalitySlugParams.extend({ id: z.uuid({ error: 'Ugyldig id: forventet en UUID.' }) });
type PublicIdParams = z.infer<typeof PublicIdParams>;

const RefreshProgress = z.object({
  refresh: z.object({ id: z.uuid(), total: z.number().int(), done: z.number().int(), failed: z.number().int(), requestedBy: z.string(), createdAt: z.string(), finished: z.boolean() }).nullable(),
});
type RefreshProgress = z.infer<typeof RefreshProgress>;

/**
 * The public notice and papers PDFs of a published meeting of an open body, rendered once per
 * version and served from the document store with an ETag; and the re-render of all of them.
 */
@Controller()
export class PublishedDocumentsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly published: PublishedDocumentsService,
  ) {}

  @Get('public/:municipality/meetings/:id/notice.pdf')
  @Allow('public')
  @ApiRoute({ summary: 'The notice (møteinnkalling) of a published meeting as PDF; closed items by number and legal ground only. Rendered once per version: ETag and If-None-Match', params: PublicIdParams, response: 'application/pdf' })
  async notice(@Param(zod(PublicIdParams)) p: PublicIdParams, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer | undefined> {
    await this.meetings.get(p.id, { publicOnly: true });
    return sendStoredPdf(request, reply, await this.published.meetingDocument('meeting-notice', p.id), { audience: 'public', disposition: 'inline' });
  }

  @Get('public/:municipality/meetings/:id/papers.pdf')
  @Allow('public')
  @ApiRoute({ summary: 'The public meeting papers as PDF: open items with public attachments; closed items by number, "Unntatt offentlighet" and legal ground. Rendered once per version: ETag and If-None-Match', params: PublicIdParams, response: 'application/pdf' })
  async papers(@Param(zod(PublicIdParams)) p: PublicIdParams, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer | undefined> {
    await this.meetings.get(p.id, { publicOnly: true });
    return sendStoredPdf(request, reply, await this.published.meetingDocument('meeting-papers', p.id), { audience: 'public', disposition: 'attachment' });
  }

  @Post('published/refresh')
  @HttpCode(202)
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Re-render every published document of the municipality (after a template change), as jobs; the progress at GET published/refresh', response: RefreshProgress })
  async refresh(): Promise<RefreshProgress> {
    return { refresh: toProgress(await this.published.refreshAll()) };
  }

  @Get('published/refresh')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'The progress of the latest re-render of the published documents: done and failed of total', response: RefreshProgress })
  async progress(): Promise<RefreshProgress> {
    const r = await this.published.latestRefresh();
    return { refresh: r ? toProgress(r) : null };
  }
}

function toProgress(r: PublishedRefresh): NonNullable<RefreshProgress['refresh']> {
  return { id: r.id, total: r.total, done: r.done, failed: r.failed, requestedBy: r.requestedBy, createdAt: r.createdAt.toISOString(), finished: r.done + r.failed >= r.total };
}
