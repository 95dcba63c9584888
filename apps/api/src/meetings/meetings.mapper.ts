import type { AgendaItem as AgendaItemDto, Case as CaseDto, CaseSummary, Meeting as MeetingDto } from '@sekretariat/contracts';
import type { AgendaItem } from './agenda-item.entity.js';
import type { Case } from '../cases/case.entity.js';
import type { Meeting } from './meeting.entity.js';
import type { Person } from '../bodies/person.entity.js';
import { legalGround } from '../cases/legal-grounds.js';

/** What the public sees instead of the title of a closed item or an exempt case. */
export const EXEMPT_TITLE = 'Unntatt offentlighet';

export const citation = (code: string | null): string | null => (code ? (legalGround(code)?.citation ?? null) : null);

export const personName = (p: Person | null | undefined): string | null => (p ? `${p.givenName} ${p.familyName}` : null);

export function toMeetingDto(m: Meeting, bodyName: string): MeetingDto {
  return {
    id: m.id,
    bodyId: m.body.id,
    bodyName,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt?.toISOString() ?? null,
    place: m.place,
    remote: m.remote,
    status: m.status,
    videoUrl: m.videoUrl,
    cancellation: m.cancelledAt ? { at: m.cancelledAt.toISOString(), reason: m.cancelReason ?? '' } : null,
  };
}

export function toCaseDto(c: Case): CaseDto {
  return {
    id: c.id,
    archiveReference: c.archiveReference,
    title: c.title,
    caseOfficer: c.caseOfficer,
    summary: c.summary,
    background: c.background,
    assessment: c.assessment,
    recommendation: c.recommendation,
    public: c.public,
    legalGround: c.legalGround,
    citation: citation(c.legalGround),
  };
}

export function toCaseSummaryDto(c: Case): CaseSummary {
  return {
    id: c.id,
    archiveReference: c.archiveReference,
    title: c.title,
    caseOfficer: c.caseOfficer,
    public: c.public,
    legalGround: c.legalGround,
    citation: citation(c.legalGround),
    createdAt: c.createdAt.toISOString(),
  };
}

/**
 * An agenda item as a reader may see it. Without access to exempt information, a closed item or
 * one whose case is exempt shows its number, a neutral title and the legal ground, never the
 * case's text or title.
 */
export function toAgendaItemDto(item: AgendaItem, kase: Case | null, options: { exemptAccess: boolean }, askerName: string | null = null): AgendaItemDto {
  const exempt = item.closed || (kase !== null && !kase.public);
  const hidden = exempt && !options.exemptAccess;
  const ground = item.legalGround ?? (kase && !kase.public ? kase.legalGround : null);
  return {
    id: item.id,
    type: item.type,
    number: item.number,
    position: item.position,
    title: hidden ? EXEMPT_TITLE : (kase?.title ?? item.title ?? ''),
    closed: item.closed,
    legalGround: ground,
    citation: citation(ground),
    videoStartSeconds: item.videoStartSeconds,
    case: hidden || !kase ? null : toCaseDto(kase),
    recommendation: hidden ? '' : item.recommendation,
    decision: hidden ? '' : item.decision,
    // Who asks a closed question or interpellation is exempt with it (issue 13).
    askerPersonId: hidden ? null : (item.asker?.id ?? null),
    askerName: hidden ? null : askerName,
  };
}
