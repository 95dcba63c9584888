import { Injectable, inject } from '@angular/core';
import type {
  Absence,
  AbsenceInput,
  AbsenceReceipt,
  MeetingSeats,
  OwnAbsenceInput,
  PublicAbsenceLink,
  PublicSummons,
} from '@sekretariat/contracts';
import { type Observable, switchMap } from 'rxjs';
import { ApiClient } from '../core/api/api-client';
import { dateTimeFormat } from '../core/i18n/locale-format';
import { SessionStore } from '../core/session/session-store';

/**
 * Absence and substitutes: the seat overview and registering for the secretariat, an official's
 * own absence, and the links in e-mails (by token, under the municipality's public path).
 */
@Injectable({ providedIn: 'root' })
export class AttendanceApi {
  private readonly api = inject(ApiClient);
  private readonly session = inject(SessionStore);

  seats(meetingId: string): Observable<MeetingSeats> {
    return this.api.get<MeetingSeats>('meetings', meetingId, 'seats');
  }

  register(meetingId: string, input: Partial<AbsenceInput> & { personId: string }): Observable<Absence> {
    return this.api.post<Absence>(['meetings', meetingId, 'absences'], input);
  }

  reportOwn(meetingId: string, input: Partial<OwnAbsenceInput>): Observable<Absence> {
    return this.api.post<Absence>(['meetings', meetingId, 'my-absence'], input);
  }

  ownAbsences(meetingId: string): Observable<{ items: Absence[] }> {
    return this.api.get<{ items: Absence[] }>('meetings', meetingId, 'my-absences');
  }

  /** The secretariat records an answer given by phone or in person. */
  answerFor(summonsId: string, answer: 'accept' | 'decline'): Observable<Absence> {
    return this.api.post<Absence>(['summonses', summonsId, 'answer'], { answer });
  }

  withdraw(absenceId: string): Observable<Absence> {
    return this.api.post<Absence>(['absences', absenceId, 'withdraw']);
  }

  summons(token: string): Observable<PublicSummons> {
    return this.publicPath((slug) => this.api.get<PublicSummons>('public', slug, 'summons', token));
  }

  answer(token: string, answer: 'accept' | 'decline'): Observable<PublicSummons> {
    return this.publicPath((slug) => this.api.post<PublicSummons>(['public', slug, 'summons', token, answer]));
  }

  absenceLink(token: string): Observable<PublicAbsenceLink> {
    return this.publicPath((slug) => this.api.get<PublicAbsenceLink>('public', slug, 'absence-links', token));
  }

  reportByLink(token: string, input: Partial<OwnAbsenceInput>): Observable<AbsenceReceipt> {
    return this.publicPath((slug) => this.api.post<AbsenceReceipt>(['public', slug, 'absence-links', token], input));
  }

  private publicPath<T>(call: (slug: string) => Observable<T>): Observable<T> {
    return this.session.requireMunicipality().pipe(switchMap((municipality) => call(municipality.slug)));
  }
}

/** A moment (ISO instant) as date and time in Norway, in the UI's locale. */
export function formatMoment(iso: string, locale: string): string {
  return dateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(new Date(iso));
}
