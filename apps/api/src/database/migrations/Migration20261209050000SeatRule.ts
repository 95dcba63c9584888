import { Migration } from '@mikro-orm/migrations';

/**
 * Who holds a seat in a body on a day, as one rule in PostgreSQL (koml. §§ 7-9, 7-10, docs/attendance.md),
 * and where an elected official may read exempt papers because of it (docs/domain.md).
 *
 * `seat_holders(body, day)`: every membership in force on the day, as
 * - `member`: a member who sits;
 * - `away`: a member on leave or released (permisjon, fritak) on the day;
 * - `acting`: a substitute who moves up for an away member (`for_person_id`), per list under
 *   `per_list` (a list is the party the person was elected from; a person without a party is a
 *   list of their own), in list order over the whole body under `common`. The n-th away member
 *   of a list (by start of membership) is replaced by the n-th available substitute (by rank), so
 *   substitutes on leave themselves are passed over. `permanent` when the member is released for
 *   good (a release without end): the substitute is a member for the rest of the term;
 * - `substitute`: a substitute who does not sit, with `place` their place on the list after those
 *   who moved up (the list moves up).
 *
 * `exempt_open_items(person)`: the agenda items whose exempt papers the person may read as an
 * elected official: items of meetings where they sit (member or acting) on the meeting day in a
 * membership that is still in force today and not released today (own term only, not after
 * release), and items they are called in for as an accepted substitute (a whole meeting, or the
 * one item of a disqualification); never an item they are disqualified in. A row with a null item
 * marks a meeting open in full (no disqualification in it).
 */
export class Migration20261209050000SeatRule extends Migration {
  override up(): void {
    for (const sql of [
      `create function seat_holders(p_body uuid, p_day date)
        returns table (membership_id uuid, person_id uuid, kind text, seat text, for_person_id uuid, list_key text, rank int, place int, permanent boolean)
        language sql stable as $$
          with keyed as (
            select ms.id, ms.person_id, ms.kind, ms.rank, ms."from",
                   coalesce(ms.party_id::text, 'person:' || ms.person_id::text) as list_key,
                   case when b.substitute_order = 'common' then '' else coalesce(ms.party_id::text, 'person:' || ms.person_id::text) end as k,
                   l.kind as away, (l.kind = 'release' and l."to" is null) as for_good
              from membership ms
              join body b on b.id = ms.body_id
              left join lateral (select lv.kind, lv."to" from membership_leave lv
                                  where lv.membership_id = ms.id and lv."from" <= p_day and (lv."to" is null or lv."to" >= p_day)
                                  order by lv."from" limit 1) l on true
             where ms.body_id = p_body and ms."from" <= p_day and (ms."to" is null or ms."to" >= p_day)
          ),
          away_members as (
            select k, person_id, coalesce(for_good, false) as for_good, row_number() over (partition by k order by "from", id) as n
              from keyed where kind = 'member' and away is not null
          ),
          away_count as (select k, count(*) as n from away_members group by k),
          pool as (
            select id, person_id, k, list_key, rank, row_number() over (partition by k order by rank, id) as n
              from keyed where kind = 'substitute' and away is null
          )
          select id, person_id, kind, case when away is null then 'member' else 'away' end, null::uuid, list_key, rank, null::int, false
            from keyed where kind = 'member' or away is not null
          union all
          select p.id, p.person_id, 'substitute', 'acting', a.person_id, p.list_key, p.rank, null::int, a.for_good
            from pool p join away_members a on a.k = p.k and a.n = p.n
          union all
          select p.id, p.person_id, 'substitute', 'substitute', null::uuid, p.list_key, p.rank, (p.n - coalesce(c.n, 0))::int, false
            from pool p left join away_count c on c.k = p.k
           where p.n > coalesce(c.n, 0)
        $$`,
      `create function exempt_open_items(p_person uuid)
        returns table (meeting_id uuid, item_id uuid)
        language sql stable as $$
          with today as (select (now() at time zone 'Europe/Oslo')::date as day),
          seated as (
            select m.id as meeting_id
              from meeting m, today
             where m.body_id in (select ms.body_id from membership ms where ms.person_id = p_person and (ms."to" is null or ms."to" >= today.day))
               and exists (
                 select 1 from seat_holders(m.body_id, (m.starts_at at time zone 'Europe/Oslo')::date) s
                   join membership ms on ms.id = s.membership_id
                  where s.person_id = p_person and s.seat in ('member', 'acting')
                    and (ms."to" is null or ms."to" >= today.day)
                    and not exists (select 1 from membership_leave l where l.membership_id = ms.id and l.kind = 'release'
                                      and l."from" <= today.day and (l."to" is null or l."to" >= today.day)))
          ),
          called as (
            select s.meeting_id, a.agenda_item_id
              from substitute_summons s join meeting_absence a on a.id = s.absence_id
             where s.person_id = p_person and s.status = 'accepted' and a.withdrawn_at is null
          ),
          disqualified as (
            select agenda_item_id as item_id from meeting_absence
             where person_id = p_person and kind = 'disqualified' and withdrawn_at is null
            union
            select agenda_item_id from minutes_disqualification where person_id = p_person and disqualified
          ),
          whole as (select meeting_id from seated union select meeting_id from called where agenda_item_id is null),
          items as (
            select ai.meeting_id, ai.id as item_id from agenda_item ai where ai.meeting_id in (select meeting_id from whole)
            union
            select meeting_id, agenda_item_id from called where agenda_item_id is not null
          )
          select i.meeting_id, i.item_id from items i where i.item_id not in (select item_id from disqualified)
          union all
          select w.meeting_id, null::uuid from whole w
           where not exists (select 1 from agenda_item ai join disqualified d on d.item_id = ai.id where ai.meeting_id = w.meeting_id)
        $$`,
    ]) {
      this.addSql(sql);
    }
  }
}
