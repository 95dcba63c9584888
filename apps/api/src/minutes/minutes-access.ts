import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Minutes, ProtocolEdition } from '@sekretariat/contracts';
import { EDITORS } from '../common/access/allow.decorator.js';
import type { RequestCaller } from '../common/access/caller.js';
import { ForbiddenError } from '../common/errors/domain-error.js';
import { PaperAccess } from '../cases/paper-access.js';
import { EXEMPT_TITLE } from './protocol-model.js';
import { MinutesRecord } from './minutes-record.entity.js';
import { ProtocolVersion } from './protocol-version.entity.js';

/**
 * Who reads a meeting's minutes: the secretariat, and the officials chosen to sign them (to read
 * what they sign). Closed items' content only for those who may read the meeting's exempt papers.
 */
@Injectable()
export class MinutesAccess {
  constructor(
    @Inject(EntityManager) private readonly em: EntityManager,
    private readonly papers: PaperAccess,
  ) {}

  private isEditor(caller: RequestCaller): boolean {
    return caller.roles.some((r) => EDITORS.includes(r));
  }

  async assertCanRead(caller: RequestCaller, meetingId: string): Promise<void> {
    if (this.isEditor(caller)) return;
    const personId = caller.user?.personId;
    if (!personId) throw new ForbiddenError('Bare de som er valgt til å signere, kan lese protokollutkastet.');
    const record = await this.em.findOne(MinutesRecord, { meeting: meetingId });
    const versions = await this.em.find(ProtocolVersion, { meeting: meetingId });
    const chosen = (record?.signatoryPersonIds ?? []).includes(personId) || versions.some((v) => v.signatoryPersonIds.includes(personId));
    if (!chosen) throw new ForbiddenError('Bare de som er valgt til å signere, kan lese protokollutkastet.');
  }

  /** The edition the caller may have: the internal one needs access to the meeting's exempt papers. */
  async edition(caller: RequestCaller, meetingId: string, wanted: ProtocolEdition): Promise<ProtocolEdition> {
    await this.assertCanRead(caller, meetingId);
    if (wanted === 'public' || this.isEditor(caller)) return wanted;
    return (await this.papers.forMeeting(caller, meetingId)).exemptAccess ? 'internal' : 'public';
  }

  /** The recording as the caller may see it (closed items masked without exempt access). */
  async redact(caller: RequestCaller, minutes: Minutes): Promise<Minutes> {
    if (this.isEditor(caller) || (await this.papers.forMeeting(caller, minutes.meetingId)).exemptAccess) return minutes;
    return {
      ...minutes,
      attendees: minutes.attendees.map((a) => ({ ...a, absenceReason: '' })),
      items: minutes.items.map((i) =>
        i.closed ? { ...i, title: EXEMPT_TITLE[minutes.record.language], treatment: '', decision: i.decisionExempt ? '' : i.decision, proposals: i.proposals.map((p) => ({ ...p, text: '' })), disqualifications: i.disqualifications.map((d) => ({ ...d, note: '' })) } : i,
      ),
    };
  }
}
