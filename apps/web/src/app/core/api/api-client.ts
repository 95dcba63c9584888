import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { type Observable, map } from 'rxjs';

/** Where the API lives: same origin as the app, under /api. */
export const API_BASE = '/api';

/**
 * Builds an API URL from path segments, encoding each one, e.g.
 * `apiUrl('public', slug, 'bodies', id)` → `/api/public/<slug>/bodies/<id>`.
 */
export function apiUrl(...segments: readonly string[]): string {
  return [API_BASE, ...segments.map((segment) => encodeURIComponent(segment))].join('/');
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

  post<T>(segments: readonly string[], body: unknown = {}): Observable<T> {
    return this.http.post<T>(apiUrl(...segments), body);
  }

  /** For endpoints that answer 204 No Content. */
  postNoContent(segments: readonly string[], body: unknown = {}): Observable<undefined> {
    return this.http.post(apiUrl(...segments), body).pipe(map(() => undefined));
  }
}
