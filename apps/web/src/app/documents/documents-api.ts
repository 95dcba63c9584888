import { Injectable, inject } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import type {
  BodyListResponse,
  CaseDocument,
  DocumentListResponse,
  DocumentUpdate,
  SearchResponse,
} from '@sekretariat/contracts';
import { type Observable, map } from 'rxjs';
import { ApiClient, apiUrl } from '../core/api/api-client';
import type { SearchFilters } from './search-filters';

/** What the upload form sends beside the file. */
export interface DocumentUploadInput {
  title: string;
  public: boolean;
  legalGround: string | null;
}

/** Case documents and full-text search (`/api/cases/:id/documents`, `/api/documents…`, `/api/search`). */
@Injectable({ providedIn: 'root' })
export class DocumentsApi {
  private readonly api = inject(ApiClient);
  private readonly http = inject(HttpClient);

  list(caseId: string): Observable<DocumentListResponse> {
    return this.api.get<DocumentListResponse>('cases', caseId, 'documents');
  }

  /** multipart/form-data: the browser sets the boundary; the API sniffs the type from the bytes. */
  upload(caseId: string, input: DocumentUploadInput, file: File): Observable<CaseDocument> {
    const form = new FormData();
    form.append('title', input.title);
    form.append('public', String(input.public));
    form.append('legalGround', input.public ? '' : (input.legalGround ?? ''));
    form.append('file', file, file.name);
    return this.http.post<CaseDocument>(apiUrl('cases', caseId, 'documents'), form);
  }

  update(id: string, input: DocumentUpdate): Observable<CaseDocument> {
    return this.api.put<CaseDocument>(['documents', id], input);
  }

  delete(id: string): Observable<undefined> {
    return this.http.delete(apiUrl('documents', id)).pipe(map(() => undefined));
  }

  /** The bodies to filter a search by. */
  bodies(): Observable<BodyListResponse> {
    return this.api.get<BodyListResponse>('bodies');
  }

  search(
    q: string,
    offset: number,
    limit: number,
    filters: SearchFilters = {},
  ): Observable<SearchResponse> {
    return this.api.query<SearchResponse>(['search'], { q, offset, limit, ...filters });
  }
}

/** Where a document's bytes are read (inline, with the original file name). */
export function documentContentUrl(id: string): string {
  return apiUrl('documents', id, 'content');
}
