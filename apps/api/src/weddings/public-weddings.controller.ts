import { Body as RequestBody, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query, Req, Res, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  BookingCreated,
  BookingInput,
  CEREMONY_LANGUAGES,
  CoupleBooking,
  FreeSlots,
  FreeSlotsQuery,
  Hold,
  HoldInput,
  MunicipalitySlugParams,
  PublicWeddingInfo,
  WeddingBookingUpdateInput,
  WeddingCoupleCancelInput,
  WeddingManageParams,
  WeddingManageQuery,
  type WeddingLocale,
} from '@sekretariat/contracts';
import { requestBaseUrl } from '../attendance/attendance.controller.js';
import { Allow } from '../common/access/allow.decorator.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { CONFIG, type Config } from '../config/config.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import { currentScope } from '../core/tenant.js';
import { WeddingsBookingService } from './weddings-booking.service.js';
import { WeddingsDocumentsService } from './weddings-documents.service.js';
import { ceremonyIcs } from './weddings-mail.js';
import { ceremonyFacts, coupleBookingDto, settingsDto } from './weddings.mapper.js';
import { WeddingsSetupService } from './weddings-setup.service.js';
import { WeddingsSlotsService } from './weddings-slots.service.js';

type SlugParams = z.infer<typeof MunicipalitySlugParams>;

/** The language the couple reads (Accept-Language: nn or en, else bokmål), for the error messages. */
export function localeOf(request: FastifyRequest): WeddingLocale {
  const header = String(request.headers['accept-language'] ?? '').toLowerCase();
  const first = header.split(',')[0]!.trim();
  if (first.startsWith('nn')) return 'nn';
  if (first.startsWith('en')) return 'en';
  return 'nb';
}

/**
 * Booking a civil wedding without signing in (`/api/public/<municipality>/weddings/…`): the
 * information, free slots, a hold of ten minutes, the booking, and the couple's own booking
 * behind the reference and the private link's token (rate-limited per client like sign-in).
 * The couple's and witnesses' personal data are only ever returned through that link.
 */
