import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AgendaItem,
  AgendaItemInput,
  BodyDetail,
  BodyListResponse,
  Case,
  CaseInput,
  ClosedItemInput,
  Meeting,
  MeetingDetail,
  MeetingInput,
  MeetingListResponse,
  MeetingPlanResponse,
  MeetingStatus,
  MeetingUpdateInput,
  MeetingCancelInput,
  NoticeResendInput,
  AgendaItemUpdateInput,
  CaseDetail,
  CaseListResponse,
  CaseUpdateInput,
} from '@sekretariat/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, apiUrl } from '../core/api/api-client';
import { isUuid, notFound } from '../bodies/bodies-api';

/**
 * Meetings, agendas and cases from the staff API. Reads are for all staff; the secretariat
 * changes them (the API checks the roles).
 */
@Injectable({ providedIn: 'root' })
export class MeetingsApi {
  private readonly api = inject(ApiClient);
  private readonly http = inject(HttpClient);

  bodies(): Observable<BodyListResponse> {
    return this.api.get<BodyListResponse>('bodies');
  }

  /** Who sits in a body: the askers of questions and interpellations. */
  members(bodyId: string): Observable<BodyDetail> {
    return this.api.get<BodyDetail>('bodies', bodyId);
  }

  /** The annual plan: every body's meetings in a year (or one body's), earliest first. */
  plan(year: number, bodyId = ''): Observable<MeetingPlanResponse> {
    return this.api.query<MeetingPlanResponse>(['meetings'], { year, bodyId });
  }

  forBody(bodyId: string): Observable<MeetingListResponse> {
    return this.api.get<MeetingListResponse>('bodies', bodyId, 'meetings');
  }

  create(bodyId: string, input: MeetingInput): Observable<Meeting> {
    return this.api.post<Meeting>(['bodies', bodyId, 'meetings'], input);
  }

  detail(id: string): Observable<MeetingDetail> {
    return isUuid(id) ? this.api.get<MeetingDetail>('meetings', id) : notFound(id);
  }

  update(id: string, input: MeetingUpdateInput): Observable<Meeting> {
    return this.api.put<Meeting>(['meetings', id], input);
  }

  /** One step on: notice_sent → held → minutes_approved. */
  setStatus(id: string, status: MeetingStatus): Observable<Meeting> {
    return this.api.post<Meeting>(['meetings', id, 'status'], { status });
  }

  publish(id: string): Observable<Meeting> {
    return this.api.post<Meeting>(['meetings', id, 'publish']);
  }

  /** E-mails the changed notice (endret møteinnkalling); only while the status is notice_sent. */
  cancel(id: string, input: MeetingCancelInput): Observable<Meeting> {
    return this.api.post<Meeting>(['meetings', id, 'cancel'], input);
  }

  resendNotice(id: string, input: NoticeResendInput): Observable<Meeting> {
    return this.api.post<Meeting>(['meetings', id, 'notice', 'resend'], input);
  }

  noticePdfUrl(id: string): string {
    return apiUrl('meetings', id, 'notice.pdf');
  }

  /** The notice and every public case paper in one PDF. */
  papersPdfUrl(id: string): string {
    return apiUrl('meetings', id, 'papers.pdf');
  }

  addItem(meetingId: string, input: AgendaItemInput): Observable<AgendaItem> {
    return this.api.post<AgendaItem>(['meetings', meetingId, 'items'], input);
  }

  reorder(meetingId: string, itemIds: readonly string[]): Observable<MeetingDetail> {
    return this.api.put<MeetingDetail>(['meetings', meetingId, 'items', 'order'], { itemIds });
  }

  setClosed(itemId: string, input: ClosedItemInput): Observable<AgendaItem> {
    return this.api.put<AgendaItem>(['agenda-items', itemId, 'closed'], input);
  }

  updateItem(itemId: string, input: AgendaItemUpdateInput): Observable<AgendaItem> {
    return this.api.put<AgendaItem>(['agenda-items', itemId], input);
  }

  removeItem(itemId: string): Observable<unknown> {
    return this.http.delete(apiUrl('agenda-items', itemId));
  }

  createCase(input: CaseInput): Observable<Case> {
    return this.api.post<Case>(['cases'], input);
  }

  /** Cases by archive reference or title, newest first. */
  searchCases(q: string, limit = 20): Observable<CaseListResponse> {
    return this.api.query<CaseListResponse>(['cases'], { q: q.trim(), limit });
  }

  /** The case with its saksgang. */
  getCase(id: string): Observable<CaseDetail> {
    return isUuid(id) ? this.api.get<CaseDetail>('cases', id) : notFound(id);
  }

  updateCase(id: string, input: CaseUpdateInput): Observable<Case> {
    return this.api.put<Case>(['cases', id], input);
  }
}
