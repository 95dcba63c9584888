import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { BodyDetail, BodyListResponse, IdParams } from '@sekretariat/contracts';
import { Allow, STAFF } from '../auth/allow.decorator.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { BodiesService } from './bodies.service.js';
import { MembersPdfService } from './members-pdf.service.js';

/** The register of bodies for signed-in staff of the user's own municipality. */
@Controller('bodies')
@Allow(...STAFF)
export class BodiesController {
  constructor(
    private readonly bodies: BodiesService,
    private readonly pdfs: MembersPdfService,
  ) {}

  @Get()
  @ApiRoute({ summary: 'Bodies of the municipality', response: BodyListResponse })
  list(): Promise<BodyListResponse> {
    return this.bodies.list({ publicOnly: false });
  }

  @Get(':id')
  @ApiRoute({ summary: 'A body with current members and ranked substitutes', params: IdParams, response: BodyDetail })
  detail(@Param(zod(IdParams)) params: IdParams): Promise<BodyDetail> {
    return this.bodies.detail(params.id, { publicOnly: false, withContact: true });
  }

  @Get(':id/members.pdf')
  @ApiRoute({ summary: 'Member list of a body as PDF', params: IdParams, response: 'application/pdf' })
  async membersPdf(@Param(zod(IdParams)) params: IdParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const body = await this.bodies.detail(params.id, { publicOnly: false, withContact: false });
    const { pdf, filename } = await this.pdfs.render(body);
    void reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`);
    return pdf;
  }
}
