import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { SessionStore } from '../session/session-store';
import { API_BASE } from './api-client';
import { ApiError } from './api-error';

function isApiRequest(url: string): boolean {
  return url === API_BASE || url.startsWith(`${API_BASE}/`);
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A state-changing call names its content type even without a body: the API refuses one that
 * is not application/json on its JSON routes, which a page on another origin cannot send
 * without a preflight. Uploads (FormData: the browser sets multipart with its boundary) and
 * files sent with their own type are left as they are.
 */
function withContentType(request: HttpRequest<unknown>): HttpRequest<unknown> {
  if (!STATE_CHANGING.has(request.method) || request.headers.has('Content-Type')) {
    return request;
  }
  const body = request.body;
  if (
    (typeof FormData !== 'undefined' && body instanceof FormData) ||
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    body instanceof ArrayBuffer ||
    (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams)
  ) {
    return request;
  }
  return request.clone({ setHeaders: { 'Content-Type': 'application/json' } });
}

/**
 * For calls to /api: send the session cookie and the content type of every state change, turn failures into ApiError,
 * and forget a session the server no longer accepts (401 outside /auth), so
 * pages fall back to what a visitor may see instead of showing an error.
 */
export const apiInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiRequest(request.url)) {
    return next(request);
  }
  const session = inject(SessionStore);
  return next(withContentType(request).clone({ withCredentials: true })).pipe(
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
