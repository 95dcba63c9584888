import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { IdParams, MyDayListQuery, OfficiantCeremoniesQuery, OfficiantCeremony, OfficiantCeremonyList, StaffDayListQuery } from '@sekretariat/contracts';
import { Allow } from '../common/access/allow.decorator.js';
import { CurrentCaller, type RequestCaller } from '../common/access/caller.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { WEDDING_STAFF } from './weddings.controller.js';
import { WeddingsDocumentsService } from './weddings-documents.service.js';
import { officiantCeremonyDto, WeddingsOfficiantService } from './weddings-officiant.service.js';

/** The officiant's own routes (role wedding_officiant): their ceremonies only. */
export const WEDDING_OFFICIANT = ['wedding_officiant'] as const;

/**
 * The officiant's own view (`/api/weddings/my/…`): the ceremonies they are assigned to and their
 * day list as PDF; and the staff's day list of any officiant or of the whole day.
 */
@Controller('weddings')
export class WeddingsOfficiantController {
  constructor(
    private readonly officiant: WeddingsOfficiantService,
    private readonly documents: WeddingsDocumentsService,
  ) {}

  @Get('my/ceremonies')
  @Allow(...WEDDING_OFFICIANT)
  @ApiRoute({ summary: "The signed-in officiant's ceremonies in a period (at most 366 days): time, place, couple, witnesses, language, notes", query: OfficiantCeremoniesQuery, response: OfficiantCeremonyList })
  async mine(@Query(zod(OfficiantCeremoniesQuery)) q: OfficiantCeremoniesQuery, @CurrentCaller() caller: RequestCaller): Promise<OfficiantCeremonyList> {
    const { officiant, items } = await this.officiant.ceremonies(caller.user!.id, q);
    return { officiant: { id: officiant.id, name: officiant.name }, items: items.map(officiantCeremonyDto) };
  }

  @Get('my/ceremonies/:id')
  @Allow(...WEDDING_OFFICIANT)
  @ApiRoute({ summary: "One of the signed-in officiant's ceremonies; another officiant's is 404 like an unknown one", params: IdParams, response: OfficiantCeremony })
  async one(@Param(zod(IdParams)) p: IdParams, @CurrentCaller() caller: RequestCaller): Promise<OfficiantCeremony> {
    return officiantCeremonyDto(await this.officiant.ceremony(caller.user!.id, p.id));
  }

  @Get('my/day-list.pdf')
  @Allow(...WEDDING_OFFICIANT)
  @ApiRoute({ summary: "The signed-in officiant's day list as PDF, in the municipality's written standard (or language=nb|nn)", query: MyDayListQuery, response: 'application/pdf' })
  async myDayList(@Query(zod(MyDayListQuery)) q: MyDayListQuery, @CurrentCaller() caller: RequestCaller, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { pdf, filename } = await this.officiant.dayList(caller.user!.id, q.date, q.language);
    void reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'private, no-store');
    return pdf;
  }

  @Get('day-list.pdf')
  @Allow(...WEDDING_STAFF)
  @ApiRoute({ summary: "The day list as PDF: one officiant's ceremonies of the day, or all of them, in the municipality's written standard (or language=nb|nn)", query: StaffDayListQuery, response: 'application/pdf' })
  async dayList(@Query(zod(StaffDayListQuery)) q: StaffDayListQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { pdf, filename } = await this.documents.dayList(q.date, q.officiantId ?? null, q.language);
    void reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'private, no-store');
    return pdf;
  }
}
