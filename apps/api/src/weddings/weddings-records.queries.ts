import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_WEDDING_RETENTION_MONTHS, type ResidenceClass, type WeddingBookingStatus } from '@sekretariat/contracts';

/**
 * The weddings module's record keeping in SQL, in one place: which bookings are due for
 * anonymisation and what is removed from them, and the yearly statistics aggregated in
 * PostgreSQL. Everything runs inside a tenant transaction (row-level security confines it to the
 * municipality), except `municipalitiesDue`, which runs as the owner to find the municipalities.
 */

/**
 * The fee rule's classification (el. § 12 a, as `rules/fee.ts`) from the stored residences; after
 * anonymisation (no parties) the classification written then.
 */
const residenceClass = (b: string) => `case
    when ${b}.parties is null then ${b}.residence_class
    when ${b}.parties @> '[{"residence": "municipality"}]' then 'resident'
    when not exists (select 1 from jsonb_array_elements(${b}.parties) p where p->>'residence' <> 'abroad') then 'abroad'
    else 'non_resident' end`;

/** The retention in months of the municipality in scope (its settings, else the default). */
const RETENTION = `coalesce((select s.retention_months from wedding_settings s where s.municipality_id = b.municipality_id), ${DEFAULT_WEDDING_RETENTION_MONTHS})`;

/**
 * Due: not a hold, not yet anonymised, and the ceremony's time (or its cancellation, when that
 * came later) more than the retention ago.
 */
const DUE = `b.status <> 'held' and b.anonymised_at is null
  and greatest(b.ends_at, coalesce(b.cancelled_at, b.ends_at)) < now() - make_interval(months => ${RETENTION})`;

/** The municipalities with bookings due, read as the owner (across municipalities). */
export async function municipalitiesDue(em: EntityManager): Promise<string[]> {
  const rows = await em.getConnection().execute<{ municipality_id: string }[]>(`select distinct b.municipality_id from wedding_booking b where ${DUE}`);
  return rows.map((r) => r.municipality_id);
}

export interface AnonymisedRow {
  id: string;
  status: WeddingBookingStatus;
}

/**
 * Removes the personal data of the bookings due, in the municipality in scope: both parties
 * (names, birth dates, e-mails, phones, residences), both witnesses, the notes, the cancellation
 * reason (free text that may name people) and every token hash; writes the residence
 * classification and `anonymised_at`. What stays is listed in docs/weddings.md (Retention).
 */
export function anonymiseDue(em: EntityManager): Promise<AnonymisedRow[]> {
  return em.execute<AnonymisedRow[]>(
    `update wedding_booking b set
       residence_class = ${residenceClass('b')},
       parties = null, witnesses = null, notes = '', cancel_reason = null,
       hold_token_hash = null, manage_token_hash = null, mail_token_hash = null,
       anonymised_at = now()
     where ${DUE}
     returning b.id, b.status`,
  );
}

export type StatisticsDimension = 'total' | 'month' | 'place' | 'officiant' | 'residence';

/** One row of the statistics: a dimension's value (the others null) with its counts. */
export interface StatisticsRow {
  dimension: StatisticsDimension;
  month: number | null;
  place_id: string | null;
  place_name: string | null;
  officiant_id: string | null;
  officiant_name: string | null;
  residence_class: ResidenceClass | null;
  total: number;
  held: number;
  booked: number;
  cancelled: number;
}

/**
 * The ceremonies starting in [from, to) counted per month (Oslo time), place, officiant and
 * residence class, and in all, in one pass (grouping sets). Holds are not ceremonies and are left out.
 */
export function statisticsRows(em: EntityManager, from: Date, to: Date): Promise<StatisticsRow[]> {
  return em.execute<StatisticsRow[]>(
    `with c as (
       select extract(month from b.starts_at at time zone 'Europe/Oslo')::int as month,
              b.place_id, p.name as place_name, b.officiant_id, o.name as officiant_name,
              ${residenceClass('b')} as residence_class, b.status
       from wedding_booking b
       join wedding_place p on p.id = b.place_id
       left join wedding_officiant o on o.id = b.officiant_id
       where b.status <> 'held' and b.starts_at >= ? and b.starts_at < ?
     )
     select case when grouping(month) = 0 then 'month'
                 when grouping(place_id) = 0 then 'place'
                 when grouping(officiant_id) = 0 then 'officiant'
                 when grouping(residence_class) = 0 then 'residence'
                 else 'total' end as dimension,
            month, place_id, place_name, officiant_id, officiant_name, residence_class,
            count(*)::int as total,
            (count(*) filter (where status = 'held_ceremony'))::int as held,
            (count(*) filter (where status = 'booked'))::int as booked,
            (count(*) filter (where status = 'cancelled'))::int as cancelled
     from c
     group by grouping sets ((month), (place_id, place_name), (officiant_id, officiant_name), (residence_class), ())
     order by dimension, month, place_name, officiant_name nulls last, residence_class`,
    [from, to],
  );
}
