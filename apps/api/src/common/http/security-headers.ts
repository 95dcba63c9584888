import { createHash } from 'node:crypto';
import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Config } from '../../config/config.js';

/**
 * The API's answers (JSON, and files: case documents, PDFs, CSV, calendars) are never a page
 * of the site: opened in a tab they run in an opaque origin with nothing allowed (`sandbox`), so
 * a PDF's or an image's embedded script cannot act as the site; no page may frame them. Chrome's
 * PDF viewer still shows PDFs under this policy (e2e security spec).
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * Pages of the site served under /api: the API reference (/api/docs and what it loads). They
 * keep the site's own policy (script-src 'self': a page with its scripts in .js files works).
 */
const API_PAGES = /^\/api\/docs(\/|$|\?)/;

/** Whether an answer to this path gets the sandboxing API_CSP instead of the site's policy. */
export function sandboxed(path: string): boolean {
  return /^\/api(\/|$|\?)/.test(path) && !API_PAGES.test(path);
}

/** Hashes of the inline scripts in the built index.html (Angular's critical-CSS loader), for script-src. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.add(`'sha256-${createHash('sha256').update(match[1]!, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * The web app's policy: scripts only from the site itself (its bundles, the pdf.js worker, the
 * service worker) plus the inline scripts of index.html by hash; styles from the site and inline
 * (Angular adds component styles at run time and the critical CSS is inlined); images from the
 * site, data: (the design system's icons) and blob:; connections to the site only; no plugins,
 * no framing by anyone, forms and <base> to the site only.
 */
export function webAppCspDirectives(indexHtml: string | null): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...(indexHtml ? inlineScriptHashes(indexHtml) : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/**
 * Browser hardening headers on every answer (@fastify/helmet): the web app's CSP, the API's
 * sandboxing one under /api (the API reference aside), X-Frame-Options DENY, nosniff,
 * same-origin referrer, opener and resource policies; HSTS only behind TLS (COOKIE_SECURE),
 * where it cannot lock out a plain-HTTP installation.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication, config: Pick<Config, 'COOKIE_SECURE'>, indexHtml: string | null): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: webAppCspDirectives(indexHtml) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: config.COOKIE_SECURE ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
  });
  app.getHttpAdapter().getInstance().addHook('onSend', async (request, reply) => {
    const path = request.routeOptions.url ?? request.url;
    if (sandboxed(path)) void reply.header('content-security-policy', API_CSP);
  });
}
