import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { BodyDetail, BodyListResponse, MunicipalitySlugParams } from '@sekretariat/contracts';
import { Allow } from '../common/access/allow.decorator.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { BodiesService } from './bodies.service.js';
import { csvFilename, sendCsv } from './http.js';
import { MembersPdfService } from './members-pdf.service.js';

const PublicBodyParams = MunicipalitySlugParams.extend({ id: z.uuid({ error: 'Ugyldig id: forventet en UUID.' }) });
type PublicBodyParams = z.infer<typeof PublicBodyParams>;

/** Open bodies and their current members, for everyone. No contact data. */
@Controller('public/:municipality/bodies')
@Allow('public')
export class PublicBodiesController {
  constructor(
    private readonly bodies: BodiesService,
    private readonly pdfs: MembersPdfService,
  ) {}

  @Get()
  @ApiRoute({ summary: 'Open bodies of a municipality', params: MunicipalitySlugParams, response: BodyListResponse })
  list(): Promise<BodyListResponse> {
    return this.bodies.list({ publicOnly: true });
  }

  @Get(':id')
  @ApiRoute({ summary: 'An open body with its current members', params: PublicBodyParams, response: BodyDetail })
  detail(@Param(zod(PublicBodyParams)) params: PublicBodyParams): Promise<BodyDetail> {
    return this.bodies.detail(params.id, { publicOnly: true, withContact: false });
  }

  @Get(':id/members.pdf')
  @ApiRoute({ summary: 'Member list of an open body as PDF', params: PublicBodyParams, response: 'application/pdf' })
  async membersPdf(
    @Param(zod(PublicBodyParams)) params: PublicBodyParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const body = await this.bodies.detail(params.id, { publicOnly: true, withContact: false });
    const { pdf, filename } = await this.pdfs.render(body);
    void reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`);
    return pdf;
  }

  @Get(':id/members.csv')
  @ApiRoute({ summary: 'Member list of an open body as CSV (no contact data)', params: PublicBodyParams, response: 'text/csv' })
  async membersCsv(@Param(zod(PublicBodyParams)) params: PublicBodyParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { csv, name } = await this.bodies.membersCsv(params.id, { publicOnly: true, withContact: false });
    return sendCsv(reply, csvFilename('medlemsliste', name), csv);
  }
}
