import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AssignOfficiantInput,
  BookingCreated,
  BookingInput,
  CancelInput,
  CoupleBooking,
  WeddingCoupleCancelInput,
  FreeSlot,
  FreeSlots,
  Hold,
  HoldInput,
  OfficiantCeremonyList,
  PublicWeddingInfo,
  StaffBooking,
  StaffBookingList,
  WeddingLocale,
  WeddingOfficiantList,
  WeddingOfficiantUserList,
  WeddingPlaceList,
  WeddingStatistics,
  WeddingAvailability,
  WeddingAvailabilityInput,
  WeddingAvailabilityList,
  WeddingBlockedDay,
  WeddingBlockedDayInput,
  WeddingBlockedDayList,
  WeddingBookingUpdateInput,
  WeddingOfficiant,
  WeddingOfficiantInput,
  WeddingPlace,
  WeddingPlaceInput,
  WeddingSettings,
  WeddingSettingsInput,
} from '@sekretariat/contracts';
import { type Observable, map, switchMap } from 'rxjs';
import { ApiClient, apiUrl, apiUrlWithQuery } from '../core/api/api-client';
import { SessionStore } from '../core/session/session-store';

/** A free slot with its place (the API names the place once per list). */
export type PlacedSlot = FreeSlot & { placeId: string };

/**
 * The couple's side (`/api/public/<municipality>/weddings/…`, no sign-in): information, free
 * slots, a 10-minute hold, the booking, and the booking behind the private link.
 */
@Injectable({ providedIn: 'root' })
export class PublicWeddingsApi {
  private readonly api = inject(ApiClient);
  // ApiClient has no DELETE: the interceptor adds the JSON content type to it as well.
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionStore);

  private slug(): Observable<string> {
    return this.session.requireMunicipality().pipe(map((m) => m.slug));
  }

  info(): Observable<PublicWeddingInfo> {
    return this.slug().pipe(
      switchMap((slug) => this.api.get<PublicWeddingInfo>('public', slug, 'weddings', 'info')),
    );
  }

  slots(placeId: string, from: string, to: string): Observable<{ slots: PlacedSlot[] }> {
    return this.slug().pipe(
      switchMap((slug) =>
        this.api.query<FreeSlots>(['public', slug, 'weddings', 'slots'], { placeId, from, to }),
      ),
      map((list) => ({ slots: list.slots.map((slot) => ({ ...slot, placeId: list.placeId })) })),
    );
  }

  hold(input: HoldInput): Observable<Hold> {
    return this.slug().pipe(
      switchMap((slug) => this.api.post<Hold>(['public', slug, 'weddings', 'holds'], input)),
    );
  }

  book(input: BookingInput): Observable<BookingCreated> {
    return this.slug().pipe(
      switchMap((slug) =>
        this.api.post<BookingCreated>(['public', slug, 'weddings', 'bookings'], input),
      ),
    );
  }

  /** The booking behind the private link; a wrong token answers 404, like an unknown reference. */
  booking(reference: string, token: string): Observable<CoupleBooking> {
    return this.slug().pipe(
      switchMap((slug) =>
        this.api.query<CoupleBooking>(['public', slug, 'weddings', 'manage', reference], {
          token,
        }),
      ),
    );
  }

  /** The couple changes their details (not the time), with the same rules as at booking. */
  update(
    reference: string,
    token: string,
    input: WeddingBookingUpdateInput,
  ): Observable<CoupleBooking> {
    return this.slug().pipe(
      switchMap((slug) =>
        this.http.put<CoupleBooking>(
          apiUrl('public', slug, 'weddings', 'manage', reference),
          input,
          {
            params: { token },
          },
        ),
      ),
    );
  }

  /** The couple cancels; the reason is optional. */
  cancel(reference: string, token: string, reason: string): Observable<CoupleBooking> {
    const body: WeddingCoupleCancelInput = { reason };
    return this.slug().pipe(
      switchMap((slug) =>
        this.http.delete<CoupleBooking>(apiUrl('public', slug, 'weddings', 'manage', reference), {
          params: { token },
          body,
        }),
      ),
    );
  }
}

/** The service centre's side (`/api/weddings/…`, roles wedding_staff and admin). */
@Injectable({ providedIn: 'root' })
export class WeddingsStaffApi {
  private readonly api = inject(ApiClient);

  bookings(from: string, to: string): Observable<StaffBookingList> {
    return this.api.query<StaffBookingList>(['weddings', 'bookings'], { from, to });
  }

  officiants(): Observable<WeddingOfficiantList> {
    return this.api.get<WeddingOfficiantList>('weddings', 'officiants');
  }

  places(): Observable<WeddingPlaceList> {
    return this.api.get<WeddingPlaceList>('weddings', 'places');
  }

  assignOfficiant(id: string, input: AssignOfficiantInput): Observable<StaffBooking> {
    return this.api.put<StaffBooking>(['weddings', 'bookings', id, 'officiant'], input);
  }

  certificateChecked(id: string): Observable<StaffBooking> {
    return this.api.post<StaffBooking>(['weddings', 'bookings', id, 'certificate-checked']);
  }

  held(id: string): Observable<StaffBooking> {
    return this.api.post<StaffBooking>(['weddings', 'bookings', id, 'held']);
  }

  cancel(id: string, input: CancelInput): Observable<StaffBooking> {
    return this.api.post<StaffBooking>(['weddings', 'bookings', id, 'cancel'], input);
  }

