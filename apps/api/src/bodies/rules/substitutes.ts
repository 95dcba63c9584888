/**
 * Which substitute (varamedlem) to call in when a member cannot attend, koml. § 7-10:
 * the next substitute in elected order from the list or group the absent member was elected
 * from, skipping anyone who is already present, already called in, absent, disqualified
 * (inhabil) or on leave. A substitute who has left the group is still called for the group
 * they were elected from (KDD's view). When the list is exhausted no one is proposed, and the
 * secretariat is told so: the council may elect a settemedlem or new substitutes (§ 7-10 (6)).
 */
export type SubstituteOrder = 'per_list' | 'common';

export interface SubstituteCandidate {
  personId: string;
  name: string;
  /** The list or group the substitute was elected from. */
  list: string;
  rank: number;
}

export type UnavailableReason = 'present' | 'called_in' | 'absent' | 'disqualified' | 'on_leave' | 'declined';

export interface Proposal {
  substitute: SubstituteCandidate | null;
  skipped: { candidate: SubstituteCandidate; reason: UnavailableReason }[];
  /** Norwegian explanation for the secretariat. */
  explanation: string;
}

const REASON_TEXT: Record<UnavailableReason, string> = {
  present: 'møter allerede',
  called_in: 'er allerede kalt inn',
  absent: 'har meldt forfall',
  disqualified: 'er inhabil i saken',
  on_leave: 'har permisjon eller fritak',
  declined: 'har takket nei',
};

export function proposeSubstitute(input: {
  absentMemberList: string;
  /** The list's name in the explanation, when `absentMemberList` is a key. */
  listName?: string;
  substitutes: readonly SubstituteCandidate[];
  unavailable: ReadonlyMap<string, UnavailableReason>;
  order: SubstituteOrder;
}): Proposal {
  const pool = input.substitutes
    .filter((s) => input.order === 'common' || s.list === input.absentMemberList)
    .slice()
    .sort((a, b) => a.rank - b.rank);
  const skipped: Proposal['skipped'] = [];
  const where = input.order === 'common' ? 'den felles varalista' : `varalista for ${input.listName ?? input.absentMemberList}`;
  for (const candidate of pool) {
    const reason = input.unavailable.get(candidate.personId);
    if (reason) {
      skipped.push({ candidate, reason });
      continue;
    }
    const skippedText = skipped.length
      ? ` ${skipped.map((s) => `${s.candidate.rank}. ${s.candidate.name} ${REASON_TEXT[s.reason]}`).join('; ')}.`
      : '';
    return {
      substitute: candidate,
      skipped,
      explanation: `${candidate.name} er nr. ${candidate.rank} på ${where} og er den første som kan møte.${skippedText}`,
    };
  }
  return {
    substitute: null,
    skipped,
    explanation:
      pool.length === 0
        ? `Det er ingen varamedlemmer på ${where}. Kommunestyret kan velge settemedlem eller nye varamedlemmer (kommuneloven § 7-10).`
        : `Ingen på ${where} kan møte. Kommunestyret kan velge settemedlem eller nye varamedlemmer (kommuneloven § 7-10).`,
  };
}
