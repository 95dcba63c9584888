import { Body as RequestBody, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  BoardRecordQuery,
  CancelVoteInput,
  ElectionSettings,
  ElectionSettingsInput,
  EnvelopeDecisionInput,
  EnvelopeRegister,
  PlaceCounts,
  PlaceCountsQuery,
  ReceivedEnvelope,
  ReceivedEnvelopeInput,
  SentEnvelope,
  SentEnvelopeInput,
  Election,
  ElectionInput,
  ElectionListResponse,
  IdParams,
  LookupQuery,
  LookupResponse,
  RegisteredVote,
  RegisterVoteInput,
  RegisterVoteResponse,
  ReviewQuery,
  ReviewVoteList,
  RollImportReport,
  UndoVoteInput,
  VoteDecisionInput,
  VoteSearchQuery,
  VotesReport,
  VotingPlace,
  VotingPlaceInput,
} from '@sekretariat/contracts';
import { Allow } from '../common/access/allow.decorator.js';
import { CurrentCaller, type RequestCaller } from '../common/access/caller.js';
import type { Caller } from '@sekretariat/contracts';
import { DomainError } from '../common/errors/domain-error.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { Accepts } from '../common/http/state-changes.js';
import { zod } from '../common/http/zod.js';
import { sendCsv } from '../bodies/http.js';
import { AdvanceVoteService, UNDO_MINUTES } from './advance-votes.service.js';
import { BoardRecordService } from './board-record.service.js';
import { osloDateTime } from './clock.js';
import { EnvelopesService } from './envelopes.service.js';
import { ElectionRetentionJob } from './retention.job.js';
import { ElectionsService } from './elections.service.js';
import { VoteReportsService } from './reports.service.js';
import { RollService } from './roll.service.js';

/** Who sets elections up and reads the figures. */
const ORGANISERS: Caller[] = ['admin', 'secretariat', 'election_board'];
/** Who works at the counter. */
const CLERKS: Caller[] = ['election_staff', 'admin'];
const ALL: Caller[] = ['admin', 'secretariat', 'election_board', 'election_staff'];

const JobParams = IdParams.extend({ jobId: z.string().regex(/^[0-9a-f-]{36}$/, 'Ugyldig jobb-id.') });
const RollQuery = z.strictObject({ allowRejected: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });
const EnvelopeParams = IdParams.extend({ envelopeId: z.uuid({ error: 'Ugyldig id.' }) });
const PlaceParams = IdParams.extend({ placeId: z.uuid({ error: 'Ugyldig id.' }) });
const DayQuery = z.strictObject({ date: z.iso.date({ error: 'Ugyldig dato: bruk ÅÅÅÅ-MM-DD.' }) });

@Controller()
export class ElectionsController {
  constructor(
    private readonly elections: ElectionsService,
    private readonly votes: AdvanceVoteService,
    private readonly reports: VoteReportsService,
    private readonly roll: RollService,
    private readonly envelopes: EnvelopesService,
    private readonly boardRecord: BoardRecordService,
    private readonly retention: ElectionRetentionJob,
  ) {}

  @Get('elections')
  @Allow(...ALL)
  @ApiRoute({ summary: 'Elections with their voting periods and roll size', response: ElectionListResponse })
  async list() {
    return { items: await this.elections.list() };
  }

  @Post('elections')
  @Allow(...ORGANISERS)
  @ApiRoute({ summary: 'Create an election; the advance voting periods are computed from election day', body: ElectionInput, response: Election })
  create(@RequestBody(zod(ElectionInput)) input: ElectionInput, @CurrentCaller() caller: RequestCaller) {
    return this.elections.create(input, caller.user!.municipalityId);
  }

  @Get('elections/:id/places')
  @Allow(...ALL)
  @ApiRoute({ summary: 'Voting places with opening hours and staff', params: IdParams, response: z.object({ items: z.array(VotingPlace) }) })
  async places(@Param(zod(IdParams)) p: IdParams) {
    return { items: await this.elections.places(p.id) };
  }