  statistics(year: number): Observable<WeddingStatistics> {
    return this.api.query<WeddingStatistics>(['weddings', 'statistics'], { year });
  }
}

/** Everything stored about a booking, with its audit trail, as a JSON download (the couple's request; audited). */
export function bookingExportUrl(id: string): string {
  return apiUrl('weddings', 'bookings', id, 'export');
}

/** The year's statistics as CSV, headers and values in the interface's language. */
export function statisticsCsvUrl(year: number, lang: WeddingLocale): string {
  return apiUrlWithQuery(['weddings', 'statistics.csv'], { year, lang });
}

/** The couple's private link to their booking (the token is shown once, in the receipt). */
export function manageLink(origin: string, reference: string, token: string): string {
  return `${origin}/vigsel/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}`;
}

/** The ceremony as an iCalendar file, for the couple's own calendar (the token is the key). */
export function calendarUrl(slug: string, reference: string, token: string): string {
  return apiUrlWithQuery(['public', slug, 'weddings', 'manage', reference, 'calendar.ics'], {
    token,
  });
}

/** The staff's day list of one day as PDF (every ceremony, or one officiant's), in the municipality's written standard. */
export function staffDayListUrl(date: string, officiantId?: string): string {
  return apiUrlWithQuery(['weddings', 'day-list.pdf'], { date, officiantId });
}

/** The signed-in officiant's own day list as PDF, in the municipality's written standard. */
export function myDayListUrl(date: string): string {
  return apiUrlWithQuery(['weddings', 'my', 'day-list.pdf'], { date });
}

/** The booking confirmation as PDF in the booking's language (the token is the key). */
export function confirmationPdfUrl(slug: string, reference: string, token: string): string {
  return apiUrlWithQuery(['public', slug, 'weddings', 'manage', reference, 'confirmation.pdf'], {
    token,
  });
}

/** The officiant's own side (`/api/weddings/my/…`, role wedding_officiant): their ceremonies only. */
@Injectable({ providedIn: 'root' })
export class WeddingsOfficiantApi {
  private readonly api = inject(ApiClient);

  ceremonies(from: string, to: string): Observable<OfficiantCeremonyList> {
    return this.api.query<OfficiantCeremonyList>(['weddings', 'my', 'ceremonies'], { from, to });
  }
}

/** A public holiday (no ceremonies), from `GET /api/weddings/holidays?year=`. */
export interface WeddingHoliday {
  readonly date: string;
  readonly name: { readonly nb: string; readonly en: string };
}

/** The staff's configuration (`/api/weddings/…`): places, officiants, availability, blocked days, settings. */
@Injectable({ providedIn: 'root' })
export class WeddingsSetupApi {
  private readonly api = inject(ApiClient);
  private readonly http = inject(HttpClient);

  places(): Observable<WeddingPlaceList> {
    return this.api.get<WeddingPlaceList>('weddings', 'places');
  }

  savePlace(id: string | null, input: WeddingPlaceInput): Observable<WeddingPlace> {
    return id
      ? this.api.put<WeddingPlace>(['weddings', 'places', id], input)
      : this.api.post<WeddingPlace>(['weddings', 'places'], input);
  }

  officiants(): Observable<WeddingOfficiantList> {
    return this.api.get<WeddingOfficiantList>('weddings', 'officiants');
  }

  /** The users with the role wedding_officiant, to link one to an officiant. */
  officiantUsers(): Observable<WeddingOfficiantUserList> {
    return this.api.get<WeddingOfficiantUserList>('weddings', 'officiant-users');
  }

  saveOfficiant(id: string | null, input: WeddingOfficiantInput): Observable<WeddingOfficiant> {
    return id
      ? this.api.put<WeddingOfficiant>(['weddings', 'officiants', id], input)
      : this.api.post<WeddingOfficiant>(['weddings', 'officiants'], input);
  }

  availability(): Observable<WeddingAvailabilityList> {
    return this.api.get<WeddingAvailabilityList>('weddings', 'availability');
  }

  addAvailability(input: WeddingAvailabilityInput): Observable<WeddingAvailability> {
    return this.api.post<WeddingAvailability>(['weddings', 'availability'], input);
  }

  deleteAvailability(id: string): Observable<unknown> {
    return this.http.delete(apiUrl('weddings', 'availability', id), { body: {} });
  }

  blockedDays(): Observable<WeddingBlockedDayList> {
    return this.api.get<WeddingBlockedDayList>('weddings', 'blocked-days');
  }

  addBlockedDay(input: WeddingBlockedDayInput): Observable<WeddingBlockedDay> {
    return this.api.post<WeddingBlockedDay>(['weddings', 'blocked-days'], input);
  }

  deleteBlockedDay(id: string): Observable<unknown> {
    return this.http.delete(apiUrl('weddings', 'blocked-days', id), { body: {} });
  }

  holidays(year: number): Observable<{ year: number; items: WeddingHoliday[] }> {
    return this.api.query(['weddings', 'holidays'], { year });
  }

  settings(): Observable<WeddingSettings> {
    return this.api.get<WeddingSettings>('weddings', 'settings');
  }

  saveSettings(input: WeddingSettingsInput): Observable<WeddingSettings> {
    return this.api.put<WeddingSettings>(['weddings', 'settings'], input);
  }
}
