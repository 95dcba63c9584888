import type {
  BodyKind,
  ElectionMethod,
  EndMembershipInput,
  LeaveInput,
  MemberRole,
  SubstituteOrder,
} from '@sekretariat/contracts';

/*
 * The contracts' enum values for selects and radios. Written out here so that the app does not
 * bundle zod for a few lists; `Record<…, true>` makes the compiler fail when the contracts gain a
 * value (and translations.spec checks its text).
 */
function keys<T extends string>(values: Record<T, true>): readonly T[] {
  return Object.keys(values) as T[];
}

export const BODY_KIND_OPTIONS = keys<BodyKind>({
  kommunestyre: true,
  formannskap: true,
  utvalg: true,
  kontrollutvalg: true,
  eldreraad: true,
  funksjonsnedsettelse: true,
  ungdomsraad: true,
  valgstyre: true,
  valgutvalg: true,
  annet: true,
});

export const ELECTION_METHOD_OPTIONS = keys<ElectionMethod>({
  forholdsvalg: true,
  avtalevalg: true,
  flertallsvalg: true,
  oppnevnt: true,
});

export const SUBSTITUTE_ORDER_OPTIONS = keys<SubstituteOrder>({ per_list: true, common: true });

export const MEMBER_ROLE_OPTIONS = keys<MemberRole>({
  leader: true,
  deputy_leader: true,
  member: true,
});

export type EndReason = EndMembershipInput['reason'];
export const END_REASON_OPTIONS = keys<EndReason>({
  term_end: true,
  released: true,
  resigned: true,
  moved: true,
  deceased: true,
  replaced: true,
  other: true,
});

export type LeaveKind = LeaveInput['kind'];
export const LEAVE_KIND_OPTIONS = keys<LeaveKind>({ leave: true, release: true });
