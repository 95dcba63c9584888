import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets handed out in cookies and links (sessions, summons and absence links, calendar feeds):
 * 256 random bits, URL-safe.
 */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a secret: its SHA-256 in hex. A leaked table gives no working secret. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
