import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorResponse } from '@sekretariat/contracts';
import { DomainError } from '../errors/domain-error.js';
import { HTTP_ERROR_CODES, STATUS_CODES } from '../errors/error-codes.js';

interface CodedError {
  code: string;
  status: number;
  message: string;
}

function isCoded(e: unknown): e is CodedError {
  return (
    typeof e === 'object' && e !== null && typeof (e as CodedError).code === 'string' &&
    typeof (e as CodedError).status === 'number' && typeof (e as CodedError).message === 'string'
  );
}

const PG_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  '23505': { status: 409, code: 'CONFLICT', message: 'Dette finnes allerede.' },
  '23503': { status: 409, code: 'CONFLICT', message: 'Dette henger sammen med andre opplysninger og kan ikke endres slik.' },
  // PostgreSQL 18 reports a violated `on delete restrict` as restrict_violation, not 23503.
  '23001': { status: 409, code: 'CONFLICT', message: 'Dette henger sammen med andre opplysninger og kan ikke endres slik.' },
  '23514': { status: 400, code: 'CONSTRAINT_VIOLATED', message: 'Opplysningene bryter en regel.' },
  '23P01': { status: 409, code: 'CONFLICT', message: 'Dette overlapper med noe som finnes fra før.' },
  '40001': { status: 409, code: 'CONCURRENT_UPDATE', message: 'Noen andre endret dette samtidig. Prøv igjen.' },
  '42501': { status: 403, code: 'FORBIDDEN', message: 'Du har ikke tilgang til dette.' },
  // NUL in text (22021) or in JSON (22P05): refused at the validation layer (common/text.ts); this is the net under it.
  '22021': { status: 400, code: 'INVALID_TEXT', message: 'Et felt inneholder tegn som ikke er tillatt (kontrolltegn som NUL, eller ugyldig Unicode).' },
  '22P05': { status: 400, code: 'INVALID_TEXT', message: 'Et felt inneholder tegn som ikke er tillatt (kontrolltegn som NUL, eller ugyldig Unicode).' },
};

/**
 * The one place errors become HTTP answers: `{ code, message, requestId, fields? }`, never a
 * stack trace. Unknown routes outside /api get the web app's index.html (client-side routing).
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  constructor(private readonly webIndexHtml: string | null) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();

    if (
      exception instanceof NotFoundException &&
      this.webIndexHtml &&
      request.method === 'GET' &&
      !request.url.startsWith('/api')
    ) {
      void reply.status(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(this.webIndexHtml);
      return;
    }

    const { status, body } = this.toResponse(exception);
    body.requestId = String(request.id);
    if (status >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, `Unhandled error on ${request.method} ${request.url}`);
    }
    void reply.status(status).type('application/json; charset=utf-8').send(body);
  }

  toResponse(exception: unknown): { status: number; body: ErrorResponse } {
    if (exception instanceof DomainError) {
      const body: ErrorResponse = { code: exception.code, message: exception.message };
      if (exception.fields) body.fields = exception.fields;
      return { status: exception.status, body };
    }
    if (exception instanceof HttpException) {
      // Fastify's own errors (bad JSON, body too large) arrive wrapped, with the original as cause.
      const cause = exception.cause as { code?: string } | undefined;
      if (cause?.code && HTTP_ERROR_CODES[cause.code]) {
        return { status: exception.getStatus(), body: { ...HTTP_ERROR_CODES[cause.code]! } };
      }
      const status = exception.getStatus();
      const known = STATUS_CODES[status] ?? { code: status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST', message: 'Noe gikk galt.' };
      return { status, body: { ...known } };
    }
    if (isCoded(exception) && exception.status >= 400 && exception.status < 600) {
      return { status: exception.status, body: { code: exception.code, message: exception.message } };
    }
    const e = exception as { code?: string; statusCode?: number } | null;
    if (e?.code && HTTP_ERROR_CODES[e.code]) {
      return { status: e.statusCode ?? 400, body: { ...HTTP_ERROR_CODES[e.code]! } };
    }
    if (e?.code && PG_ERRORS[e.code]) {
      const { status, ...body } = PG_ERRORS[e.code]!;
      return { status, body };
    }
    if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return { status: e.statusCode, body: { ...(STATUS_CODES[e.statusCode] ?? STATUS_CODES[400]!) } };
    }
    return { status: 500, body: { code: 'INTERNAL_ERROR', message: 'Noe gikk galt hos oss. Prøv igjen senere.' } };
  }
}