  @Post('elections/:id/places')
  @Allow(...ORGANISERS)
  @ApiRoute({ summary: 'Add a voting place with opening hours and staff', params: IdParams, body: VotingPlaceInput, response: VotingPlace })
  createPlace(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(VotingPlaceInput)) input: VotingPlaceInput, @CurrentCaller() caller: RequestCaller) {
    return this.elections.createPlace(p.id, input, caller.user!.municipalityId);
  }

  @Post('elections/:id/roll')
  @Accepts('csv')
  @HttpCode(202)
  @Allow(...ORGANISERS)
  @ApiRoute({ summary: 'Upload the roll (text/csv, docs/roll-format.md); imported by a job', params: IdParams, query: RollQuery, response: RollImportReport, status: 202 })
  async uploadRoll(@Param(zod(IdParams)) p: IdParams, @Query(zod(RollQuery)) q: z.infer<typeof RollQuery>, @RequestBody() body: unknown, @CurrentCaller() caller: RequestCaller) {
    if (!Buffer.isBuffer(body) || body.length === 0) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send manntallet som text/csv.', 415);
    const election = await this.elections.get(p.id);
    const user = caller.user!;
    return this.roll.queue(body, { electionId: election.id, municipalityId: user.municipalityId, userId: user.id, userName: user.username, allowRejected: q.allowRejected });
  }

  @Get('elections/:id/roll/jobs/:jobId')
  @Allow(...ORGANISERS)
  @ApiRoute({ summary: 'Progress and result of a roll import', params: JobParams, response: RollImportReport })
  rollStatus(@Param(zod(JobParams)) p: z.infer<typeof JobParams>) {
    return this.roll.status(p.jobId);
  }

  @Get('elections/:id/lookup')
  @Allow(...CLERKS)
  @ApiRoute({ summary: 'Look a voter up: by personal number, or by name and birth date', params: IdParams, query: LookupQuery, response: LookupResponse })
  lookup(@Param(zod(IdParams)) p: IdParams, @Query(zod(LookupQuery)) q: LookupQuery) {
    return this.votes.lookup(p.id, q);
  }

  @Post('elections/:id/votes')
  @Allow(...CLERKS)
  @ApiRoute({ summary: 'Receive an advance vote: approved at once (own voter, plain vote) or in a special envelope for the board; never refused for having voted or not being in the roll (idempotent per idempotencyKey)', params: IdParams, body: RegisterVoteInput, response: RegisterVoteResponse })
  register(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(RegisterVoteInput)) input: RegisterVoteInput, @CurrentCaller() caller: RequestCaller) {
    return this.votes.register(p.id, input, { id: caller.user!.id, name: caller.user!.username });
  }

  @Post('votes/:id/cancel')
  @HttpCode(200)
  @Allow('election_board')
  @ApiRoute({ summary: 'Cancel a registration made in error (election board only, with a reason)', params: IdParams, body: CancelVoteInput, response: RegisteredVote, status: 200 })
  cancel(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(CancelVoteInput)) input: z.infer<typeof CancelVoteInput>, @CurrentCaller() caller: RequestCaller) {
    return this.votes.cancel(p.id, input.reason, { id: caller.user!.id });
  }

  @Post('votes/:id/undo')
  @HttpCode(200)
  @Allow(...CLERKS)
  @ApiRoute({ summary: `A clerk undoes their own registration within ${UNDO_MINUTES} minutes, with a reason (traced as a cancellation)`, params: IdParams, body: UndoVoteInput, response: RegisteredVote, status: 200 })
  undo(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(UndoVoteInput)) input: UndoVoteInput, @CurrentCaller() caller: RequestCaller) {
    return this.votes.undo(p.id, input.reason, { id: caller.user!.id });
  }

  @Get('elections/:id/review')
  @Allow('election_board')
  @ApiRoute({ summary: "Received votes waiting for the board's decision (prøving), by envelope reason, with each voter's other votes", params: IdParams, query: ReviewQuery, response: ReviewVoteList })
  review(@Param(zod(IdParams)) p: IdParams, @Query(zod(ReviewQuery)) q: ReviewQuery) {
    return this.votes.review(p.id, q);
  }

  @Post('elections/:id/review/decisions')
  @HttpCode(200)
  @Allow('election_board')
  @ApiRoute({ summary: 'Approve received votes, or reject them with a ground from the criteria of prøving; all or nothing', params: IdParams, body: VoteDecisionInput, response: ReviewVoteList, status: 200 })
  decide(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(VoteDecisionInput)) input: VoteDecisionInput, @CurrentCaller() caller: RequestCaller) {
    return this.votes.decide(p.id, input, { id: caller.user!.id });
  }

  @Get('elections/:id/votes/search')
  @Allow('election_board')
  @ApiRoute({ summary: "Find a voter's votes by personal number or name (whose vote, when, where, which clerk), to cancel one", params: IdParams, query: VoteSearchQuery, response: ReviewVoteList })
  search(@Param(zod(IdParams)) p: IdParams, @Query(zod(VoteSearchQuery)) q: VoteSearchQuery) {
    return this.votes.search(p.id, q);
  }

  @Get('elections/:id/report')
  @Allow(...ALL)
  @ApiRoute({ summary: 'Advance votes per day, voting place and kind; rejections; envelopes per municipality (counts only, so clerks see the day at their place)', params: IdParams, response: VotesReport })
  async report(@Param(zod(IdParams)) p: IdParams) {
    return this.reports.report((await this.elections.get(p.id)).id);
  }

  @Get('elections/:id/report.pdf')
  @Allow(...ORGANISERS)
  @ApiRoute({ summary: 'The advance votes report as PDF', params: IdParams, response: 'application/pdf' })
  async reportPdf(@Param(zod(IdParams)) p: IdParams, @Res({ passthrough: true }) reply: FastifyReply) {
    const election = await this.elections.get(p.id);
    const pdf = await this.reports.pdf(election);
    void reply.type('application/pdf').header('content-disposition', `attachment; filename="forhandsstemmer-${election.electionDay}.pdf"`);
    return pdf;
  }

  @Get('elections/:id/registrations.csv')
  @Allow(...ORGANISERS)
  @ApiRoute({ summary: "A day's registrations with envelope serials, for reconciliation (CSV)", params: IdParams, query: DayQuery, response: 'text/csv' })
  async registrations(@Param(zod(IdParams)) p: IdParams, @Query(zod(DayQuery)) q: z.infer<typeof DayQuery>, @Res({ passthrough: true }) reply: FastifyReply) {
    const csv = await this.reports.dayCsv((await this.elections.get(p.id)).id, q.date);
    return sendCsv(reply, `forhandsstemmer-${q.date}.csv`, csv);
  }

  @Get('elections/:id/envelopes')
  @Allow(...ORGANISERS)
  @ApiRoute({ summary: 'The register of envelopes sent to and received from other municipalities, the arrival deadline, and the votes still to send', params: IdParams, response: EnvelopeRegister })
  envelopeRegister(@Param(zod(IdParams)) p: IdParams) {
    return this.envelopes.register(p.id);
  }

  @Post('elections/:id/envelopes/sent')
  @Allow(...ORGANISERS)
  @ApiRoute({ summary: "Register an envelope sent to the voters' municipality, with the votes in it (one serial per municipality; a vote is sent once)", params: IdParams, body: SentEnvelopeInput, response: SentEnvelope })
  sendEnvelope(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(SentEnvelopeInput)) input: SentEnvelopeInput, @CurrentCaller() caller: RequestCaller) {
    return this.envelopes.send(p.id, input, { id: caller.user!.id, name: caller.user!.username });
  }

  @Post('elections/:id/envelopes/received')
  @Allow(...ORGANISERS)
  @ApiRoute({ summary: 'Register an envelope received from another municipality; after kl. 17 the day after election day it is marked late', params: IdParams, body: ReceivedEnvelopeInput, response: ReceivedEnvelope })
  receiveEnvelope(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(ReceivedEnvelopeInput)) input: ReceivedEnvelopeInput, @CurrentCaller() caller: RequestCaller) {
    return this.envelopes.receive(p.id, input, { id: caller.user!.id, name: caller.user!.username });
  }

  @Post('elections/:id/envelopes/received/:envelopeId/decision')
  @HttpCode(200)
  @Allow('election_board')
  @ApiRoute({ summary: 'The board approves a received envelope or rejects it with a ground; a late one can only be rejected as late', params: EnvelopeParams, body: EnvelopeDecisionInput, response: ReceivedEnvelope, status: 200 })
  decideEnvelope(@Param(zod(EnvelopeParams)) p: z.infer<typeof EnvelopeParams>, @RequestBody(zod(EnvelopeDecisionInput)) input: EnvelopeDecisionInput, @CurrentCaller() caller: RequestCaller) {
    return this.envelopes.decide(p.id, p.envelopeId, input, { id: caller.user!.id });
  }

  @Get('elections/:id/board-record.pdf')
  @Allow('election_board', 'election_staff', 'admin')
  @ApiRoute({ summary: "The election board's record of advance voting (valgstyrets protokoll for forhåndsstemmer) as tagged PDF, in bokmål or nynorsk", params: IdParams, query: BoardRecordQuery, response: 'application/pdf' })
  async boardRecordPdf(@Param(zod(IdParams)) p: IdParams, @Query(zod(BoardRecordQuery)) q: BoardRecordQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const election = await this.elections.get(p.id);
    const pdf = await this.boardRecord.pdf(election, q.language);
    void reply.type('application/pdf').header('content-disposition', `attachment; filename="valgstyrets-protokoll-${election.electionDay}.pdf"`);
    return pdf;
  }

  @Get('elections/:id/settings')
  @Allow(...ORGANISERS)
  @ApiRoute({ summary: "The election's written standard for the board's record and how long the roll is kept", params: IdParams, response: ElectionSettings })
  settings(@Param(zod(IdParams)) p: IdParams) {
    return this.retention.settings(p.id);
  }

  @Put('elections/:id/settings')
  @Allow('admin', 'election_board')
  @ApiRoute({ summary: "Set the written standard of the board's record and the months the roll and personal numbers are kept", params: IdParams, body: ElectionSettingsInput, response: ElectionSettings })
  saveSettings(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(ElectionSettingsInput)) input: ElectionSettingsInput) {
    return this.retention.saveSettings(p.id, input);
  }

  @Get('elections/:id/places/:placeId/counts')
  @Allow(...ALL)
  @ApiRoute({ summary: "The counter's figures: votes taken at a voting place on a day (today if not given), in all and per hour", params: PlaceParams, query: PlaceCountsQuery, response: PlaceCounts })
  placeCounts(@Param(zod(PlaceParams)) p: z.infer<typeof PlaceParams>, @Query(zod(PlaceCountsQuery)) q: PlaceCountsQuery) {
    return this.reports.placeCounts(p.id, p.placeId, q.date ?? osloDateTime(new Date()).date);
  }
}
