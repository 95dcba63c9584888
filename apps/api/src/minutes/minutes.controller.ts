import { Body as RequestBody, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ApproveInMeetingInput,
  AttendeeInput,
  AttendeeUpdateInput,
  CorrectionInput,
  DisqualificationInput,
  IdParams,
  ItemTreatmentInput,
  Minutes,
  MinutesChildParams,
  MinutesRecordInput,
  ProposalInput,
  ProtocolPdfQuery,
  VoteInput,
} from '@sekretariat/contracts';
import { Allow, EDITORS } from '../common/access/allow.decorator.js';
import { CurrentCaller, type RequestCaller } from '../common/access/caller.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { MinutesService } from './minutes.service.js';
import { ProtocolService } from './protocol.service.js';
import { MinutesAccess } from './minutes-access.js';

/**
 * Recording a meeting and its protocol (møtebok): the secretariat records; the chosen
 * signatories read the draft and sign it with their own sign-in.
 */
@Controller('meetings/:id/minutes')
@Allow(...EDITORS)
export class MinutesController {
  constructor(
    private readonly minutes: MinutesService,
    private readonly protocol: ProtocolService,
    private readonly access: MinutesAccess,
  ) {}

  @Get()
  @Allow(...EDITORS, 'official')
  @ApiRoute({ summary: 'The recording of a meeting: attendance by item, disqualifications, proposals and votes, decisions, protocol versions (officials: the signatories)', params: IdParams, response: Minutes })
  async view(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller): Promise<Minutes> {
    await this.access.assertCanRead(caller, p.id);
    return this.access.redact(caller, await this.minutes.view(p.id));
  }

  @Post('start')
  @HttpCode(200)
  @ApiRoute({ summary: 'Open the minutes: attendance from the seat overview, the recommendation as first proposal (idempotent)', params: IdParams, response: Minutes, status: 200 })
  start(@Param(zod(IdParams)) p: IdParams): Promise<Minutes> {
    return this.minutes.start(p.id);
  }

