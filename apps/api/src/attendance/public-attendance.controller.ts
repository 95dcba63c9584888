import { Body as RequestBody, Controller, Get, HttpCode, Inject, Param, Post, Req, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { AbsenceReceipt, DEFAULT_SUMMONS_HOURS, OwnAbsenceInput, PublicAbsenceLink, PublicSummons, TokenParams } from '@sekretariat/contracts';
import { Allow } from '../common/access/allow.decorator.js';
import { CONFIG, type Config } from '../config/config.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { requestBaseUrl } from './attendance.controller.js';
import { AttendanceService } from './attendance.service.js';

/**
 * The links in e-mails, answered without signing in: a substitute's summons (accept or decline)
 * and a member's absence link from the notice. The token is the key; attempts are rate-limited
 * per client like sign-in.
 */
@Controller('public/:municipality')
@Allow('public')
@UseGuards(ThrottlerGuard)
@Throttle({ login: {} })
export class PublicAttendanceController {
  constructor(
    private readonly attendance: AttendanceService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Get('summons/:token')
  @ApiRoute({ summary: 'A summons of a substitute by the token in the e-mail: the meeting, who is replaced, the status', params: TokenParams, response: PublicSummons })
  summons(@Param(zod(TokenParams)) p: TokenParams): Promise<PublicSummons> {
    return this.attendance.publicSummons(p.token);
  }

  @Post('summons/:token/accept')
  @HttpCode(200)
  @ApiRoute({ summary: 'The substitute accepts: they are called in to the meeting', params: TokenParams, response: PublicSummons, status: 200 })
  accept(@Param(zod(TokenParams)) p: TokenParams, @Req() request: FastifyRequest): Promise<PublicSummons> {
    return this.attendance.answer(p.token, 'accept', requestBaseUrl(this.config, request));
  }

  @Post('summons/:token/decline')
  @HttpCode(200)
  @ApiRoute({ summary: 'The substitute declines: the next substitute in order is asked', params: TokenParams, response: PublicSummons, status: 200 })
  decline(@Param(zod(TokenParams)) p: TokenParams, @Req() request: FastifyRequest): Promise<PublicSummons> {
    return this.attendance.answer(p.token, 'decline', requestBaseUrl(this.config, request));
  }

  @Get('absence-links/:token')
  @ApiRoute({ summary: "A member's absence link from the notice e-mail: the meeting, its items, what is already reported", params: TokenParams, response: PublicAbsenceLink })
  absenceLink(@Param(zod(TokenParams)) p: TokenParams): Promise<PublicAbsenceLink> {
    return this.attendance.linkInfo(p.token);
  }

  @Post('absence-links/:token')
  @ApiRoute({ summary: 'Report absence (or disqualification in an item) through the link; the next substitute is called in', params: TokenParams, body: OwnAbsenceInput, response: AbsenceReceipt })
  report(@Param(zod(TokenParams)) p: TokenParams, @RequestBody(zod(OwnAbsenceInput)) input: OwnAbsenceInput, @Req() request: FastifyRequest): Promise<AbsenceReceipt> {
    return this.attendance.reportByLink(p.token, input, DEFAULT_SUMMONS_HOURS, requestBaseUrl(this.config, request));
  }
}
