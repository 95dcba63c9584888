import { Controller, Get, Param, Query } from '@nestjs/common';
import { z } from 'zod';
import {
  MeetingDetail,
  MeetingListResponse,
  MunicipalitySlugParams,
  PublicAgendaItemDetail,
  PublicCaseItemsResponse,
  PublicMeetingQuery,
  PublicMeetingYearsResponse,
} from '@sekretariat/contracts';
import { Allow } from '../common/access/allow.decorator.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { MeetingsService } from './meetings.service.js';
import { PublicMeetingsService } from './public-meetings.service.js';

const PublicIdParams = MunicipalitySlugParams.extend({ id: z.uuid({ error: 'Ugyldig id: forventet en UUID.' }) });
type PublicIdParams = z.infer<typeof PublicIdParams>;
const PublicItemParams = PublicIdParams.extend({ itemId: z.uuid({ error: 'Ugyldig id: forventet en UUID.' }) });
type PublicItemParams = z.infer<typeof PublicItemParams>;

/**
 * The public meeting calendar (politisk møtekalender): published meetings of open bodies, their
 * agendas without exempt information.
 */
@Controller('public/:municipality')
@Allow('public')
export class PublicMeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly publicMeetings: PublicMeetingsService,
  ) {}

  @Get('meetings')
  @ApiRoute({ summary: 'Upcoming published meetings of open bodies; with ?year= that year\'s meetings (archive); ?bodyId= for one body', params: MunicipalitySlugParams, query: PublicMeetingQuery, response: MeetingListResponse })
  async upcoming(@Query(zod(PublicMeetingQuery)) q: PublicMeetingQuery): Promise<MeetingListResponse> {
    return { items: await this.publicMeetings.list(q, new Date()) };
  }

  @Get('meetings/years')
  @ApiRoute({ summary: 'Years with published meetings of open bodies, newest first', params: MunicipalitySlugParams, response: PublicMeetingYearsResponse })
  async years(): Promise<PublicMeetingYearsResponse> {
    return { years: await this.publicMeetings.years() };
  }

  @Get('meetings/:id')
  @ApiRoute({ summary: 'A published meeting with its agenda; closed items show only number and legal ground', params: PublicIdParams, response: MeetingDetail })
  detail(@Param(zod(PublicIdParams)) p: PublicIdParams): Promise<MeetingDetail> {
    return this.meetings.detail(p.id, { publicOnly: true, exemptAccess: false });
  }

  // The notice PDF (meetings/:id/notice.pdf) is rendered once per version: published/.


  @Get('meetings/:id/items/:itemId')
  @ApiRoute({ summary: 'One item of a published meeting with its case presentation and public documents; nothing of a closed item or exempt case', params: PublicItemParams, response: PublicAgendaItemDetail })
  item(@Param(zod(PublicItemParams)) p: PublicItemParams): Promise<PublicAgendaItemDetail> {
    return this.publicMeetings.item(p.id, p.itemId);
  }

  // The feeds (bodies/:id/meetings.ics and calendar.ics) are in CalendarController.

  @Get('cases/:id/items')
  @ApiRoute({ summary: 'Where an open case is on published agendas (newest first), to find its page from a search hit', params: PublicIdParams, response: PublicCaseItemsResponse })
  async caseItems(@Param(zod(PublicIdParams)) p: PublicIdParams): Promise<PublicCaseItemsResponse> {
    return { items: await this.publicMeetings.caseItems(p.id) };
  }
}
