import type { SeatHolder } from '../seat-holders.js';
import type { SubstituteOrder } from './substitutes.js';

/**
 * Who sits is decided by `seat_holders` in PostgreSQL (bodies/seat-holders.ts): a member on
 * leave or released (koml. § 7-9) is replaced by the next substitute of their list for the period
 * (§ 7-10). This reads its answer: who moved up for whom, with why, and warnings where no one
 * could move up or a list has fewer substitutes than members: the council should elect more
 * (supplering, § 7-10 (6)).
 */
export type Holder = Pick<SeatHolder, 'personId' | 'name' | 'kind' | 'seat' | 'forPersonId' | 'listKey' | 'listName' | 'rank' | 'permanent'>;

export interface Composition {
  acting: { seat: Holder; forSeat: Holder; explanation: string }[];
  warnings: string[];
}

export function composition(holders: readonly Holder[], order: SubstituteOrder): Composition {
  const members = holders.filter((h) => h.kind === 'member');
  const acting: Composition['acting'] = [];
  const warnings: string[] = [];
  for (const member of members.filter((m) => m.seat === 'away')) {
    const sub = holders.find((h) => h.seat === 'acting' && h.forPersonId === member.personId);
    if (!sub) {
      warnings.push(`${member.name} (${member.listName}) har permisjon eller fritak, og det er ingen varamedlem som kan rykke opp.`);
      continue;
    }
    const list = order === 'common' ? 'organet' : sub.listName;
    acting.push({
      seat: sub,
      forSeat: member,
      explanation: sub.permanent
        ? `${sub.name} (nr. ${sub.rank} på varalista for ${list}) er medlem resten av valgperioden fordi ${member.name} er fritatt.`
        : `${sub.name} (nr. ${sub.rank} på varalista for ${list}) rykker opp mens ${member.name} har permisjon eller fritak.`,
    });
  }
  const pool = holders.filter((h) => h.seat === 'substitute');
  if (order === 'common') {
    if (pool.length < members.length) {
      warnings.push(`Varalista har ${pool.length} varamedlemmer for ${members.length} medlemmer. Vurder å velge nye varamedlemmer (supplering, kommuneloven § 7-10).`);
    }
  } else {
    const lists = [...new Map(members.map((m) => [m.listKey, m.listName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'nb'));
    for (const [key, name] of lists) {
      const m = members.filter((s) => s.listKey === key).length;
      const v = pool.filter((s) => s.listKey === key).length;
      if (v < m) {
        warnings.push(`Varalista for ${name} har ${v} varamedlem${v === 1 ? '' : 'mer'} for ${m} medlem${m === 1 ? '' : 'mer'}. Kommunestyret bør velge nye varamedlemmer (supplering, kommuneloven § 7-10).`);
      }
    }
  }
  return { acting, warnings };
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
