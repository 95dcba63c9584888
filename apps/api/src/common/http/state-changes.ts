import type { Reflector } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.js';

/** What a route's request body is: JSON (every route unless it says otherwise), a multipart upload, or a CSV file. */
export type BodyKind = 'json' | 'multipart' | 'csv';

/** The route takes a multipart upload or a CSV file instead of JSON; nothing else is accepted there. */
export const Accepts = (kind: Exclude<BodyKind, 'json'>) => RouteConfig({ accepts: kind });

/** The body kind a handler declared with @Accepts, read from the same metadata Fastify gets (for the route table). */
export function bodyKindOf(reflector: Reflector, handler: (...args: never[]) => unknown): BodyKind {
  return reflector.get<{ accepts?: BodyKind } | undefined>(FASTIFY_ROUTE_CONFIG_METADATA, handler)?.accepts ?? 'json';
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const BODY_TYPES: Record<BodyKind, { pattern: RegExp; message: string }> = {
  json: {
    pattern: /^application\/json\s*(;|$)/i,
    message: 'Innholdstypen støttes ikke. Send JSON (Content-Type: application/json), også når forespørselen er uten innhold.',
  },
  multipart: { pattern: /^multipart\/form-data\s*(;|$)/i, message: 'Innholdstypen støttes ikke. Send dokumentet som multipart/form-data.' },
  csv: { pattern: /^(text|application)\/csv\s*(;|$)/i, message: 'Innholdstypen støttes ikke. Send filen som text/csv.' },
};

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function originOf(value: string): string | null {
  const url = URL.parse(value);
  return url && /^https?:$/.test(url.protocol) ? url.origin : null;
}

/**
 * Why a state-changing request comes from a page that is not the site's own, or null when it
 * does not. A browser says where the page is: Sec-Fetch-Site (every current browser), else
 * Origin, which must be the request's own origin (Host, or X-Forwarded-Host/-Proto behind a
 * trusted proxy), PUBLIC_URL's or one of ALLOWED_ORIGINS. Requests with neither header come from
 * no browser (curl, other systems), carry no one's cookie by accident, and pass.
 */
export function crossOriginReason(request: FastifyRequest, trusted: ReadonlySet<string>): string | null {
  const site = header(request, 'sec-fetch-site');
  if (site !== undefined) return site === 'same-origin' || site === 'none' ? null : `Sec-Fetch-Site: ${site}`;
  const origin = header(request, 'origin');
  if (origin === undefined) return null;
  const from = originOf(origin);
  if (from && (from === originOf(`${request.protocol}://${request.host}`) || trusted.has(from))) return null;
  return `Origin: ${origin}`;
}

/**
 * Every POST, PUT, PATCH and DELETE under /api, before anything else reads it (onRequest):
 * refused with 403 CROSS_ORIGIN_REFUSED from another origin, also of the same site (another port
 * or a sibling host, where the SameSite=Lax session cookie is still sent), and with 415
 * UNSUPPORTED_MEDIA_TYPE unless it is of the route's one content type: application/json even
 * without a body (a page elsewhere cannot send that without a CORS preflight, which this API
 * never grants), multipart/form-data only where a route takes uploads, text/csv only on CSV
 * imports. The route is the one matched, so an encoded path cannot slip past.
 */
export function guardStateChanges(app: NestFastifyApplication, config: Pick<Config, 'ALLOWED_ORIGINS' | 'PUBLIC_URL' | 'BODY_LIMIT_BYTES'>): void {
  const trusted = new Set([...config.ALLOWED_ORIGINS, ...(config.PUBLIC_URL ? [new URL(config.PUBLIC_URL).origin] : [])]);
  const fastify = app.getHttpAdapter().getInstance();

  // Bodiless JSON requests are JSON too: an empty body of this type is no body (Fastify's own parser refuses it).
  const json = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: config.BODY_LIMIT_BYTES }, (request, body, done) => {
    // The default parser reads a Buffer as well as a string (secure-json-parse).
    if (body.length === 0) done(null, undefined);
    else void json(request as FastifyRequest, body as unknown as string, done);
  });

  fastify.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url;
    if (!STATE_CHANGING.has(request.method) || route === undefined || !/^\/api(\/|$)/.test(route)) return;
    const reason = crossOriginReason(request, trusted);
    if (reason) {
      request.log.warn({ reason, method: request.method, route }, 'Cross-origin state change refused');
      await reply.status(403).send({
        code: 'CROSS_ORIGIN_REFUSED',
        message: 'Forespørselen kom fra en annen nettside enn denne og ble avvist.',
        requestId: request.id,
      });
      return;
    }
    const kind = (request.routeOptions.config as { accepts?: BodyKind }).accepts ?? 'json';
    const type = header(request, 'content-type') ?? '';
    if (BODY_TYPES[kind].pattern.test(type)) return;
    await reply.status(415).send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: BODY_TYPES[kind].message, requestId: request.id });
  });
}