@Controller('public/:municipality/weddings')
@Allow('public')
export class PublicWeddingsController {
  constructor(
    private readonly setup: WeddingsSetupService,
    private readonly slots: WeddingsSlotsService,
    private readonly booking: WeddingsBookingService,
    private readonly municipalities: MunicipalitiesService,
    private readonly documents: WeddingsDocumentsService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  @Get('info')
  @ApiRoute({ summary: 'The public information: places, text in nb/nn/en, the fee, the ceremony languages', params: MunicipalitySlugParams, response: PublicWeddingInfo })
  async info(@Param(zod(MunicipalitySlugParams)) _p: SlugParams): Promise<PublicWeddingInfo> {
    const [municipality, places, settings] = await Promise.all([this.municipalities.byId(currentScope().municipalityId), this.setup.places(), this.setup.settings()]);
    const s = settingsDto(settings);
    return {
      municipality: municipality.name,
      places: places.filter((p) => p.active).map((p) => ({ id: p.id, name: p.name, capacity: p.capacity, address: p.address, accessibility: p.accessibility })),
      infoText: s.infoText,
      feeNok: s.feeNok,
      languages: [...CEREMONY_LANGUAGES],
    };
  }

  @Get('slots')
  @ApiRoute({ summary: 'Free slots of a place in a period (at most 366 days): not past, not held or booked', params: MunicipalitySlugParams, query: FreeSlotsQuery, response: FreeSlots })
  async free(
    @Param(zod(MunicipalitySlugParams)) _p: SlugParams,
    @Query(zod(FreeSlotsQuery)) q: FreeSlotsQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    // The service writes the JSON from slots kept ready (a year is ~2,800), gzipped when accepted.
    const accepts = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const { body, gzip } = await this.slots.freeSlots(q.placeId, q.from, q.to, accepts);
    void reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
    if (gzip) void reply.header('content-encoding', 'gzip');
    return body;
  }

  @Post('holds')
  @ApiRoute({ summary: 'Hold a free slot for 10 minutes while the couple fills in the form; 409 WEDDING_SLOT_TAKEN if someone has it', params: MunicipalitySlugParams, body: HoldInput, response: Hold, status: 201 })
  hold(@Param(zod(MunicipalitySlugParams)) _p: SlugParams, @RequestBody(zod(HoldInput)) input: HoldInput, @Req() request: FastifyRequest): Promise<Hold> {
    return this.booking.hold(input, localeOf(request));
  }

  @Post('bookings')
  @ApiRoute({ summary: 'Book the held slot: parties, witnesses (18+), language, guests, the prøvingsattest; the link token is shown once', params: MunicipalitySlugParams, body: BookingInput, response: BookingCreated, status: 201 })
  book(@Param(zod(MunicipalitySlugParams)) _p: SlugParams, @RequestBody(zod(BookingInput)) input: BookingInput, @Req() request: FastifyRequest): Promise<BookingCreated> {
    return this.booking.book(input, requestBaseUrl(this.config, request));
  }

  @Get('manage/:reference')
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: {} })
  @ApiRoute({ summary: "The couple's booking by reference and token; a wrong token is 404 like an unknown reference", params: WeddingManageParams, query: WeddingManageQuery, response: CoupleBooking })
  async view(@Param(zod(WeddingManageParams)) p: WeddingManageParams, @Query(zod(WeddingManageQuery)) q: WeddingManageQuery, @Req() request: FastifyRequest): Promise<CoupleBooking> {
    return coupleBookingDto(await this.booking.byToken(p.reference, q.token, localeOf(request)));
  }

  @Put('manage/:reference')
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: {} })
  @ApiRoute({ summary: 'The couple changes their details (not the time), with the same rules as at booking', params: WeddingManageParams, query: WeddingManageQuery, body: WeddingBookingUpdateInput, response: CoupleBooking })
  async update(
    @Param(zod(WeddingManageParams)) p: WeddingManageParams,
    @Query(zod(WeddingManageQuery)) q: WeddingManageQuery,
    @RequestBody(zod(WeddingBookingUpdateInput)) input: WeddingBookingUpdateInput,
  ): Promise<CoupleBooking> {
    return coupleBookingDto(await this.booking.update(p.reference, q.token, input));
  }

  @Delete('manage/:reference')
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: {} })
  @ApiRoute({ summary: 'The couple cancels (a reason is optional); the slot is free again at once', params: WeddingManageParams, query: WeddingManageQuery, body: WeddingCoupleCancelInput, response: CoupleBooking })
  async cancel(
    @Param(zod(WeddingManageParams)) p: WeddingManageParams,
    @Query(zod(WeddingManageQuery)) q: WeddingManageQuery,
    @RequestBody(zod(WeddingCoupleCancelInput)) input: WeddingCoupleCancelInput,
    @Req() request: FastifyRequest,
  ): Promise<CoupleBooking> {
    return coupleBookingDto(await this.booking.cancelByCouple(p.reference, q.token, input.reason, localeOf(request)));
  }

  @Get('manage/:reference/calendar.ics')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: {} })
  @ApiRoute({ summary: 'The ceremony as an iCalendar event, by reference and token', params: WeddingManageParams, query: WeddingManageQuery, response: 'text/calendar' })
  async ics(
    @Param(zod(WeddingManageParams)) p: WeddingManageParams,
    @Query(zod(WeddingManageQuery)) q: WeddingManageQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const b = await this.booking.byToken(p.reference, q.token, localeOf(request));
    const municipality = await this.municipalities.byId(currentScope().municipalityId);
    void reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="vigsel-${b.reference}.ics"`).header('cache-control', 'private, no-store');
    return ceremonyIcs(
      ceremonyFacts(b, municipality.name),
      `${b.id}@sekretariat`,
      b.locale,
      b.calendarSequence,
    );
  }

  @Get('manage/:reference/confirmation.pdf')
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: {} })
  @ApiRoute({ summary: "The booking confirmation as PDF in the booking's language, by reference and token", params: WeddingManageParams, query: WeddingManageQuery, response: 'application/pdf' })
  async confirmationPdf(
    @Param(zod(WeddingManageParams)) p: WeddingManageParams,
    @Query(zod(WeddingManageQuery)) q: WeddingManageQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const b = await this.booking.byToken(p.reference, q.token, localeOf(request));
    const municipality = await this.municipalities.byId(currentScope().municipalityId);
    const { pdf, filename } = await this.documents.confirmation(b, municipality.name, requestBaseUrl(this.config, request));
    void reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'private, no-store');
    return pdf;
  }
}
