import { addMonths } from './oslo-time.js';

/** The prøvingsattest from the population register is valid four months from its issue date. */
export const CERTIFICATE_VALID_MONTHS = 4;

/** The last day the certificate is valid: the same day four months later (or that month's last day). */
export function certificateValidUntil(issuedOn: string): string {
  return addMonths(issuedOn, CERTIFICATE_VALID_MONTHS);
}

export type CertificateCheck =
  | { ok: true; validUntil: string }
  | { ok: false; problem: 'not_issued_yet' | 'expired'; validUntil: string; latestWeddingDate: string };

/**
 * The certificate must be issued (not dated in the future) and still valid on the wedding day,
 * else the vigsler may not marry the couple (Bufdir; docs/weddings.md). On failure the latest possible wedding date
 * is given for the message.
 */
export function checkCertificate(issuedOn: string, weddingDay: string, today: string): CertificateCheck {
  const validUntil = certificateValidUntil(issuedOn);
  if (issuedOn > today) return { ok: false, problem: 'not_issued_yet', validUntil, latestWeddingDate: validUntil };
  if (weddingDay > validUntil) return { ok: false, problem: 'expired', validUntil, latestWeddingDate: validUntil };
  return { ok: true, validUntil };
}
