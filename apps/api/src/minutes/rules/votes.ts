import type { PartyCount, ProtocolLanguage, VoteResult } from '@sekretariat/contracts';

/** A voting member present in an item: a member of the body, or a substitute meeting for one. */
export interface Voter {
  personId: string;
  name: string;
  /** The party or list the seat belongs to; null for an independent (counted by name). */
  party: string | null;
}

/** Who of the attendees may vote in one item. Positions are the agenda order (1, 2, …). */
export interface AttendanceForItem {
  personId: string | null;
  name: string;
  party: string | null;
  role: 'member' | 'substitute' | 'officer';
  present: boolean;
  fromPosition: number | null;
  toPosition: number | null;
  /** A substitute for one item only (for a disqualified member). */
  onlyItemId: string | null;
}

/**
 * The voting members present in the item at `position`: members and substitutes present from an
 * item up to an item (inclusive), not disqualified in it; a substitute for one item only there.
 */
export function votersInItem(attendees: readonly AttendanceForItem[], item: { id: string; position: number }, disqualified: ReadonlySet<string>): Voter[] {
  return attendees
    .filter(
      (a) =>
        a.role !== 'officer' &&
        a.personId !== null &&
        a.present &&
        (a.onlyItemId === null || a.onlyItemId === item.id) &&
        (a.fromPosition === null || a.fromPosition <= item.position) &&
        (a.toPosition === null || a.toPosition >= item.position) &&
        !disqualified.has(a.personId),
    )
    .map((a) => ({ personId: a.personId!, name: a.name, party: a.party }));
}

/**
 * koml. § 11-9 first paragraph: a body can decide only when at least half of its members are
 * present and vote (domain.md §1.4: votes cast ≥ ⌈members / 2⌉).
 */
export function isQuorate(memberCount: number, votingPresent: number): boolean {
  return memberCount > 0 && votingPresent >= Math.ceil(memberCount / 2);
}

export type VoteProblem = { code: 'VOTER_NOT_PRESENT'; personId: string } | { code: 'VOTE_DUPLICATE'; personId: string } | { code: 'NOT_QUORATE' };

const T = {
  nb: {
    unanimousFor: (what: string) => `${what} ble enstemmig vedtatt.`,
    unanimousAgainst: (what: string) => `${what} falt enstemmig.`,
    adopted: (what: string, f: number, a: number) => `${what} ble vedtatt med ${f} mot ${a} stemmer.`,
    fell: (what: string, f: number, a: number) => `${what} falt med ${f} mot ${a} stemmer.`,
    chair: 'Møteleders dobbeltstemme avgjorde (koml. § 11-9).',
    forList: 'For stemte',
    againstList: 'Mot stemte',
  },
  nn: {
    unanimousFor: (what: string) => `${what} vart samrøystes vedteke.`,
    unanimousAgainst: (what: string) => `${what} fall samrøystes.`,
    adopted: (what: string, f: number, a: number) => `${what} vart vedteke med ${f} mot ${a} røyster.`,
    fell: (what: string, f: number, a: number) => `${what} fall med ${f} mot ${a} røyster.`,
    chair: 'Møteleiaren si dobbeltrøyst avgjorde (koml. § 11-9).',
    forList: 'For røysta',
    againstList: 'Mot røysta',
  },
} as const;

/**
 * Counts a vote: everyone present and entitled votes (koml. § 8-1), `against` are those who
 * voted against, all others voted for. Simple majority of the votes cast; a tie is decided by the
 * chair's vote when the chair took part (koml. § 11-9; elections are decided by lot and are not
 * recorded here). The protocol names the parties on each side, and by name the members of a
 * party that split and independents (koml. § 11-4 (2) e).
 */
export function countVote(
  voters: readonly Voter[],
  against: readonly string[],
  options: { memberCount: number; chairPersonId: string | null; subject: string; language: ProtocolLanguage },
): { ok: true; result: VoteResult } | { ok: false; problem: VoteProblem } {
  const present = new Map(voters.map((v) => [v.personId, v]));
  const seen = new Set<string>();
  for (const personId of against) {
    if (!present.has(personId)) return { ok: false, problem: { code: 'VOTER_NOT_PRESENT', personId } };
    if (seen.has(personId)) return { ok: false, problem: { code: 'VOTE_DUPLICATE', personId } };
    seen.add(personId);
  }
  if (!isQuorate(options.memberCount, voters.length)) return { ok: false, problem: { code: 'NOT_QUORATE' } };
  const forVotes = voters.length - seen.size;
  const againstVotes = seen.size;
  const tie = forVotes === againstVotes;
  const chairVotedFor = options.chairPersonId !== null && present.has(options.chairPersonId) && !seen.has(options.chairPersonId);
  const chairDecided = tie && options.chairPersonId !== null && present.has(options.chairPersonId);
  const adopted = tie ? chairVotedFor : forVotes > againstVotes;

  const parties = new Map<string, { for: Voter[]; against: Voter[] }>();
  const independents: { voter: Voter; against: boolean }[] = [];
  for (const v of voters) {
    const isAgainst = seen.has(v.personId);
    if (v.party === null) {
      independents.push({ voter: v, against: isAgainst });
      continue;
    }
    const entry = parties.get(v.party) ?? { for: [], against: [] };
    (isAgainst ? entry.against : entry.for).push(v);
    parties.set(v.party, entry);
  }
  const byParty: PartyCount[] = [...parties.entries()]
    .map(([party, e]) => ({ party, for: e.for.length, against: e.against.length }))
    .sort((a, b) => b.for + b.against - (a.for + a.against) || a.party.localeCompare(b.party, 'nb'));
  const namedFor: string[] = [];
  const namedAgainst: string[] = [];
  for (const [party, e] of parties) {
    if (e.for.length > 0 && e.against.length > 0) {
      namedFor.push(...e.for.map((v) => `${v.name} (${party})`));
      namedAgainst.push(...e.against.map((v) => `${v.name} (${party})`));
    }
  }
  for (const i of independents) (i.against ? namedAgainst : namedFor).push(i.voter.name);

  const t = T[options.language];
  const subject = options.subject;
  let sentence: string;
  if (againstVotes === 0) sentence = t.unanimousFor(subject);
  else if (forVotes === 0) sentence = t.unanimousAgainst(subject);
  else {
    sentence = adopted ? t.adopted(subject, forVotes, againstVotes) : t.fell(subject, forVotes, againstVotes);
    if (chairDecided) sentence += ` ${t.chair}`;
    const side = (pick: 'for' | 'against', named: string[]) =>
      [...byParty.filter((p) => p[pick] > 0).map((p) => `${p.party} (${p[pick]})`), ...named.filter((n) => !n.includes(' ('))].join(', ');
    const forSide = side('for', namedFor);
    const againstSide = side('against', namedAgainst);
    if (forSide) sentence += ` ${t.forList}: ${forSide}.`;
    if (againstSide) sentence += ` ${t.againstList}: ${againstSide}.`;
  }
  return { ok: true, result: { for: forVotes, against: againstVotes, adopted, chairDecided, byParty, namedFor: namedFor.sort(), namedAgainst: namedAgainst.sort(), sentence } };
}
