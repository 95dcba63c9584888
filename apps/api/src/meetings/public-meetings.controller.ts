import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { MeetingDetail, MeetingListResponse, MunicipalitySlugParams } from '@sekretariat/contracts';
import { Allow } from '../auth/allow.decorator.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { MeetingsService } from './meetings.service.js';

const PublicIdParams = MunicipalitySlugParams.extend({ id: z.uuid({ error: 'Ugyldig id: forventet en UUID.' }) });
type PublicIdParams = z.infer<typeof PublicIdParams>;

/**
 * The public meeting calendar (politisk møtekalender): published meetings of open bodies, their
 * agendas without exempt information, and an iCal feed per body.
 */
@Controller('public/:municipality')
@Allow('public')
export class PublicMeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get('meetings')
  @ApiRoute({ summary: 'Upcoming published meetings of open bodies', params: MunicipalitySlugParams, response: MeetingListResponse })
  async upcoming(): Promise<MeetingListResponse> {
    return { items: await this.meetings.upcomingPublic(new Date()) };
  }

  @Get('meetings/:id')
  @ApiRoute({ summary: 'A published meeting with its agenda; closed items show only number and legal ground', params: PublicIdParams, response: MeetingDetail })
  detail(@Param(zod(PublicIdParams)) p: PublicIdParams): Promise<MeetingDetail> {
    return this.meetings.detail(p.id, { publicOnly: true, exemptAccess: false });
  }

  @Get('bodies/:id/meetings.ics')
  @ApiRoute({ summary: 'Published meetings of an open body as an iCalendar feed (RFC 5545)', params: PublicIdParams, response: 'text/calendar' })
  async calendar(@Param(zod(PublicIdParams)) p: PublicIdParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { ics } = await this.meetings.publicCalendar(p.id, new Date());
    void reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="moter.ics"');
    return ics;
  }
}
