import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { type Observable, map } from 'rxjs';

/** Where the API lives: same origin as the app, under /api. */
export const API_BASE = '/api';

/** Query parameters; undefined, null and empty values are left out. */
export type QueryParams = Readonly<Record<string, string | number | boolean | null | undefined>>;

/**
 * Builds an API URL from path segments, encoding each one, e.g.
 * `apiUrl('public', slug, 'bodies', id)` → `/api/public/<slug>/bodies/<id>`.
 */
export function apiUrl(...segments: readonly string[]): string {
  return [API_BASE, ...segments.map((segment) => encodeURIComponent(segment))].join('/');
}

/** An API URL with a query string, for links (downloads) rather than calls. */
export function apiUrlWithQuery(segments: readonly string[], query: QueryParams): string {
  const params = toParams(query).toString();
  return params ? `${apiUrl(...segments)}?${params}` : apiUrl(...segments);
}

function toParams(query: QueryParams): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params = params.set(key, String(value));
    }
  }
  return params;
}

/**
 * Thin typed access to the JSON API. Response types come from
 * @sekretariat/contracts; the server validates against the same schemas.
 * Errors arrive as ApiError (see apiInterceptor).
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  get<T>(...segments: readonly string[]): Observable<T> {
    return this.http.get<T>(apiUrl(...segments));
  }

  /** GET with a query string. */
  query<T>(segments: readonly string[], query: QueryParams): Observable<T> {
    return this.http.get<T>(apiUrl(...segments), { params: toParams(query) });
  }

  post<T>(segments: readonly string[], body: unknown = {}): Observable<T> {
    return this.http.post<T>(apiUrl(...segments), body);
  }

  put<T>(segments: readonly string[], body: unknown): Observable<T> {
    return this.http.put<T>(apiUrl(...segments), body);
  }

  /** Sends a file's bytes as they are (the server decides how to read them), e.g. a CSV import. */
  postFile<T>(
    segments: readonly string[],
    file: Blob,
    contentType: string,
    query: QueryParams = {},
  ): Observable<T> {
    return this.http.post<T>(apiUrl(...segments), file, {
      params: toParams(query),
      headers: { 'Content-Type': contentType },
    });
  }

  /** For endpoints that answer 204 No Content. */
  postNoContent(segments: readonly string[], body: unknown = {}): Observable<undefined> {
    return this.http.post(apiUrl(...segments), body).pipe(map(() => undefined));
  }
}
