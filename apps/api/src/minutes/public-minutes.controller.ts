import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MunicipalitySlugParams, OpenProtocol, PublicProtocolInfo } from '@sekretariat/contracts';
import { Allow } from '../common/access/allow.decorator.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { ProtocolService } from './protocol.service.js';

const PublicIdParams = MunicipalitySlugParams.extend({ id: z.uuid({ error: 'Ugyldig id: forventet en UUID.' }) });
type PublicIdParams = z.infer<typeof PublicIdParams>;
const ProtocolInfoResponse = z.object({ protocol: PublicProtocolInfo.nullable() });
type ProtocolInfoResponse = z.infer<typeof ProtocolInfoResponse>;

/** The approved protocol of a published meeting of an open body, for everyone: PDF (public edition) and open data. */
@Controller('public/:municipality/meetings/:id')
@Allow('public')
export class PublicMinutesController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly protocol: ProtocolService,
  ) {}

  /** Only meetings the public calendar shows (published, open body). */
  private async published(id: string): Promise<void> {
    await this.meetings.detail(id, { publicOnly: true, exemptAccess: false });
  }

  @Get('protocol')
  @ApiRoute({ summary: 'Whether the meeting has an approved protocol, its version and whether it was corrected', params: PublicIdParams, response: ProtocolInfoResponse })
  async info(@Param(zod(PublicIdParams)) p: PublicIdParams): Promise<ProtocolInfoResponse> {
    await this.published(p.id);
    return { protocol: await this.protocol.publicInfo(p.id) };
  }

  @Get('protocol.pdf')
  @ApiRoute({ summary: 'The approved protocol (public edition) as PDF, stored at approval; ETag and If-None-Match', params: PublicIdParams, response: 'application/pdf' })
  async pdf(@Param(zod(PublicIdParams)) p: PublicIdParams, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer | undefined> {
    await this.published(p.id);
    const { pdf, sha256, filename } = await this.protocol.publicPdf(p.id);
    const etag = `"${sha256}"`;
    void reply.header('etag', etag).header('cache-control', 'public, max-age=300, must-revalidate');
    if (request.headers['if-none-match'] === etag) {
      void reply.status(304);
      return undefined;
    }
    void reply.type('application/pdf').header('content-disposition', `inline; filename="${filename}"`);
    return pdf;
  }

  @Get('protocol.json')
  @ApiRoute({ summary: 'The approved protocol as open data (OParl Meeting/AgendaItem, Popolo VoteEvent with votes per party); schema in packages/contracts/schemas/protocol.schema.json', params: PublicIdParams, response: OpenProtocol })
  async json(@Param(zod(PublicIdParams)) p: PublicIdParams, @Req() request: FastifyRequest): Promise<OpenProtocol> {
    await this.published(p.id);
    const pdfUrl = `${request.protocol}://${request.host}/api/public/${(request.params as { municipality: string }).municipality}/meetings/${p.id}/protocol.pdf`;
    return this.protocol.publicJson(p.id, pdfUrl);
  }
}
