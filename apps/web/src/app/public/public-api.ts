import { Injectable, inject } from '@angular/core';
import type {
  BodyListResponse,
  MeetingDetail,
  MeetingListResponse,
  PublicAgendaItemDetail,
  PublicCaseDetail,
  PublicCaseItemsResponse,
  PublicMeetingYearsResponse,
  PublicProtocolInfo,
  SearchResponse,
} from '@sekretariat/contracts';
import { type Observable, map, switchMap } from 'rxjs';
import { ApiClient, apiUrl } from '../core/api/api-client';
import { SessionStore } from '../core/session/session-store';
import { isUuid, notFound } from '../bodies/bodies-api';
import type { SearchFilters } from '../documents/search-filters';

/** Whether a meeting has an approved protocol (`GET …/meetings/:id/protocol`). */
export interface PublicProtocolResponse {
  readonly protocol: PublicProtocolInfo | null;
}

/**
 * The public meeting calendar's API (/api/public/<municipality>/…): no login, only what the
 * public may see. The municipality is the one this host serves.
 */
@Injectable({ providedIn: 'root' })
export class PublicMeetingsApi {
  private readonly api = inject(ApiClient);
  private readonly session = inject(SessionStore);

  private slug(): Observable<string> {
    return this.session.requireMunicipality().pipe(map((m) => m.slug));
  }

  /** Upcoming meetings, or with a year that year's meetings (the archive); optionally one body's. */
  meetings(year: number | null, bodyId: string): Observable<MeetingListResponse> {
    return this.slug().pipe(
      switchMap((slug) =>
        this.api.query<MeetingListResponse>(['public', slug, 'meetings'], { year, bodyId }),
      ),
    );
  }

  years(): Observable<PublicMeetingYearsResponse> {
    return this.slug().pipe(
      switchMap((slug) =>
        this.api.get<PublicMeetingYearsResponse>('public', slug, 'meetings', 'years'),
      ),
    );
  }

  bodies(): Observable<BodyListResponse> {
    return this.slug().pipe(
      switchMap((slug) => this.api.get<BodyListResponse>('public', slug, 'bodies')),
    );
  }

  meeting(id: string): Observable<MeetingDetail> {
    if (!isUuid(id)) return notFound(id);
    return this.slug().pipe(
      switchMap((slug) => this.api.get<MeetingDetail>('public', slug, 'meetings', id)),
    );
  }

  /** The approved protocol's version and date, or null while there is none. */
  protocol(meetingId: string): Observable<PublicProtocolResponse> {
    if (!isUuid(meetingId)) return notFound(meetingId);
    return this.slug().pipe(
      switchMap((slug) =>
        this.api.get<PublicProtocolResponse>('public', slug, 'meetings', meetingId, 'protocol'),
      ),
    );
  }

  item(meetingId: string, itemId: string): Observable<PublicAgendaItemDetail> {
    if (!isUuid(meetingId)) return notFound(meetingId);
    if (!isUuid(itemId)) return notFound(itemId);
    return this.slug().pipe(
      switchMap((slug) =>
        this.api.get<PublicAgendaItemDetail>(
          'public',
          slug,
          'meetings',
          meetingId,
          'items',
          itemId,
        ),
      ),
    );
  }

  caseItems(caseId: string): Observable<PublicCaseItemsResponse> {
    if (!isUuid(caseId)) return notFound(caseId);
    return this.slug().pipe(
      switchMap((slug) =>
        this.api.get<PublicCaseItemsResponse>('public', slug, 'cases', caseId, 'items'),
      ),
    );
  }

  /** An open case with its public documents and saksgang (the public case page). */
  caseDetail(caseId: string): Observable<PublicCaseDetail> {
    if (!isUuid(caseId)) return notFound(caseId);
    return this.slug().pipe(
      switchMap((slug) => this.api.get<PublicCaseDetail>('public', slug, 'cases', caseId)),
    );
  }

  search(q: string, offset: number, filters: SearchFilters = {}): Observable<SearchResponse> {
    return this.slug().pipe(
      switchMap((slug) =>
        this.api.query<SearchResponse>(['public', slug, 'search'], { q, offset, ...filters }),
      ),
    );
  }
}

/** Addresses of files and feeds for links (downloads open in the browser). */
export const publicUrls = {
  notice: (slug: string, meetingId: string) =>
    apiUrl('public', slug, 'meetings', meetingId, 'notice.pdf'),
  papers: (slug: string, meetingId: string) =>
    apiUrl('public', slug, 'meetings', meetingId, 'papers.pdf'),
  /** The approved protocol, public edition. */
  protocolPdf: (slug: string, meetingId: string) =>
    apiUrl('public', slug, 'meetings', meetingId, 'protocol.pdf'),
  /** The approved protocol as open data (OParl/Popolo). */
  protocolJson: (slug: string, meetingId: string) =>
    apiUrl('public', slug, 'meetings', meetingId, 'protocol.json'),
  /** All open bodies' published meetings as one feed. */
  allCalendar: (slug: string) => apiUrl('public', slug, 'calendar.ics'),
  calendar: (slug: string, bodyId: string) =>
    apiUrl('public', slug, 'bodies', bodyId, 'meetings.ics'),
  document: (slug: string, documentId: string) =>
    apiUrl('public', slug, 'documents', documentId, 'content'),
};
