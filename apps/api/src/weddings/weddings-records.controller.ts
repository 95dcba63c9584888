import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  IdParams,
  WeddingBookingExport,
  WeddingStatistics,
  WeddingStatisticsCsvQuery,
  WeddingStatisticsQuery,
} from '@sekretariat/contracts';
import { sendCsv } from '../bodies/http.js';
import { Allow } from '../common/access/allow.decorator.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { WEDDING_STAFF } from './weddings.controller.js';
import { WeddingsRecordsService } from './weddings-records.service.js';

/** The weddings' records for the staff: a couple's data on request, and the yearly statistics. */
@Controller('weddings')
@Allow(...WEDDING_STAFF)
export class WeddingsRecordsController {
  constructor(private readonly records: WeddingsRecordsService) {}

  @Get('bookings/:id/export')
  @ApiRoute({ summary: "Everything stored about a booking, with its audit trail, as a JSON download (the couple's request; audited)", params: IdParams, response: WeddingBookingExport })
  async export(@Param(zod(IdParams)) p: IdParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<WeddingBookingExport> {
    const data = await this.records.export(p.id);
    const name = (data.booking.reference ?? data.booking.id).replace(/[^A-Za-z0-9-]/g, '');
    void reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="vigsel-${name}.json"`)
      .header('cache-control', 'private, no-store');
    return data;
  }

  @Get('statistics')
  @ApiRoute({ summary: 'The year’s ceremonies (held, booked, cancelled) per month, place, officiant and residence class', query: WeddingStatisticsQuery, response: WeddingStatistics })
  statistics(@Query(zod(WeddingStatisticsQuery)) q: WeddingStatisticsQuery): Promise<WeddingStatistics> {
    return this.records.statistics(q.year);
  }

  @Get('statistics.csv')
  @ApiRoute({ summary: 'The yearly statistics as CSV, headers and values in nb, nn or en', query: WeddingStatisticsCsvQuery, response: 'text/csv' })
  async statisticsCsv(@Query(zod(WeddingStatisticsCsvQuery)) q: WeddingStatisticsCsvQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return sendCsv(reply, `vigsler-statistikk-${q.year}.csv`, await this.records.statisticsCsv(q.year, q.lang));
  }
}
