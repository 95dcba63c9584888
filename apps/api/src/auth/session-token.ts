import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'sekretariat_sid';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The database stores only this hash, so a leaked table gives no usable cookies. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
