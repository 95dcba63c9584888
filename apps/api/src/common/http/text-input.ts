import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ErrorResponse } from '@sekretariat/contracts';
import { DomainError } from '../errors/domain-error.js';
import { BAD_TEXT_MESSAGE, findBadText } from '../text.js';

export const INVALID_TEXT = 'INVALID_TEXT';
const MESSAGE = 'Et felt inneholder tegn som ikke er tillatt (kontrolltegn som NUL, eller ugyldig Unicode).';

/** The 400 for text the API does not take (common/text.ts), naming the field. */
export function invalidText(path: string): DomainError {
  return new DomainError(INVALID_TEXT, MESSAGE, 400, [{ path, message: BAD_TEXT_MESSAGE }]);
}

/** The first bad field of a request's params, query string and parsed body, or null. */
export function badTextIn(request: Pick<FastifyRequest, 'params' | 'query' | 'body'>): string | null {
  for (const part of [request.params, request.query, request.body]) {
    const path = findBadText(part);
    if (path !== null) return path;
  }
  return null;
}

/**
 * Every API route, with a schema or without: text with NUL, other control characters or lone
 * surrogates in the path parameters, the query string or a JSON body (values and keys) is
 * refused with 400 INVALID_TEXT before guards and handlers run. Multipart fields are read by
 * their route and checked by the zod pipe; CSV bodies (Buffers) by their importer, per line.
 */
export function refuseBadText(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request, reply) => {
    if (!request.url.startsWith('/api')) return;
    const path = badTextIn(request);
    if (path === null) return;
    const error = invalidText(path);
    const body: ErrorResponse = { code: error.code, message: error.message, fields: error.fields, requestId: String(request.id) };
    await reply.status(400).type('application/json; charset=utf-8').send(body);
  });
}
