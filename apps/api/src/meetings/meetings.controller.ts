import { Body as RequestBody, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  AgendaItem,
  AgendaItemInput,
  AgendaOrderInput,
  Case,
  CaseInput,
  ClosedItemInput,
  IdParams,
  Meeting,
  MeetingDetail,
  MeetingInput,
  MeetingListResponse,
} from '@sekretariat/contracts';
import { Allow, EDITORS, STAFF } from '../auth/allow.decorator.js';
import { CurrentCaller, type RequestCaller } from '../auth/caller.js';
import { ForbiddenError } from '../common/errors/domain-error.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { AgendaService } from './agenda.service.js';
import { CasesService } from './cases.service.js';
import { MeetingNoticeService } from './meeting-notice.service.js';
import { toCaseDto } from './meetings.mapper.js';
import { MeetingsService, type Reader } from './meetings.service.js';

/** Exempt information (closed items, exempt cases) is for the secretariat until access per body arrives. */
const reader = (caller: RequestCaller): Reader => ({ publicOnly: false, exemptAccess: caller.roles.some((r) => EDITORS.includes(r)) });

/** Meetings, cases and agendas for signed-in staff; the secretariat writes. */
@Controller()
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly agenda: AgendaService,
    private readonly cases: CasesService,
    private readonly notices: MeetingNoticeService,
  ) {}

  @Get('bodies/:id/meetings')
  @Allow(...STAFF)
  @ApiRoute({ summary: "A body's meetings, earliest first", params: IdParams, response: MeetingListResponse })
  async list(@Param(zod(IdParams)) p: IdParams): Promise<MeetingListResponse> {
    return { items: await this.meetings.listForBody(p.id) };
  }

  @Post('bodies/:id/meetings')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Plan a meeting of a body', params: IdParams, body: MeetingInput, response: Meeting })
  create(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(MeetingInput)) input: MeetingInput, @CurrentCaller() caller: RequestCaller): Promise<Meeting> {
    return this.meetings.create(p.id, input, caller.user!.municipalityId);
  }

  @Get('meetings/:id')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'A meeting with its agenda in order', params: IdParams, response: MeetingDetail })
  detail(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller): Promise<MeetingDetail> {
    return this.meetings.detail(p.id, reader(caller));
  }

  @Post('meetings/:id/publish')
  @HttpCode(200)
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Publish the notice with the agenda (status notice_sent) and e-mail it to the members', params: IdParams, response: Meeting, status: 200 })
  publish(@Param(zod(IdParams)) p: IdParams): Promise<Meeting> {
    return this.meetings.publish(p.id);
  }

  @Get('meetings/:id/notice.pdf')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'The notice (møteinnkalling) with the agenda as PDF; closed items by number and legal ground only', params: IdParams, response: 'application/pdf' })
  async noticePdf(@Param(zod(IdParams)) p: IdParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { pdf, filename } = await this.notices.render(p.id);
    void reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`);
    return pdf;
  }

  @Post('meetings/:id/items')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Add a case or item to the agenda; it gets the next number of the body and year', params: IdParams, body: AgendaItemInput, response: AgendaItem })
  addItem(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(AgendaItemInput)) input: AgendaItemInput, @CurrentCaller() caller: RequestCaller): Promise<AgendaItem> {
    return this.agenda.add(p.id, input, caller.user!.municipalityId);
  }

  @Put('meetings/:id/items/order')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Reorder the agenda: every item id of the meeting, once, in the new order', params: IdParams, body: AgendaOrderInput, response: MeetingDetail })
  async reorder(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(AgendaOrderInput)) input: AgendaOrderInput, @CurrentCaller() caller: RequestCaller): Promise<MeetingDetail> {
    await this.agenda.reorder(p.id, input.itemIds);
    return this.meetings.detail(p.id, reader(caller));
  }

  @Put('agenda-items/:id/closed')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Mark an item as treated in closed session with its legal ground, or open (koml. § 11-5)', params: IdParams, body: ClosedItemInput, response: AgendaItem })
  setClosed(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(ClosedItemInput)) input: ClosedItemInput): Promise<AgendaItem> {
    return this.agenda.setClosed(p.id, input);
  }

  @Post('cases')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Create a case with its case presentation (saksframlegg)', body: CaseInput, response: Case })
  createCase(@RequestBody(zod(CaseInput)) input: CaseInput, @CurrentCaller() caller: RequestCaller): Promise<Case> {
    return this.cases.create(input, caller.user!.municipalityId);
  }

  @Get('cases/:id')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'A case with its case presentation; exempt cases for the secretariat only', params: IdParams, response: Case })
  async getCase(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller): Promise<Case> {
    const kase = await this.cases.get(p.id);
    if (!kase.public && !reader(caller).exemptAccess) throw new ForbiddenError('Saken er unntatt offentlighet.');
    return toCaseDto(kase);
  }
}
