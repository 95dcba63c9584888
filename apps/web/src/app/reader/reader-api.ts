import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Annotation,
  AnnotationListResponse,
  AnnotationUpsertInput,
  ReaderItemDetail,
  ReaderMeetingDetail,
  ReaderMeetingListResponse,
  ReadMarkResponse,
  SearchResponse,
  SyncInput,
  SyncResponse,
} from '@sekretariat/contracts';
import type { Observable } from 'rxjs';
import { ApiClient, apiUrl } from '../core/api/api-client';
import { isUuid, notFound } from '../bodies/bodies-api';

/** The officials' reader (`/api/reader/…`), document contents and search within a meeting. */
@Injectable({ providedIn: 'root' })
export class ReaderApi {
  private readonly api = inject(ApiClient);
  private readonly http = inject(HttpClient);

  meetings(): Observable<ReaderMeetingListResponse> {
    return this.api.get<ReaderMeetingListResponse>('reader', 'meetings');
  }

  meeting(id: string): Observable<ReaderMeetingDetail> {
    return isUuid(id) ? this.api.get<ReaderMeetingDetail>('reader', 'meetings', id) : notFound(id);
  }

  /** One item in full: its case presentation and documents (the meeting's list has only what it shows). */
  item(id: string): Observable<ReaderItemDetail> {
    return isUuid(id) ? this.api.get<ReaderItemDetail>('reader', 'items', id) : notFound(id);
  }

  /** Every annotation the caller may see on the meeting's papers (one request, cached for offline). */
  annotations(meetingId: string): Observable<AnnotationListResponse> {
    return this.api.get<AnnotationListResponse>('reader', 'meetings', meetingId, 'annotations');
  }

  markItemRead(itemId: string, read: boolean): Observable<ReadMarkResponse> {
    return this.api.put<ReadMarkResponse>(['reader', 'items', itemId, 'read'], { read });
  }


  upsertAnnotation(id: string, input: AnnotationUpsertInput): Observable<Annotation> {
    return this.api.put<Annotation>(['reader', 'annotations', id], input);
  }

  deleteAnnotation(id: string, baseVersion: number): Observable<unknown> {
    return this.http.delete(apiUrl('reader', 'annotations', id), {
      params: { baseVersion: String(baseVersion) },
    });
  }

  sync(input: SyncInput): Observable<SyncResponse> {
    return this.api.post<SyncResponse>(['reader', 'sync'], input);
  }

  search(meetingId: string, q: string): Observable<SearchResponse> {
    return this.api.query<SearchResponse>(['search'], { q, meetingId, limit: 50 });
  }

  /** The bytes of a document (PDF viewer, download); the service worker keeps them for offline reading. */
  documentUrl(documentId: string): string {
    return apiUrl('documents', documentId, 'content');
  }

  meetingUrl(meetingId: string): string {
    return apiUrl('reader', 'meetings', meetingId);
  }

  itemUrl(itemId: string): string {
    return apiUrl('reader', 'items', itemId);
  }

  annotationsUrl(meetingId: string): string {
    return apiUrl('reader', 'meetings', meetingId, 'annotations');
  }
}