  @Put('record')
  @ApiRoute({ summary: "The protocol's facts: written standard, times, chair, remarks, approval method and signatories", params: IdParams, body: MinutesRecordInput, response: Minutes })
  record(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(MinutesRecordInput)) input: MinutesRecordInput): Promise<Minutes> {
    return this.minutes.updateRecord(p.id, input);
  }

  @Post('attendees')
  @HttpCode(200)
  @ApiRoute({ summary: 'Add a substitute who meets for a member (whole meeting or one item) or an officer present', params: IdParams, body: AttendeeInput, response: Minutes, status: 200 })
  addAttendee(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(AttendeeInput)) input: AttendeeInput): Promise<Minutes> {
    return this.minutes.addAttendee(p.id, input);
  }

  @Put('attendees/:childId')
  @ApiRoute({ summary: 'Presence of one attendee: absent with a reason, or present from an item to an item with the times', params: MinutesChildParams, body: AttendeeUpdateInput, response: Minutes })
  updateAttendee(@Param(zod(MinutesChildParams)) p: MinutesChildParams, @RequestBody(zod(AttendeeUpdateInput)) input: AttendeeUpdateInput): Promise<Minutes> {
    return this.minutes.updateAttendee(p.id, p.childId, input);
  }

  @Delete('attendees/:childId')
  @ApiRoute({ summary: 'Remove a substitute or officer added by mistake (members are marked absent instead)', params: MinutesChildParams, response: Minutes })
  removeAttendee(@Param(zod(MinutesChildParams)) p: MinutesChildParams): Promise<Minutes> {
    return this.minutes.removeAttendee(p.id, p.childId);
  }

  @Put('items/:childId')
  @ApiRoute({ summary: 'How an item was treated: outcome, treatment, decision (written back to the case), whether the decision is exempt', params: MinutesChildParams, body: ItemTreatmentInput, response: Minutes })
  treat(@Param(zod(MinutesChildParams)) p: MinutesChildParams, @RequestBody(zod(ItemTreatmentInput)) input: ItemTreatmentInput): Promise<Minutes> {
    return this.minutes.treatItem(p.id, p.childId, input);
  }

  @Post('items/:childId/proposals')
  @HttpCode(200)
  @ApiRoute({ summary: 'A proposal in an item by a member (new proposal, amendment, addition)', params: MinutesChildParams, body: ProposalInput, response: Minutes, status: 200 })
  addProposal(@Param(zod(MinutesChildParams)) p: MinutesChildParams, @RequestBody(zod(ProposalInput)) input: ProposalInput): Promise<Minutes> {
    return this.minutes.addProposal(p.id, p.childId, input);
  }

  @Delete('proposals/:childId')
  @ApiRoute({ summary: 'Remove a proposal recorded by mistake (not the recommendation)', params: MinutesChildParams, response: Minutes })
  removeProposal(@Param(zod(MinutesChildParams)) p: MinutesChildParams): Promise<Minutes> {
    return this.minutes.removeProposal(p.id, p.childId);
  }

  @Put('proposals/:childId/vote')
  @ApiRoute({ summary: 'The vote on a proposal: who of those present voted against (all others for), or withdrawn / not voted on', params: MinutesChildParams, body: VoteInput, response: Minutes })
  vote(@Param(zod(MinutesChildParams)) p: MinutesChildParams, @RequestBody(zod(VoteInput)) input: VoteInput): Promise<Minutes> {
    return this.minutes.vote(p.id, p.childId, input);
  }

  @Post('items/:childId/disqualifications')
  @HttpCode(200)
  @ApiRoute({ summary: "The body's ruling on a member's disqualification in an item (fvl. § 6), before the votes in it", params: MinutesChildParams, body: DisqualificationInput, response: Minutes, status: 200 })
  disqualify(@Param(zod(MinutesChildParams)) p: MinutesChildParams, @RequestBody(zod(DisqualificationInput)) input: DisqualificationInput): Promise<Minutes> {
    return this.minutes.disqualify(p.id, p.childId, input);
  }

  @Delete('disqualifications/:childId')
  @ApiRoute({ summary: 'Remove a disqualification ruling recorded by mistake', params: MinutesChildParams, response: Minutes })
  removeDisqualification(@Param(zod(MinutesChildParams)) p: MinutesChildParams): Promise<Minutes> {
    return this.minutes.removeDisqualification(p.id, p.childId);
  }

  @Post('held')
  @HttpCode(200)
  @ApiRoute({ summary: 'Mark the meeting held (from its day on): the agenda is locked; reversible until the protocol is approved', params: IdParams, response: Minutes, status: 200 })
  held(@Param(zod(IdParams)) p: IdParams): Promise<Minutes> {
    return this.protocol.markHeld(p.id);
  }

  @Delete('held')
  @ApiRoute({ summary: 'Undo "held" (a mistake), until a protocol version is approved', params: IdParams, response: Minutes })
  notHeld(@Param(zod(IdParams)) p: IdParams): Promise<Minutes> {
    return this.protocol.unmarkHeld(p.id);
  }

  @Post('protocol/sign')
  @HttpCode(200)
  @Allow('official')
  @ApiRoute({ summary: 'A chosen signatory approves the draft protocol with their own sign-in; the last signature approves it', params: IdParams, response: Minutes, status: 200 })
  async sign(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller): Promise<Minutes> {
    return this.access.redact(caller, await this.protocol.sign(p.id, caller));
  }

  @Post('protocol/approve-in-meeting')
  @HttpCode(200)
  @ApiRoute({ summary: "Record the protocol's approval as an item of a later meeting of the same body", params: IdParams, body: ApproveInMeetingInput, response: Minutes, status: 200 })
  approveInMeeting(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(ApproveInMeetingInput)) input: ApproveInMeetingInput): Promise<Minutes> {
    return this.protocol.approveInMeeting(p.id, input.agendaItemId);
  }

  @Post('protocol/corrections')
  @HttpCode(200)
  @ApiRoute({ summary: 'Correct an approved protocol: a new version with the reason, to be approved again; every version is kept', params: IdParams, body: CorrectionInput, response: Minutes, status: 200 })
  correct(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(CorrectionInput)) input: CorrectionInput): Promise<Minutes> {
    return this.protocol.correct(p.id, input.reason);
  }

  @Get('protocol.pdf')
  @Allow(...EDITORS, 'official')
  @ApiRoute({ summary: 'The protocol as PDF: internal or public edition, the draft (watermarked) or a version', params: IdParams, query: ProtocolPdfQuery, response: 'application/pdf' })
  async pdf(
    @Param(zod(IdParams)) p: IdParams,
    @Query(zod(ProtocolPdfQuery)) q: ProtocolPdfQuery,
    @CurrentCaller() caller: RequestCaller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const edition = await this.access.edition(caller, p.id, q.edition);
    const { pdf, filename, sha256 } = await this.protocol.pdfFor(p.id, edition, q.version);
    void reply.type('application/pdf').header('content-disposition', `inline; filename="${filename}"`).header('cache-control', 'private, no-store');
    if (sha256) void reply.header('etag', `"${sha256}"`);
    return pdf;
  }
}
