import { canOfficiate, type OfficiantAuthority } from './officiants.js';
import { isNorwegianHoliday } from './holidays.js';
import { clockMinutes, days, isoWeekday, osloInstant } from './oslo-time.js';

/** A recurring availability: on a weekday, from start to end in local time, slots of a length with a buffer after each. */
export interface AvailabilityRule {
  placeId: string;
  officiantId: string | null;
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: number;
  bufferMinutes: number;
  validFrom: string;
  validTo: string | null;
}

export interface Slot {
  placeId: string;
  officiantId: string | null;
  startsAt: Date;
  /** The ceremony's end. */
  endsAt: Date;
  /** The end with the buffer: what the place (and officiant) is busy for. */
  busyUntil: Date;
}

/** A time the place or officiant is taken (a booking or a live hold). */
export interface Busy {
  placeId: string;
  officiantId: string | null;
  startsAt: Date;
  busyUntil: Date;
}

export interface SlotOptions {
  from: string;
  to: string;
  /** Days with no ceremonies: for one place, or every place (placeId null). */
  blockedDays?: readonly { date: string; placeId: string | null }[];
  /** Officiants named by rules; a rule whose officiant may not officiate that day gives no slots. */
  officiants?: ReadonlyMap<string, OfficiantAuthority>;
}

/**
 * The slots the availability rules give from `from` to `to` (ISO dates, both included), in Oslo
 * local time: a rule of 10:00 gives 10:00 on both sides of a daylight-saving change. Norwegian
 * public holidays and blocked days give none. A slot must end by the rule's end time; the buffer
 * follows each slot. Sorted by time, then place; one slot per place and start.
 */
export function generateSlots(rules: readonly AvailabilityRule[], options: SlotOptions): Slot[] {
  const blocked = new Set((options.blockedDays ?? []).map((b) => `${b.date}|${b.placeId ?? '*'}`));
  const seen = new Set<string>();
  const slots: Slot[] = [];
  for (const day of days(options.from, options.to)) {
    const weekday = isoWeekday(day);
    const dayRules = rules.filter((r) => r.weekday === weekday && r.validFrom <= day && (r.validTo === null || day <= r.validTo));
    if (dayRules.length === 0 || isNorwegianHoliday(day) || blocked.has(`${day}|*`)) continue;
    for (const r of dayRules) {
      if (blocked.has(`${day}|${r.placeId}`)) continue;
      if (r.officiantId) {
        const o = options.officiants?.get(r.officiantId);
        if (!o || !canOfficiate(o, day)) continue;
      }
      const end = clockMinutes(r.endTime);
      for (let start = clockMinutes(r.startTime); start + r.slotMinutes <= end; start += r.slotMinutes + r.bufferMinutes) {
        const key = `${r.placeId}|${day}|${start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const startsAt = osloInstant(day, start);
        slots.push({
          placeId: r.placeId,
          officiantId: r.officiantId,
          startsAt,
          endsAt: new Date(startsAt.getTime() + r.slotMinutes * 60_000),
          busyUntil: new Date(startsAt.getTime() + (r.slotMinutes + r.bufferMinutes) * 60_000),
        });
      }
    }
  }
  return slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.placeId < b.placeId ? -1 : a.placeId > b.placeId ? 1 : 0));
}

/**
 * The slots still free: after `now`, and overlapping no busy time of the same place, nor of the
 * slot's officiant when the rule names one.
 */
export function freeSlots(slots: readonly Slot[], busy: readonly Busy[], now: Date): Slot[] {
  const overlaps = (s: Slot, b: Busy) => s.startsAt < b.busyUntil && b.startsAt < s.busyUntil;
  return slots.filter(
    (s) => s.startsAt > now && !busy.some((b) => overlaps(s, b) && (b.placeId === s.placeId || (s.officiantId !== null && b.officiantId === s.officiantId))),
  );
}

/**
 * A place's slots kept ready for the free-slot search: times as numbers and each slot's JSON
 * already written, so a year (~2,800 slots) is filtered and answered without making a Date or an
 * ISO string per slot per request. Sorted by start (one place: one slot per start).
 */
export interface SlotTable {
  /** Start of each slot, ms since the epoch, ascending. */
  readonly starts: Float64Array;
  /** The end with the buffer, ms since the epoch. */
  readonly busyUntil: Float64Array;
  readonly officiantIds: readonly (string | null)[];
  /** `{"startsAt":"…","endsAt":"…"}` per slot. */
  readonly json: readonly string[];
  /** The longest slot with its buffer, ms: how far back a busy time can reach a slot starting before it. */
  readonly longest: number;
}

export function slotTable(slots: readonly Slot[]): SlotTable {
  const starts = new Float64Array(slots.length);
  const busyUntil = new Float64Array(slots.length);
  const officiantIds: (string | null)[] = [];
  const json: string[] = [];
  let longest = 0;
  slots.forEach((s, i) => {
    starts[i] = s.startsAt.getTime();
    busyUntil[i] = s.busyUntil.getTime();
    longest = Math.max(longest, s.busyUntil.getTime() - s.startsAt.getTime());
    officiantIds.push(s.officiantId);
    json.push(`{"startsAt":"${s.startsAt.toISOString()}","endsAt":"${s.endsAt.toISOString()}"}`);
  });
  return { starts, busyUntil, officiantIds, json, longest };
}

/** The first index whose start is after `t` (binary search). */
export function firstAfter(starts: Float64Array, t: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The indexes of a table's slots (ascending) that overlap a busy time of the place (every busy
 * time given is of this place or of an officiant), or of the slot's officiant. Each busy time
 * looks only at the slots that can reach it.
 */
export function takenIndexes(table: SlotTable, placeId: string, busy: readonly Busy[]): number[] {
  const taken = new Set<number>();
  for (const b of busy) {
    const from = b.startsAt.getTime();
    const until = b.busyUntil.getTime();
    for (let i = firstAfter(table.starts, from - table.longest); i < table.starts.length && table.starts[i]! < until; i++) {
      if (table.busyUntil[i]! <= from) continue;
      const officiant = table.officiantIds[i]!;
      if (b.placeId === placeId || (officiant !== null && b.officiantId === officiant)) taken.add(i);
    }
  }
  return [...taken].sort((x, y) => x - y);
}

/** The indexes of a table's free slots, the same rule as `freeSlots`: after `now`, and not taken. */
export function freeIndexes(table: SlotTable, placeId: string, busy: readonly Busy[], now: Date): number[] {
  const taken = new Set(takenIndexes(table, placeId, busy));
  const free: number[] = [];
  for (let i = firstAfter(table.starts, now.getTime()); i < table.starts.length; i++) if (!taken.has(i)) free.push(i);
  return free;
}
