import { Body as RequestBody, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  AgendaItem,
  AgendaItemInput,
  AgendaItemUpdateInput,
  AgendaOrderInput,
  AgendaOrderResult,
  Case,
  CaseDetail,
  CaseInput,
  CaseListResponse,
  CaseQuery,
  CaseUpdateInput,
  ClosedItemInput,
  IdParams,
  Meeting,
  MeetingCancelInput,
  MeetingDetail,
  MeetingInput,
  MeetingListResponse,
  MeetingPlanQuery,
  MeetingPlanResponse,
  MeetingStatusInput,
  MeetingUpdateInput,
  NoticeResendInput,
  NoticeTimeliness,
  PublishMeetingResponse,
  SaksgangResponse,
} from '@sekretariat/contracts';
import { Allow, EDITORS, STAFF } from '../common/access/allow.decorator.js';
import { CurrentCaller, type RequestCaller } from '../common/access/caller.js';
import { ForbiddenError } from '../common/errors/domain-error.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { AgendaService } from './agenda.service.js';
import { CasesService } from './cases.service.js';
import { MeetingCancelService } from './meeting-cancel.service.js';
import { MeetingNoticeService } from './meeting-notice.service.js';
import { toCaseDto } from './meetings.mapper.js';
import { MeetingsService } from './meetings.service.js';
import { PaperAccess } from '../cases/paper-access.js';

