import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CalendarLinkResponse, MunicipalitySlugParams } from '@sekretariat/contracts';
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
const BodyFeedParams = MunicipalitySlugParams.extend({ id: z.uuid({ error: 'Ugyldig id: forventet en UUID.' }) });
type BodyFeedParams = z.infer<typeof BodyFeedParams>;

/**
 * The meeting calendars to subscribe to: the public feeds (all open bodies, or one) and an
 * official's own, behind a secret address.
 */
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
    const ics = await this.links.feed(p.file, this.origin(request), new Date());
    void reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="moter.ics"').header('cache-control', 'private, max-age=300');
    return ics;
  }

  @Get('public/:municipality/calendar.ics')
  @Allow('public')
  @ApiRoute({ summary: 'Published meetings of all open bodies of the municipality as an iCalendar feed (RFC 5545), each with its page and agenda', params: MunicipalitySlugParams, response: 'text/calendar' })
  async all(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const ics = await this.links.publicCalendar(null, this.origin(request), new Date());
    void reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="motekalender.ics"').header('cache-control', 'public, max-age=300');
    return ics;
  }

  @Get('public/:municipality/bodies/:id/meetings.ics')
  @Allow('public')
  @ApiRoute({ summary: 'Published meetings of an open body as an iCalendar feed (RFC 5545), each with its page and agenda', params: BodyFeedParams, response: 'text/calendar' })
  async body(@Param(zod(BodyFeedParams)) p: BodyFeedParams, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const ics = await this.links.publicCalendar(p.id, this.origin(request), new Date());
    void reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="moter.ics"').header('cache-control', 'public, max-age=300');
    return ics;
  }

  /** Where the web app is: links in the feeds point there. */
  private origin(request: FastifyRequest): string {
    return this.config.PUBLIC_URL?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`;
  }
}
