import type { MikroORM } from '@mikro-orm/postgresql';
import { runInTenant, SYSTEM_ACTOR } from '../core/tenant.js';
import { AbsenceLink } from './absence-link.entity.js';
import { hashSecretToken, newSecretToken } from '../common/secret-token.js';

/**
 * Issues each member a personal absence link for the meeting (`/forfall/<token>`) and returns the
 * tokens by person. Committed in a transaction of its own before any e-mail goes, so a link that was
 * mailed always works, also when the mailing fails half-way and is retried (each e-mail gets its own).
 * For the notice job (meetings/meeting-notice.job.ts).
 */
export async function issueAbsenceLinks(orm: MikroORM, municipalityId: string, meetingId: string, personIds: readonly string[]): Promise<Map<string, string>> {
  return runInTenant(orm, { municipalityId, actor: SYSTEM_ACTOR }, async (em) => {
    const tokens = new Map<string, string>();
    for (const personId of new Set(personIds)) {
      const token = newSecretToken();
      em.create(AbsenceLink, { municipality: municipalityId, meeting: meetingId, person: personId, tokenHash: hashSecretToken(token) });
      tokens.set(personId, token);
    }
    await em.flush();
    return tokens;
  });
}
