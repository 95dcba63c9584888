import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CalendarLinkResponse } from '@sekretariat/contracts';
import { Allow } from '../common/access/allow.decorator.js';
import { CurrentCaller, type RequestCaller } from '../common/access/caller.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { CONFIG, type Config } from '../config/config.js';
import { CALENDAR_TOKEN, CalendarLinksService } from './calendar-links.service.js';

const FeedParams = z.strictObject({
  file: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}\.ics$/, 'Ugyldig kalenderadresse.')
    .transform((f) => f.slice(0, -'.ics'.length))
    .pipe(z.string().regex(CALENDAR_TOKEN)),
});
type FeedParams = z.infer<typeof FeedParams>;

/** An official's own meeting calendar: a secret address to subscribe to, and the feed behind it. */
@Controller()
export class CalendarController {
  constructor(
    private readonly links: CalendarLinksService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Post('me/calendar-link')
  @HttpCode(200)
  @Allow('official')
  @ApiRoute({ summary: "Make (or replace) the official's secret calendar address; the old address stops working", response: CalendarLinkResponse, status: 200 })
  link(@CurrentCaller() caller: RequestCaller): Promise<CalendarLinkResponse> {
    return this.links.rotate(caller.user!);
  }

  @Get('public/calendar/:file')
  @Allow('public')
  @ApiRoute({ summary: "An official's meetings as an iCalendar feed, by the secret address (no cookie: calendar apps cannot send one)", params: FeedParams, response: 'text/calendar' })
  async feed(@Param(zod(FeedParams)) p: FeedParams, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const origin = this.config.PUBLIC_URL?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
    const ics = await this.links.feed(p.file, origin, new Date());
    void reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="moter.ics"').header('cache-control', 'private, max-age=300');
    return ics;
  }
}
