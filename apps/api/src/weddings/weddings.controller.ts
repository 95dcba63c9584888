import { Body as RequestBody, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { z } from 'zod';
import {
  AssignOfficiantInput,
  CancelInput,
  IdParams,
  MoveInput,
  StaffBooking,
  StaffBookingList,
  StaffBookingsQuery,
  WeddingAvailability,
  WeddingAvailabilityInput,
  WeddingAvailabilityList,
  WeddingBlockedDay,
  WeddingBlockedDayInput,
  WeddingBlockedDayList,
  WeddingOfficiant,
  WeddingOfficiantInput,
  WeddingOfficiantList,
  WeddingOfficiantUserList,
  WeddingPlace,
  WeddingPlaceInput,
  WeddingPlaceList,
  WeddingRegistryNoticeInput,
  WeddingSettings,
  WeddingSettingsInput,
} from '@sekretariat/contracts';
import { Allow } from '../common/access/allow.decorator.js';
import { ApiRoute } from '../common/http/api-route.decorator.js';
import { zod } from '../common/http/zod.js';
import { availabilityDto, blockedDayDto, officiantDto, placeDto, settingsDto, staffBookingDto } from './weddings.mapper.js';
import { WeddingsSetupService } from './weddings-setup.service.js';
import { WeddingsStaffService } from './weddings-staff.service.js';
import { norwegianHolidayList } from './rules/holidays.js';

/** Who runs the weddings: the service centre's wedding staff and administrators. */
export const WEDDING_STAFF = ['wedding_staff', 'admin'] as const;

const Deleted = z.object({ deleted: z.literal(true) });
type Deleted = z.infer<typeof Deleted>;

/** `?year=`: the year whose public holidays are listed (default this year). */
const HolidaysQuery = z.strictObject({
  year: z.coerce.number({ error: 'Ugyldig år.' }).int('Ugyldig år.').min(2000, 'Velg et år fra 2000 til 2100.').max(2100, 'Velg et år fra 2000 til 2100.').optional(),
});
type HolidaysQuery = z.infer<typeof HolidaysQuery>;
const WeddingHolidayList = z.object({ year: z.number().int(), items: z.array(z.object({ date: z.iso.date(), name: z.object({ nb: z.string(), en: z.string() }) })) });
type WeddingHolidayList = z.infer<typeof WeddingHolidayList>;

/**
 * The staff's side of civil weddings: places, officiants, availability, blocked days and the
 * settings; the ceremonies in a period with their personal data, and what is done to them.
 */
@Controller('weddings')
@Allow(...WEDDING_STAFF)
export class WeddingsController {
  constructor(
    private readonly setup: WeddingsSetupService,
    private readonly staff: WeddingsStaffService,
  ) {}

  // ---------------------------------------------------------------- places

  @Get('places')
  @ApiRoute({ summary: 'Ceremony places, active and not', response: WeddingPlaceList })
  async places(): Promise<WeddingPlaceList> {
    return { items: (await this.setup.places()).map(placeDto) };
  }

  @Post('places')
  @ApiRoute({ summary: 'A new ceremony place with its capacity (guests) and accessibility', body: WeddingPlaceInput, response: WeddingPlace, status: 201 })
  async createPlace(@RequestBody(zod(WeddingPlaceInput)) input: WeddingPlaceInput): Promise<WeddingPlace> {
    return placeDto(await this.setup.createPlace(input));
  }

  @Put('places/:id')
  @ApiRoute({ summary: 'Change a ceremony place (inactive: no new bookings)', params: IdParams, body: WeddingPlaceInput, response: WeddingPlace })
  async updatePlace(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(WeddingPlaceInput)) input: WeddingPlaceInput): Promise<WeddingPlace> {
    return placeDto(await this.setup.updatePlace(p.id, input));
  }

  @Delete('places/:id')
  @ApiRoute({ summary: 'Delete a place never used (else mark it inactive)', params: IdParams, response: Deleted })
  async deletePlace(@Param(zod(IdParams)) p: IdParams): Promise<Deleted> {
    await this.setup.deletePlace(p.id);
    return { deleted: true };
  }

  // ---------------------------------------------------------------- officiants

  @Get('officiants')
  @ApiRoute({ summary: 'Officiants: mayor, deputy mayor and those authorised by the municipal council (el. § 12)', response: WeddingOfficiantList })
  async officiants(): Promise<WeddingOfficiantList> {
    return { items: (await this.setup.officiants()).map(officiantDto) };
  }

  @Get('officiant-users')
  @ApiRoute({ summary: 'The users with the role wedding_officiant, for linking one to an officiant (their own view, /vigsler/mine)', response: WeddingOfficiantUserList })
  async officiantUsers(): Promise<WeddingOfficiantUserList> {
    return { items: await this.setup.officiantUsers() };
  }

  @Post('officiants')
  @ApiRoute({ summary: 'A new officiant; an authorised one with the decision and its period', body: WeddingOfficiantInput, response: WeddingOfficiant, status: 201 })
  async createOfficiant(@RequestBody(zod(WeddingOfficiantInput)) input: WeddingOfficiantInput): Promise<WeddingOfficiant> {
    return officiantDto(await this.setup.createOfficiant(input));
  }

  @Put('officiants/:id')
  @ApiRoute({ summary: 'Change an officiant', params: IdParams, body: WeddingOfficiantInput, response: WeddingOfficiant })
  async updateOfficiant(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(WeddingOfficiantInput)) input: WeddingOfficiantInput): Promise<WeddingOfficiant> {
    return officiantDto(await this.setup.updateOfficiant(p.id, input));
  }

  @Delete('officiants/:id')
  @ApiRoute({ summary: 'Delete an officiant never used (else mark inactive)', params: IdParams, response: Deleted })
  async deleteOfficiant(@Param(zod(IdParams)) p: IdParams): Promise<Deleted> {
    await this.setup.deleteOfficiant(p.id);
    return { deleted: true };
  }

  // ---------------------------------------------------------------- availability and blocked days

  @Get('availability')
  @ApiRoute({ summary: 'The recurring availability rules', response: WeddingAvailabilityList })
  async availability(): Promise<WeddingAvailabilityList> {
    return { items: (await this.setup.availability()).map(availabilityDto) };
  }

  @Post('availability')
  @ApiRoute({ summary: 'A recurring availability: place (and officiant), weekday, times, slot length and buffer, period', body: WeddingAvailabilityInput, response: WeddingAvailability, status: 201 })
  async createAvailability(@RequestBody(zod(WeddingAvailabilityInput)) input: WeddingAvailabilityInput): Promise<WeddingAvailability> {
    return availabilityDto(await this.setup.createAvailability(input));
  }

  @Put('availability/:id')
  @ApiRoute({ summary: 'Change an availability rule (booked ceremonies stay)', params: IdParams, body: WeddingAvailabilityInput, response: WeddingAvailability })
  async updateAvailability(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(WeddingAvailabilityInput)) input: WeddingAvailabilityInput): Promise<WeddingAvailability> {
    return availabilityDto(await this.setup.updateAvailability(p.id, input));
  }

  @Delete('availability/:id')
  @ApiRoute({ summary: 'Delete an availability rule (booked ceremonies stay)', params: IdParams, response: Deleted })
  async deleteAvailability(@Param(zod(IdParams)) p: IdParams): Promise<Deleted> {
    await this.setup.deleteAvailability(p.id);
    return { deleted: true };
  }

  @Get('blocked-days')
  @ApiRoute({ summary: 'Days without ceremonies (public holidays are computed and not listed)', response: WeddingBlockedDayList })
  async blockedDays(): Promise<WeddingBlockedDayList> {
    return { items: (await this.setup.blockedDays()).map(blockedDayDto) };
  }

  @Get('holidays')
  @ApiRoute({ summary: 'The public holidays of a year (no ceremonies; computed, not stored), with their names in nb and en', query: HolidaysQuery, response: WeddingHolidayList })
  holidays(@Query(zod(HolidaysQuery)) q: HolidaysQuery): WeddingHolidayList {
    const year = q.year ?? Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' }).slice(0, 4));
    return { year, items: norwegianHolidayList(year) };
  }

  @Post('blocked-days')
  @ApiRoute({ summary: 'Block a day, at one place or everywhere', body: WeddingBlockedDayInput, response: WeddingBlockedDay, status: 201 })
  async createBlockedDay(@RequestBody(zod(WeddingBlockedDayInput)) input: WeddingBlockedDayInput): Promise<WeddingBlockedDay> {
    return blockedDayDto(await this.setup.createBlockedDay(input));
  }

  @Delete('blocked-days/:id')
  @ApiRoute({ summary: 'Open a blocked day again', params: IdParams, response: Deleted })
  async deleteBlockedDay(@Param(zod(IdParams)) p: IdParams): Promise<Deleted> {
    await this.setup.deleteBlockedDay(p.id);
    return { deleted: true };
  }

  // ---------------------------------------------------------------- settings

  @Get('settings')
  @ApiRoute({ summary: 'The fee for couples not married free, and the public information text in nb/nn/en', response: WeddingSettings })
  async settings(): Promise<WeddingSettings> {
    return settingsDto(await this.setup.settings());
  }

  @Put('settings')
  @ApiRoute({ summary: 'Change the fee and the public information text', body: WeddingSettingsInput, response: WeddingSettings })
  async updateSettings(@RequestBody(zod(WeddingSettingsInput)) input: WeddingSettingsInput): Promise<WeddingSettings> {
    return settingsDto(await this.setup.updateSettings(input));
  }

  // ---------------------------------------------------------------- bookings

  @Get('bookings')
  @ApiRoute({ summary: 'The ceremonies in a period (at most 366 days), per place or officiant, with the personal data', query: StaffBookingsQuery, response: StaffBookingList })
  async bookings(@Query(zod(StaffBookingsQuery)) q: StaffBookingsQuery): Promise<StaffBookingList> {
    return { items: (await this.staff.list(q)).map(staffBookingDto) };
  }

  @Get('bookings/:id')
  @ApiRoute({ summary: 'One ceremony with the personal data', params: IdParams, response: StaffBooking })
  async booking(@Param(zod(IdParams)) p: IdParams): Promise<StaffBooking> {
    return staffBookingDto(await this.staff.get(p.id));
  }

  @Put('bookings/:id/officiant')
  @ApiRoute({ summary: 'Assign or change the officiant (authorised on the day, free at the time), or none', params: IdParams, body: AssignOfficiantInput, response: StaffBooking })
  async assign(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(AssignOfficiantInput)) input: AssignOfficiantInput): Promise<StaffBooking> {
    return staffBookingDto(await this.staff.assignOfficiant(p.id, input.officiantId));
  }

  @Post('bookings/:id/certificate-checked')
  @HttpCode(200)
  @ApiRoute({ summary: 'The prøvingsattest was received and checked', params: IdParams, response: StaffBooking, status: 200 })
  async certificateChecked(@Param(zod(IdParams)) p: IdParams): Promise<StaffBooking> {
    return staffBookingDto(await this.staff.certificateChecked(p.id, true));
  }

  @Post('bookings/:id/held')
  @HttpCode(200)
  @ApiRoute({ summary: 'Mark the ceremony held (from its start): the notice to the population register is due', params: IdParams, response: StaffBooking, status: 200 })
  async held(@Param(zod(IdParams)) p: IdParams): Promise<StaffBooking> {
    return staffBookingDto(await this.staff.markHeld(p.id));
  }

  @Put('bookings/:id/registry-notice')
  @ApiRoute({ summary: 'The "Melding om vigsel" was sent to the population register (or not after all)', params: IdParams, body: WeddingRegistryNoticeInput, response: StaffBooking })
  async registryNotice(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(WeddingRegistryNoticeInput)) input: WeddingRegistryNoticeInput): Promise<StaffBooking> {
    return staffBookingDto(await this.staff.registryNotice(p.id, input.sent));
  }

  @Post('bookings/:id/cancel')
  @HttpCode(200)
  @ApiRoute({ summary: 'Cancel with a reason; the couple is told by e-mail in their language', params: IdParams, body: CancelInput, response: StaffBooking, status: 200 })
  async cancel(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(CancelInput)) input: CancelInput): Promise<StaffBooking> {
    return staffBookingDto(await this.staff.cancel(p.id, input.reason));
  }

  @Post('bookings/:id/move')
  @HttpCode(200)
  @ApiRoute({ summary: 'Move the ceremony to another offered slot (place and time)', params: IdParams, body: MoveInput, response: StaffBooking, status: 200 })
  async move(@Param(zod(IdParams)) p: IdParams, @RequestBody(zod(MoveInput)) input: MoveInput): Promise<StaffBooking> {
    return staffBookingDto(await this.staff.move(p.id, input));
  }
}
