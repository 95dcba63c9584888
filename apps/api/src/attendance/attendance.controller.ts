import { Body as RequestBody, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Absence, AbsenceInput, AbsenceListResponse, IdParams, MeetingSeats, OwnAbsenceInput, SummonsAnswerInput } from '@sekretariat/contracts';
import { Allow, EDITORS, STAFF } from '../common/access/allow.decorator.js';
import { CurrentCaller, type RequestCaller } from '../common/access/caller.js';
import { CONFIG, type Config } from '../config/config.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { MunicipalitySettingsService } from '../municipalities/municipality-settings.service.js';
import { AttendanceService } from './attendance.service.js';
import { NotAMemberError } from './attendance.errors.js';

/** The public address for links in e-mail: PUBLIC_URL, else where this request came in. */
export function requestBaseUrl(config: Config, request: FastifyRequest): string {
  return config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;
}

/** The signed-in official's own person, or NOT_A_MEMBER. */
function ownPerson(caller: RequestCaller): string {
  const personId = caller.user?.personId;
  if (!personId) throw new NotAMemberError('Brukeren din er ikke knyttet til en folkevalgt.');
  return personId;
}

/** Absence and substitutes for signed-in users: the secretariat for anyone, officials for themselves. */
@Controller()
export class AttendanceController {
  constructor(
    private readonly attendance: AttendanceService,
    @Inject(CONFIG) private readonly config: Config,
    private readonly settings: MunicipalitySettingsService,
  ) {}

  @Get('meetings/:id/seats')
  @Allow(...STAFF)
  @ApiRoute({ summary: 'Every seat of the body on the meeting day: present, absent, disqualified, the substitutes asked and their answers (reasons for the secretariat only)', params: IdParams, response: MeetingSeats })
  seats(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller): Promise<MeetingSeats> {
    return this.attendance.seatsFor(caller, p.id);
  }

  @Post('meetings/:id/absences')
  @Allow(...EDITORS)
  @ApiRoute({ summary: "Register a member's absence (forfall) or disqualification in an item; the next substitute is called in", params: IdParams, body: AbsenceInput, response: Absence })
  register(
    @Param(zod(IdParams)) p: IdParams,
    @RequestBody(zod(AbsenceInput)) input: AbsenceInput,
    @CurrentCaller() caller: RequestCaller,
    @Req() request: FastifyRequest,
  ): Promise<Absence> {
    return this.attendance.register(p.id, input, { source: 'secretariat', userId: caller.user!.id, name: caller.user!.displayName }, requestBaseUrl(this.config, request));
  }

  @Post('meetings/:id/my-absence')
  @Allow('official')
  @ApiRoute({ summary: 'Report your own absence or disqualification for a meeting of a body you are a member of', params: IdParams, body: OwnAbsenceInput, response: Absence })
  async reportOwn(
    @Param(zod(IdParams)) p: IdParams,
    @RequestBody(zod(OwnAbsenceInput)) input: OwnAbsenceInput,
    @CurrentCaller() caller: RequestCaller,
    @Req() request: FastifyRequest,
  ): Promise<Absence> {
    const personId = ownPerson(caller);
    // The substitute's time to answer is the municipality's (settings, default 24 hours).
    const { substituteAnswerHours } = await this.settings.get();
    return this.attendance.register(
      p.id,
      { personId, ...input, deadlineHours: substituteAnswerHours },
      { source: 'self', userId: caller.user!.id, name: caller.user!.displayName },
      requestBaseUrl(this.config, request),
    );
  }

  @Get('meetings/:id/my-absences')
  @Allow('official')
  @ApiRoute({ summary: 'Your own open absences for the meeting', params: IdParams, response: AbsenceListResponse })
  async own(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller): Promise<AbsenceListResponse> {
    return { items: await this.attendance.ownAbsences(p.id, ownPerson(caller)) };
  }

  @Post('absences/:id/withdraw')
  @HttpCode(200)
  @Allow(...EDITORS, 'official')
  @ApiRoute({ summary: 'Withdraw an absence before the meeting (officials: their own); its open summons is withdrawn', params: IdParams, response: Absence, status: 200 })
  withdraw(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller): Promise<Absence> {
    const editor = caller.roles.some((r) => EDITORS.includes(r));
    return this.attendance.withdraw(p.id, editor ? null : ownPerson(caller));
  }

  @Post('summonses/:id/answer')
  @HttpCode(200)
  @Allow(...EDITORS)
  @ApiRoute({ summary: "Record a substitute's answer given by phone or in person; a decline asks the next", params: IdParams, body: SummonsAnswerInput, response: Absence, status: 200 })
  answerFor(
    @Param(zod(IdParams)) p: IdParams,
    @RequestBody(zod(SummonsAnswerInput)) input: SummonsAnswerInput,
    @Req() request: FastifyRequest,
  ): Promise<Absence> {
    return this.attendance.answerFor(p.id, input.answer, requestBaseUrl(this.config, request));
  }
}
