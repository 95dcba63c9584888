import type { ErrorResponse } from '@sekretariat/contracts';

/** Codes the client produces itself when the server gave no ErrorResponse. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  unexpected: 'UNEXPECTED_RESPONSE',
} as const;

export type ApiFieldError = NonNullable<ErrorResponse['fields']>[number];

/**
 * A failed API call, in one shape for every caller: the HTTP status plus the
 * API's stable `code` (see ErrorResponse in @sekretariat/contracts).
 * Components choose a translated message from `code`/`status`; the server's
 * `message` is kept for logs only, since it is not in the user's language.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly ApiFieldError[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }

  static fromResponse(status: number, body: unknown): ApiError {
    if (isErrorResponse(body)) {
      return new ApiError(status, body.code, body.message, body.fields ?? [], body.requestId);
    }
    if (status === 0) {
      return new ApiError(0, CLIENT_ERROR_CODES.network, 'The server could not be reached.');
    }
    return new ApiError(
      status,
      CLIENT_ERROR_CODES.unexpected,
      `Unexpected response (HTTP ${String(status)}).`,
    );
  }
}

export function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null) {
    return false;
  }
  const candidate = body as Record<string, unknown>;
  return typeof candidate['code'] === 'string' && typeof candidate['message'] === 'string';
}

/**
 * The translation key for an error shown to a user. Known codes first, then
 * by HTTP status, so that new server codes still get a sensible message.
 */
export function errorMessageKey(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return 'errors.unknown';
  }
  switch (error.code) {
    case 'AUTH_INVALID_CREDENTIALS':
      return 'errors.invalidCredentials';
    case 'RATE_LIMITED':
      return 'errors.rateLimited';
    case 'INVALID_TEXT':
      return 'errors.invalidText';
    case CLIENT_ERROR_CODES.network:
      return 'errors.network';
  }
  if (error.status === 400 || error.status === 422) return 'errors.validation';
  if (error.status === 401) return 'errors.unauthorized';
  if (error.status === 403) return 'errors.forbidden';
  if (error.status === 404) return 'errors.notFound';
  if (error.status === 429) return 'errors.rateLimited';
  if (error.status >= 500) return 'errors.server';
  return 'errors.unknown';
}
