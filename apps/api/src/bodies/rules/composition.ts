import type { SubstituteOrder } from './substitutes.js';

/**
 * Who sits in a body on a given day. A member on leave or temporarily released (koml. § 7-9)
 * is replaced by the next substitute of their list, who moves up for the period (§ 7-10); the
 * remaining substitutes keep their elected order. Lists with fewer substitutes than members
 * get a warning: the council should elect more (supplering, § 7-10 (6)).
 */
export interface Seat {
  membershipId: string;
  personId: string;
  name: string;
  list: string;
  kind: 'member' | 'substitute';
  rank: number | null;
  onLeave: boolean;
}

export interface Composition {
  members: Seat[];
  acting: { seat: Seat; forSeat: Seat; explanation: string }[];
  substitutes: Seat[];
  warnings: string[];
}

export function composition(seats: readonly Seat[], order: SubstituteOrder): Composition {
  const members = seats.filter((s) => s.kind === 'member');
  const pool = seats
    .filter((s) => s.kind === 'substitute' && !s.onLeave)
    .slice()
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const acting: Composition['acting'] = [];
  const warnings: string[] = [];
  for (const member of members.filter((m) => m.onLeave)) {
    const index = pool.findIndex((s) => order === 'common' || s.list === member.list);
    if (index < 0) {
      warnings.push(`${member.name} (${member.list}) har permisjon eller fritak, og det er ingen varamedlem som kan rykke opp.`);
      continue;
    }
    const [sub] = pool.splice(index, 1);
    acting.push({
      seat: sub!,
      forSeat: member,
      explanation: `${sub!.name} (nr. ${sub!.rank} på varalista for ${order === 'common' ? 'organet' : sub!.list}) rykker opp mens ${member.name} har permisjon eller fritak.`,
    });
  }
  if (order === 'common') {
    if (pool.length < members.length) {
      warnings.push(`Varalista har ${pool.length} varamedlemmer for ${members.length} medlemmer. Vurder å velge nye varamedlemmer (supplering, kommuneloven § 7-10).`);
    }
  } else {
    const lists = [...new Set(members.map((m) => m.list))].sort((a, b) => a.localeCompare(b, 'nb'));
    for (const list of lists) {
      const m = members.filter((s) => s.list === list).length;
      const v = pool.filter((s) => s.list === list).length;
      if (v < m) {
        warnings.push(`Varalista for ${list} har ${v} varamedlem${v === 1 ? '' : 'mer'} for ${m} medlem${m === 1 ? '' : 'mer'}. Kommunestyret bør velge nye varamedlemmer (supplering, kommuneloven § 7-10).`);
      }
    }
  }
  return { members: members.filter((m) => !m.onLeave), acting, substitutes: pool, warnings };
}

/** Whether a period [from, to] (to null = open) contains the day. Dates are ISO strings. */
export function covers(period: { from: string; to: string | null }, day: string): boolean {
  return period.from <= day && (period.to === null || period.to >= day);
}

export function overlaps(a: { from: string; to: string | null }, b: { from: string; to: string | null }): boolean {
  return a.from <= (b.to ?? '9999-12-31') && b.from <= (a.to ?? '9999-12-31');
}

/** Ranks within each list must run 1, 2, 3 … without gaps or repeats. Returns problems in Norwegian. */
export function rankProblems(substitutes: readonly { list: string; rank: number }[]): string[] {
  const problems: string[] = [];
  const lists = [...new Set(substitutes.map((s) => s.list))];
  for (const list of lists) {
    const ranks = substitutes.filter((s) => s.list === list).map((s) => s.rank).sort((a, b) => a - b);
    ranks.forEach((rank, i) => {
      if (rank !== i + 1) {
        if (ranks.indexOf(rank) !== i) problems.push(`Varalista for ${list} har nr. ${rank} to ganger.`);
        else problems.push(`Varalista for ${list} mangler nr. ${i + 1} (hopper til ${rank}).`);
      }
    });
  }
  return [...new Set(problems)];
}
