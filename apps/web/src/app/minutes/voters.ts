import type { Attendee, Minutes, MinutesItem, VoteResult } from '@sekretariat/contracts';

/** A voting member present in an item. */
export interface Voter {
  readonly personId: string;
  readonly name: string;
  readonly party: string | null;
}

/** Voters of one party (or one independent, `party` null) for the vote form. */
export interface PartyGroup {
  readonly party: string | null;
  readonly voters: readonly Voter[];
}

/**
 * Who votes in an item, as the API counts it (apps/api/src/minutes/rules/votes.ts): members and
 * substitutes present from an item up to an item (inclusive, in agenda order), a substitute for one
 * item only there, not disqualified in it.
 */
export function votersInItem(minutes: Minutes, item: MinutesItem): Voter[] {
  const position = new Map(minutes.items.map((i, index) => [i.id, index]));
  const here = position.get(item.id) ?? -1;
  const disqualified = new Set(
    item.disqualifications.filter((d) => d.disqualified).map((d) => d.personId),
  );
  return minutes.attendees
    .filter(
      (a): a is Attendee & { personId: string } =>
        a.role !== 'officer' &&
        a.personId !== null &&
        a.present &&
        (a.onlyItemId === null || a.onlyItemId === item.id) &&
        (a.fromItemId === null || (position.get(a.fromItemId) ?? -1) <= here) &&
        (a.toItemId === null || (position.get(a.toItemId) ?? Infinity) >= here) &&
        !disqualified.has(a.personId),
    )
    .map((a) => ({ personId: a.personId, name: a.name, party: a.party }));
}

/** Parties by size (then name), each independent on their own at the end. */
export function groupByParty(voters: readonly Voter[]): PartyGroup[] {
  const parties = new Map<string, Voter[]>();
  const independents: PartyGroup[] = [];
  for (const voter of voters) {
    if (voter.party === null) {
      independents.push({ party: null, voters: [voter] });
      continue;
    }
    parties.set(voter.party, [...(parties.get(voter.party) ?? []), voter]);
  }
  const groups = [...parties.entries()]
    .map(([party, members]) => ({ party, voters: members }))
    .sort((a, b) => b.voters.length - a.voters.length || a.party.localeCompare(b.party, 'nb'));
  return [...groups, ...independents];
}

/**
 * Who voted against in a recorded vote, read back from its result: a party with no votes for
 * voted against as a whole; a party that split and independents are named in `namedAgainst`.
 */
export function previousAgainst(voters: readonly Voter[], result: VoteResult | null): string[] {
  if (!result || result.against === 0) return [];
  const named = new Set(result.namedAgainst);
  const wholeParty = new Set(
    result.byParty.filter((p) => p.for === 0 && p.against > 0).map((p) => p.party),
  );
  return voters
    .filter((v) =>
      v.party === null
        ? named.has(v.name)
        : wholeParty.has(v.party) || named.has(`${v.name} (${v.party})`),
    )
    .map((v) => v.personId);
}

/**
 * Members present for the whole meeting, who may chair and sign (the API: members and substitutes
 * present, not for one item only).
 */
export function presentMembers(minutes: Minutes): Voter[] {
  return minutes.attendees
    .filter(
      (a): a is Attendee & { personId: string } =>
        a.role !== 'officer' && a.personId !== null && a.present && a.onlyItemId === null,
    )
    .map((a) => ({ personId: a.personId, name: a.name, party: a.party }));
}

/** Members and substitutes in the attendance (with a person), for proposers and disqualifications. */
export function votingAttendees(minutes: Minutes): Voter[] {
  return minutes.attendees
    .filter(
      (a): a is Attendee & { personId: string } => a.role !== 'officer' && a.personId !== null,
    )
    .map((a) => ({ personId: a.personId, name: a.name, party: a.party }));
}

/** "Anne Ås (Ap)" */
export function voterLabel(voter: Pick<Voter, 'name' | 'party'>): string {
  return voter.party ? `${voter.name} (${voter.party})` : voter.name;
}
