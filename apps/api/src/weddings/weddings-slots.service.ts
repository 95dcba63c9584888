import { gzipSync } from 'node:zlib';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { WeddingAvailability } from './wedding-availability.entity.js';
import { WeddingBlockedDay } from './wedding-blocked-day.entity.js';
import { WeddingOfficiant } from './wedding-officiant.entity.js';
import { WeddingPlace } from './wedding-place.entity.js';
import { addDays, osloInstant } from './rules/oslo-time.js';
import { firstAfter, generateSlots, slotTable, takenIndexes, type AvailabilityRule, type Busy, type Slot, type SlotTable } from './rules/slots.js';
import type { OfficiantAuthority } from './rules/officiants.js';
import { weddingError } from './weddings.errors.js';
import { currentScope } from '../core/tenant.js';

/**
 * Everything the free-slot search of a place needs, in one round trip: whether the place is
 * active, its rules, blocked days and officiants as JSON text (the cache key: when any of them
 * changes, in this instance or another, the text differs), and the live holds and bookings that
 * keep the place or one of its rules' officiants busy (the exclusion constraints' gist indexes).
 */
const SEARCH_SQL = `with officiant_ids as (select distinct officiant_id as id from wedding_availability where place_id = ? and officiant_id is not null)
select
  (select active from wedding_place where id = ?) as active,
  (select coalesce(json_agg(json_build_array(officiant_id, weekday, start_time, end_time, slot_minutes, buffer_minutes, valid_from, valid_to) order by id), '[]')::text
     from wedding_availability where place_id = ? and valid_from <= ? and (valid_to is null or valid_to >= ?)) as rules,
  (select coalesce(json_agg(json_build_array(date, place_id) order by id), '[]')::text
     from wedding_blocked_day where date between ? and ? and (place_id is null or place_id = ?)) as blocked,
  (select coalesce(json_agg(json_build_array(id, kind, active, authorised_from, authorised_to) order by id), '[]')::text
     from wedding_officiant where id in (select id from officiant_ids)) as officiants,
  (select coalesce(json_agg(json_build_array(place_id, officiant_id, (extract(epoch from lower(during)) * 1000)::float8, (extract(epoch from upper(during)) * 1000)::float8)), '[]')
     from wedding_booking
    where (status = 'booked' or (status = 'held' and hold_expires_at > now())) and during && tstzrange(?, ?, '[)')
      and (place_id = ? or officiant_id in (select id from officiant_ids))) as busy`;

type SearchRow = { active: boolean | null; rules: string; blocked: string; officiants: string; busy: [string, string | null, number, number][] };

/** A place's slots for a period, and its last answers by what was free (the first slot after now and those taken). */
interface Prepared {
  table: SlotTable;
  answers: Map<string, Answer>;
}
/** One answer of `GET slots`: the JSON, and gzipped when a client has asked for that. */
interface Answer {
  json: Buffer;
  gzip?: Buffer;
}

/** Prepared slots by municipality, place, period and the text of the rules, blocked days and officiants. */
const PREPARED = new Map<string, Prepared>();
const PREPARED_MAX = 500;
/** Answers kept per prepared period (a new one when a hold, a booking or the clock changes what is free). */
const ANSWERS_MAX = 4;

/** The body of `GET slots` and whether it is gzipped. */
export interface FreeSlotsBody {
  body: Buffer;
  gzip: boolean;
}

/** The slots of a place from its availability rules, less holidays, blocked days, the past and what is taken. */
@Injectable()
export class WeddingsSlotsService {
  constructor(@Inject(EntityManager) private readonly em: EntityManager) {}

  /** An active place, or 404 (an inactive place takes no bookings). */
  async activePlace(placeId: string): Promise<WeddingPlace> {
    const place = await this.em.findOne(WeddingPlace, { id: placeId, active: true });
    if (!place) throw weddingError.placeNotFound();
    return place;
  }

  /** Every slot the rules give at a place from `from` to `to` (ISO dates), taken or not. */
  async slots(placeId: string, from: string, to: string): Promise<Slot[]> {
    const [rules, blockedDays] = await Promise.all([
      this.em.find(WeddingAvailability, { place: placeId, validFrom: { $lte: to }, $or: [{ validTo: null }, { validTo: { $gte: from } }] }),
      this.em.find(WeddingBlockedDay, { date: { $gte: from, $lte: to }, $or: [{ place: null }, { place: placeId }] }),
    ]);
    const officiantIds = [...new Set(rules.flatMap((r) => (r.officiant ? [r.officiant.id] : [])))];
    const officiants = officiantIds.length ? await this.em.find(WeddingOfficiant, { id: { $in: officiantIds } }) : [];
    return generateSlots(
      rules.map((r) => ({
        placeId: r.place.id,
        officiantId: r.officiant?.id ?? null,
        weekday: r.weekday,
        startTime: r.startTime,
        endTime: r.endTime,
        slotMinutes: r.slotMinutes,
        bufferMinutes: r.bufferMinutes,
        validFrom: r.validFrom,
        validTo: r.validTo,
      })),
      { from, to, blockedDays: blockedDays.map((b) => ({ date: b.date, placeId: b.place?.id ?? null })), officiants: new Map(officiants.map((o) => [o.id, o])) },
    );
  }

