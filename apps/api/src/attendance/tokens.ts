import { createHash, randomBytes } from 'node:crypto';

/** A random token for a link in an e-mail (256 bits, URL-safe). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a token: its SHA-256 in hex. A leaked database does not give working links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The meeting's day in Norway (YYYY-MM-DD): memberships and leave are per day. */
export function osloDay(at: Date): string {
  return at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
}

/** Joins a base address and a path without a double slash. */
export function link(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
