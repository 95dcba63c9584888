import {
  BODY_KINDS,
  DEFAULT_NOTICE_DAYS,
  type BodyKind,
  type NoticeDays,
  type NoticeTimeliness,
  type WrittenStandard,
} from '@sekretariat/contracts';
import { osloDay } from '../core/dates.js';

/** The settings other modules apply, with the defaults filled in (docs/settings.md). */
export interface EffectiveSettings {
  noticeDays: NoticeDays;
  writtenStandard: WrittenStandard;
  remoteMeetingsAllowed: boolean;
  remoteMeetingsDecision: string;
  protocolSignatories: number;
  substituteAnswerHours: number;
  /** The name on documents: the setting, else the municipality's registered name. */
  documentName: string;
  /** The coat of arms as PNG, or null. */
  coatOfArms: { png: Buffer; width: number; height: number } | null;
}

/**
 * The defaults where no row is saved. Remote meetings are off: koml. § 11-7 (verified) allows them
 * only where the council has decided so, and the software cannot know that it has.
 */
export const DEFAULT_SETTINGS: Omit<EffectiveSettings, 'documentName' | 'coatOfArms'> = {
  noticeDays: { ...DEFAULT_NOTICE_DAYS },
  writtenStandard: 'nb',
  remoteMeetingsAllowed: false,
  remoteMeetingsDecision: '',
  protocolSignatories: 2,
  substituteAnswerHours: 24,
};

/** Stored days over the defaults: a body type added later has its default until someone saves it. */
export function noticeDaysWithDefaults(
  stored: Partial<Record<BodyKind, unknown>> | null | undefined,
): NoticeDays {
  const days: NoticeDays = { ...DEFAULT_NOTICE_DAYS };
  for (const kind of BODY_KINDS) {
    const value = stored?.[kind];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) days[kind] = value;
  }
  return days;
}

const DAY_MS = 86_400_000;

/** Whole calendar days between two Norwegian dates (YYYY-MM-DD). */
function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS);
}

/**
 * The notice against the body type's period: counted in calendar days in Norway from the day the
 * notice goes out to the meeting day ("14 dager før møtet" = sent on the 1st for a meeting on the
 * 15th). Late when fewer days than the period.
 */
export function noticeTimeliness(input: {
  kind: BodyKind;
  startsAt: Date;
  sentAt: Date | null;
  now: Date;
  noticeDays: NoticeDays;
}): NoticeTimeliness {
  const requiredDays = input.noticeDays[input.kind];
  const from = input.sentAt ?? input.now;
  const daysBefore = daysBetween(osloDay(from), osloDay(input.startsAt));
  return {
    requiredDays,
    daysBefore,
    late: daysBefore < requiredDays,
    sentAt: input.sentAt?.toISOString() ?? null,
  };
}