/** Meetings, cases and agendas for signed-in staff; the secretariat writes. */
@Controller()
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly agenda: AgendaService,
    private readonly cases: CasesService,
    private readonly notices: MeetingNoticeService,
    private readonly papers: PaperAccess,
    private readonly cancellations: MeetingCancelService,
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

  @Get('meetings')
  @Allow(...STAFF)
  @ApiRoute({ summary: "The annual meeting plan: every body's meetings in a year (Norwegian time), in time order, with item counts", query: MeetingPlanQuery, response: MeetingPlanResponse })
  async plan(@Query(zod(MeetingPlanQuery)) q: MeetingPlanQuery): Promise<MeetingPlanResponse> {
    return { items: await this.meetings.plan(q.year, q.bodyId) };
  }

  @Get('meetings/upcoming-for-me')
  @Allow(...STAFF)
  @ApiRoute({ summary: "The next 12 months' meetings of the bodies where the signed-in official has a seat or a substitute place; empty for users who are not officials", response: MeetingPlanResponse })
  async upcomingForMe(@CurrentCaller() caller: RequestCaller): Promise<MeetingPlanResponse> {
    const personId = caller.user!.personId;
    return { items: personId ? await this.meetings.upcomingForPerson(personId, new Date()) : [] };
  }

  @Put('meetings/:id')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Change time, place, remote and video link of a meeting; not after the minutes are approved', params: IdParams, body: MeetingUpdateInput, response: Meeting })
  update(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(MeetingUpdateInput)) input: MeetingUpdateInput): Promise<Meeting> {
    return this.meetings.update(p.id, input);
  }

  @Post('meetings/:id/status')
  @HttpCode(200)
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Move a meeting on: notice_sent → held (minutes_approved follows from approving the protocol)', params: IdParams, body: MeetingStatusInput, response: Meeting, status: 200 })
  setStatus(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(MeetingStatusInput)) input: MeetingStatusInput): Promise<Meeting> {
    return this.meetings.setStatus(p.id, input.status);
  }

  @Post('meetings/:id/cancel')
  @HttpCode(200)
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Cancel a meeting (avlyse) with a reason before it is held; the members are told by e-mail; it can no longer be noticed or held', params: IdParams, body: MeetingCancelInput, response: Meeting, status: 200 })
  cancel(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(MeetingCancelInput)) input: MeetingCancelInput): Promise<Meeting> {
    return this.cancellations.cancel(p.id, input.reason);
  }

  @Get('meetings/:id')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'A meeting with its agenda in order', params: IdParams, response: MeetingDetail })
  async detail(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller): Promise<MeetingDetail> {
    return this.meetings.detail(p.id, await this.papers.forMeeting(caller, p.id));
  }

  @Post('meetings/:id/publish')
  @HttpCode(200)
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Publish the notice with the agenda (status notice_sent) and e-mail it to the members; warns NOTICE_LATE when later than the notice period', params: IdParams, response: PublishMeetingResponse, status: 200 })
  publish(@Param(zod(IdParams)) p: IdParams): Promise<PublishMeetingResponse> {
    return this.meetings.publish(p.id);
  }

  @Get('meetings/:id/notice-timeliness')
  @Allow(...EDITORS)
  @ApiRoute({ summary: "The notice against the body type's notice period (municipal settings): as sent, or if sent now", params: IdParams, response: NoticeTimeliness })
  noticeTimeliness(@Param(zod(IdParams)) p: IdParams): Promise<NoticeTimeliness> {
    return this.meetings.noticeTimeliness(p.id);
  }

  @Post('meetings/:id/notice/resend')
  @HttpCode(202)
  @Allow(...EDITORS)
  @ApiRoute({
    summary: 'E-mail the changed notice (endret møteinnkalling) to the members and the substitutes who have accepted, with an optional message; only while the status is notice_sent',
    params: IdParams,
    body: NoticeResendInput,
    response: Meeting,
    status: 202,
  })
  resendNotice(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(NoticeResendInput)) input: NoticeResendInput): Promise<Meeting> {
    return this.meetings.resendNotice(p.id, input.message);
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
  @ApiRoute({ summary: 'Reorder the agenda: every item id of the meeting, once, in the new order', params: IdParams, body: AgendaOrderInput, response: AgendaOrderResult })
  async reorder(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(AgendaOrderInput)) input: AgendaOrderInput, @CurrentCaller() caller: RequestCaller): Promise<AgendaOrderResult> {
    const warning = await this.agenda.reorder(p.id, input.itemIds);
    return { ...(await this.meetings.detail(p.id, await this.papers.forMeeting(caller, p.id))), warning };
  }

  @Put('agenda-items/:id/closed')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Mark an item as treated in closed session with its legal ground, or open (koml. § 11-5)', params: IdParams, body: ClosedItemInput, response: AgendaItem })
  setClosed(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(ClosedItemInput)) input: ClosedItemInput): Promise<AgendaItem> {
    return this.agenda.setClosed(p.id, input);
  }

  @Delete('agenda-items/:id')
  @HttpCode(204)
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Take an item off the agenda before the meeting is held; its number is not given again', params: IdParams, status: 204 })
  async removeItem(@Param(zod(IdParams)) p: IdParams): Promise<void> {
    await this.agenda.remove(p.id);
  }

  @Put('agenda-items/:id')
  @Allow(...EDITORS)
  @ApiRoute({ summary: "Edit an item: title (items without a case), video position, the body's recommendation, the decision once held, the asker (SP/IP)", params: IdParams, body: AgendaItemUpdateInput, response: AgendaItem })
  updateItem(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(AgendaItemUpdateInput)) input: AgendaItemUpdateInput): Promise<AgendaItem> {
    return this.agenda.update(p.id, input);
  }

  @Get('cases')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'Cases by archive reference or title, newest first; exempt cases for the secretariat only', query: CaseQuery, response: CaseListResponse })
  async searchCases(@Query(zod(CaseQuery)) q: CaseQuery, @CurrentCaller() caller: RequestCaller): Promise<CaseListResponse> {
    return { items: await this.cases.search(q.q, q.limit, PaperAccess.forSearch(caller)) };
  }

  @Post('cases')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Create a case with its case presentation (saksframlegg)', body: CaseInput, response: Case })
  createCase(@RequestBody(zod(CaseInput)) input: CaseInput, @CurrentCaller() caller: RequestCaller): Promise<Case> {
    return this.cases.create(input, caller.user!.municipalityId);
  }

  @Get('cases/:id')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'A case with its case presentation and saksgang; exempt cases for the secretariat only', params: IdParams, response: CaseDetail })
  async getCase(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller): Promise<CaseDetail> {
    const kase = await this.readableCase(p.id, caller);
    return { ...toCaseDto(kase), saksgang: await this.cases.saksgang(kase, await this.papers.forCase(caller, kase.id)) };
  }

  @Put('cases/:id')
  @Allow(...EDITORS)
  @ApiRoute({ summary: 'Change the case presentation (saksframlegg)', params: IdParams, body: CaseUpdateInput, response: Case })
  updateCase(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(CaseUpdateInput)) input: CaseUpdateInput): Promise<Case> {
    return this.cases.update(p.id, input);
  }

  @Get('cases/:id/saksgang')
  @Allow(...STAFF)
  @ApiRoute({ summary: "The case's way through the bodies (saksgang), in meeting order, with each body's recommendation and decision", params: IdParams, response: SaksgangResponse })
  async saksgang(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller): Promise<SaksgangResponse> {
    const kase = await this.readableCase(p.id, caller);
    return { items: await this.cases.saksgang(kase, await this.papers.forCase(caller, kase.id)) };
  }

  private async readableCase(id: string, caller: RequestCaller) {
    const kase = await this.cases.get(id);
    if (!kase.public && !(await this.papers.forCase(caller, kase.id)).exemptAccess) throw new ForbiddenError('Saken er unntatt offentlighet.');
    return kase;
  }
}
