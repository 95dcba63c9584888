import type { FastifyReply, FastifyRequest } from 'fastify';

/** How long a cache may keep a public document before asking again (with If-None-Match). */
export const PUBLIC_MAX_AGE_SECONDS = 300;

/**
 * Sends a stored PDF with its checksum as ETag, or 304 when the client has that version already.
 * Public documents may be kept by any cache for a while and are then revalidated; personal or
 * closed ones only by the browser, revalidated on every use.
 */
export function sendStoredPdf(
  request: FastifyRequest,
  reply: FastifyReply,
  doc: { pdf: Buffer; sha256: string; filename: string },
  options: { audience: 'public' | 'private'; disposition: 'inline' | 'attachment' },
): Buffer | undefined {
  const etag = `"${doc.sha256}"`;
  const cacheControl = options.audience === 'public' ? `public, max-age=${PUBLIC_MAX_AGE_SECONDS}, must-revalidate` : 'private, no-cache';
  void reply.header('etag', etag).header('cache-control', cacheControl);
  if (matches(request.headers['if-none-match'], etag)) {
    void reply.status(304);
    return undefined;
  }
  void reply.type('application/pdf').header('content-disposition', `${options.disposition}; filename="${doc.filename}"`);
  return doc.pdf;
}

/** If-None-Match may list several tags, or `*`; weak tags (W/) match too (RFC 9110 § 13.1.2). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}
