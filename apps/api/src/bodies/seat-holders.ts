import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Who holds a seat in a body on a day (koml. §§ 7-9, 7-10): the one rule, the SQL function
 * `seat_holders(body, day)` (Migration20261209050000SeatRule). Notices, absence reporting, the seat
 * overview, paper access, the reader and the member lists all read it from here or embed
 * `SEAT_OF_SQL` / `SITS_SQL`.
 *
 * - `member`: sits; `away`: on leave or released on the day (a member or a substitute);
 * - `acting`: a substitute who sits for `forPersonId` on leave (for the rest of the term when
 *   `permanent`, a release without end);
 * - `substitute`: on the list, not sitting, at `place` after those who moved up.
 */
export type SeatKind = 'member' | 'away' | 'acting' | 'substitute';

export interface SeatHolder {
  membershipId: string;
  personId: string;
  kind: 'member' | 'substitute';
  seat: SeatKind;
  forPersonId: string | null;
  /** The party elected from, or the person's own list when elected without one. */
  listKey: string;
  /** The list's short name, or "uten parti". */
  listName: string;
  rank: number | null;
  place: number | null;
  permanent: boolean;
  name: string;
  /** Family name first, for alphabetical lists. */
  sortName: string;
  email: string | null;
  gender: 'female' | 'male' | 'other';
}

/** Whether a seat sits in the meeting (member or acting substitute). */
export const sits = (h: Pick<SeatHolder, 'seat'>): boolean => h.seat === 'member' || h.seat === 'acting';

/**
 * The seat the person (one `?` parameter) holds in the body `bodyColumn` on the day `dayExpr`, as
 * the reader's `Seat`: 'member' for a member or acting substitute, 'substitute' for one on the
 * list, null otherwise (away, or no place).
 */
export const SEAT_OF_SQL = (bodyColumn: string, dayExpr: string): string =>
  `(select case when s.seat in ('member', 'acting') then 'member' else 'substitute' end
      from seat_holders(${bodyColumn}, ${dayExpr}) s where s.person_id = ? and s.seat <> 'away'
     order by s.seat in ('member', 'acting') desc limit 1)`;

/** A meeting `m`'s day in Norway, for SEAT_OF_SQL. */
export const MEETING_DAY_SQL = `(m.starts_at at time zone 'Europe/Oslo')::date`;

interface Row {
  membership_id: string;
  person_id: string;
  kind: 'member' | 'substitute';
  seat: SeatKind;
  for_person_id: string | null;
  list_key: string;
  list_name: string | null;
  rank: number | null;
  place: number | null;
  permanent: boolean;
  given_name: string;
  family_name: string;
  email: string | null;
  gender: 'female' | 'male' | 'other';
}

/** Every seat and substitute place of the body on the day, members first, then by list and place. */
export async function seatHolders(em: EntityManager, bodyId: string, day: string): Promise<SeatHolder[]> {
  const rows = await em.execute<Row[]>(
    `select s.membership_id, s.person_id, s.kind, s.seat, s.for_person_id, s.list_key, y.short_name as list_name, s.rank, s.place, s.permanent,
            p.given_name, p.family_name, p.email, p.gender
       from seat_holders(?, ?::date) s
       join membership ms on ms.id = s.membership_id
       join person p on p.id = s.person_id
       left join party y on y.id = ms.party_id
      order by s.kind = 'member' desc, y.short_name nulls last, s.rank nulls first, p.family_name, p.given_name`,
    [bodyId, day],
  );
  return rows.map((r) => ({
    membershipId: r.membership_id,
    personId: r.person_id,
    kind: r.kind,
    seat: r.seat,
    forPersonId: r.for_person_id,
    listKey: r.list_key,
    listName: r.list_name ?? 'uten parti',
    rank: r.rank,
    place: r.place,
    permanent: r.permanent,
    name: `${r.given_name} ${r.family_name}`,
    sortName: `${r.family_name} ${r.given_name}`,
    email: r.email,
    gender: r.gender,
  }));
}
