import { Body as RequestBody, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  BodyDetail,
  BodyInput,
  BodyListResponse,
  BodyOverview,
  HistoryResponse,
  IdParams,
  MembershipInput,
  SubstituteProposal,
  SubstituteProposalQuery,
} from '@sekretariat/contracts';
import { Allow, EDITORS, STAFF } from '../common/access/allow.decorator.js';
import { CurrentCaller, type RequestCaller } from '../common/access/caller.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { BodiesService } from './bodies.service.js';
import { csvFilename, sendCsv } from './http.js';
import { MembersPdfService } from './members-pdf.service.js';
import { MembershipsService } from './memberships.service.js';

const DateQuery = z.strictObject({ date: z.iso.date({ error: 'Ugyldig dato: bruk ÅÅÅÅ-MM-DD.' }).optional() });
const Created = z.object({ membershipId: z.uuid() });

/** The register of bodies for signed-in staff of the user's own municipality. */
@Controller('bodies')
@Allow(...STAFF)
export class BodiesController {
  constructor(
    private readonly bodies: BodiesService,
    private readonly memberships: MembershipsService,
    private readonly pdfs: MembersPdfService,
  ) {}

  @Get()
  @ApiRoute({ summary: 'Bodies of the municipality', response: BodyListResponse })
  list(): Promise<BodyListResponse> {
    return this.bodies.list({ publicOnly: false });
  }

  @Post()
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Create a body', body: BodyInput, response: BodyDetail })
  create(@RequestBody(zod(BodyInput)) input: BodyInput, @CurrentCaller() caller: RequestCaller): Promise<BodyDetail> {
    return this.bodies.create(input, caller.user!.municipalityId);
  }

  @Get(':id')
  @ApiRoute({ summary: 'A body with current members and ranked substitutes', params: IdParams, response: BodyDetail })
  detail(@Param(zod(IdParams)) params: IdParams): Promise<BodyDetail> {
    return this.bodies.detail(params.id, { publicOnly: false, withContact: true });
  }

  @Put(':id')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Change a body', params: IdParams, body: BodyInput, response: BodyDetail })
  update(@Param(zod(IdParams)) params: IdParams, @RequestBody(zod(BodyInput)) input: BodyInput): Promise<BodyDetail> {
    return this.bodies.update(params.id, input);
  }

  @Get(':id/overview')
  @ApiRoute({ summary: 'Gender balance, members moved up during leave, and warnings, on a day', params: IdParams, query: DateQuery, response: BodyOverview })
  overview(@Param(zod(IdParams)) params: IdParams, @Query(zod(DateQuery)) query: z.infer<typeof DateQuery>): Promise<BodyOverview> {
    return this.memberships.overview(params.id, query.date);
  }

  @Get(':id/history')
  @ApiRoute({ summary: 'Every membership of the body, ended ones included, with leave and release', params: IdParams, response: HistoryResponse })
  history(@Param(zod(IdParams)) params: IdParams): Promise<HistoryResponse> {
    return this.memberships.history(params.id);
  }

  @Post(':id/memberships')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Add a member or a substitute', params: IdParams, body: MembershipInput, response: Created })
  addMembership(
    @Param(zod(IdParams)) params: IdParams,
    @RequestBody(zod(MembershipInput)) input: MembershipInput,
    @CurrentCaller() caller: RequestCaller,
  ): Promise<{ membershipId: string }> {
    return this.memberships.add(params.id, input, caller.user!.municipalityId);
  }

  @Get(':id/substitute-proposal')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'The substitute to call in for an absent member, with the reasons', params: IdParams, query: SubstituteProposalQuery, response: SubstituteProposal })
  proposal(@Param(zod(IdParams)) params: IdParams, @Query(zod(SubstituteProposalQuery)) query: SubstituteProposalQuery): Promise<SubstituteProposal> {
    return this.memberships.proposal(params.id, query);
  }

  @Get(':id/members.pdf')
  @ApiRoute({ summary: 'Member list of a body as PDF', params: IdParams, response: 'application/pdf' })
  async membersPdf(@Param(zod(IdParams)) params: IdParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const body = await this.bodies.detail(params.id, { publicOnly: false, withContact: false });
    const { pdf, filename } = await this.pdfs.render(body);
    void reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`);
    return pdf;
  }

  @Get(':id/members.csv')
  @ApiRoute({ summary: 'Member list of a body as CSV (with contact data)', params: IdParams, response: 'text/csv' })
  @HttpCode(200)
  async membersCsv(@Param(zod(IdParams)) params: IdParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { csv, name } = await this.bodies.membersCsv(params.id, { publicOnly: false, withContact: true });
    return sendCsv(reply, csvFilename('medlemsliste', name), csv);
  }
}
