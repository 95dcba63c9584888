import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { SessionStore } from '../session/session-store';
import { API_BASE } from './api-client';
import { ApiError } from './api-error';

function isApiRequest(url: string): boolean {
  return url === API_BASE || url.startsWith(`${API_BASE}/`);
}

/**
 * For calls to /api: send the session cookie, turn failures into ApiError,
 * and forget a session the server no longer accepts (401 outside /auth), so
 * pages fall back to what a visitor may see instead of showing an error.
 */
export const apiInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiRequest(request.url)) {
    return next(request);
  }
  const session = inject(SessionStore);
  return next(request.clone({ withCredentials: true })).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) {
        return throwError(() => error);
      }
      if (error.status === 401 && !request.url.startsWith(`${API_BASE}/auth/`)) {
        session.expire();
      }
      return throwError(() => ApiError.fromResponse(error.status, error.error));
    }),
  );
};