  /**
   * The answer of `GET slots` (`FreeSlots`): the free slots of a place from `from` to `to`, not
   * past, not overlapping a live hold or booking of the place or of the slot's officiant. One
   * query; the slots the rules give are kept per place and period while its rules, blocked days
   * and officiants are unchanged (the query reads them anyway, and their text is the key, so a
   * change made through another API instance counts at once), and the last few answers per
   * period with them, by what is free; gzipped for a client that accepts it (a year of a place
   * is about 2,800 slots, 200 kB of JSON, about 20 kB gzipped).
   */
  async freeSlots(placeId: string, from: string, to: string, acceptsGzip: boolean, now = new Date()): Promise<FreeSlotsBody> {
    const [row] = await this.em.execute<SearchRow[]>(SEARCH_SQL, [
      placeId,
      placeId,
      placeId,
      to,
      from,
      from,
      to,
      placeId,
      osloInstant(from, 0),
      osloInstant(addDays(to, 1), 0),
      placeId,
    ]);
    if (!row?.active) throw weddingError.placeNotFound();
    const key = `${currentScope().municipalityId}|${placeId}|${from}|${to}|${row.rules}|${row.blocked}|${row.officiants}`;
    let prepared = PREPARED.get(key);
    if (!prepared) {
      prepared = { table: slotTable(generateFromRows(placeId, from, to, row)), answers: new Map() };
      if (PREPARED.size >= PREPARED_MAX) PREPARED.delete(PREPARED.keys().next().value!);
      PREPARED.set(key, prepared);
    }
    const { table, answers } = prepared;
    const busy: Busy[] = row.busy.map(([p, o, s, u]) => ({ placeId: p, officiantId: o, startsAt: new Date(s), busyUntil: new Date(u) }));
    const first = firstAfter(table.starts, now.getTime());
    const taken = takenIndexes(table, placeId, busy).filter((i) => i >= first);
    const state = `${first}|${taken.join(',')}`;
    let answer = answers.get(state);
    if (!answer) {
      const skip = new Set(taken);
      const parts: string[] = [];
      for (let i = first; i < table.json.length; i++) if (!skip.has(i)) parts.push(table.json[i]!);
      answer = { json: Buffer.from(`{"placeId":"${placeId}","slots":[${parts.join(',')}]}`) };
      if (answers.size >= ANSWERS_MAX) answers.delete(answers.keys().next().value!);
      answers.set(state, answer);
    }
    if (!acceptsGzip) return { body: answer.json, gzip: false };
    answer.gzip ??= gzipSync(answer.json);
    return { body: answer.gzip, gzip: true };
  }

  /** The slot of a place that starts at an instant, from the rules (taken or not), or null. */
  async slotAt(placeId: string, startsAt: Date, day: string): Promise<Slot | null> {
    return (await this.slots(placeId, day, day)).find((s) => s.startsAt.getTime() === startsAt.getTime()) ?? null;
  }
}

/** The slots the rules give, from the search query's JSON text. */
function generateFromRows(placeId: string, from: string, to: string, row: SearchRow): Slot[] {
  type RuleRow = [string | null, number, string, string, number, number, string, string | null];
  const rules: AvailabilityRule[] = (JSON.parse(row.rules) as RuleRow[]).map(([officiantId, weekday, startTime, endTime, slotMinutes, bufferMinutes, validFrom, validTo]) => ({
    placeId,
    officiantId,
    weekday,
    startTime,
    endTime,
    slotMinutes,
    bufferMinutes,
    validFrom,
    validTo,
  }));
  const blockedDays = (JSON.parse(row.blocked) as [string, string | null][]).map(([date, p]) => ({ date, placeId: p }));
  const officiants = new Map(
    (JSON.parse(row.officiants) as [string, OfficiantAuthority['kind'], boolean, string | null, string | null][]).map(([id, kind, active, authorisedFrom, authorisedTo]) => [
      id,
      { kind, active, authorisedFrom, authorisedTo },
    ]),
  );
  return generateSlots(rules, { from, to, blockedDays, officiants });
}
