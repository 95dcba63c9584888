import { describe, expect, it } from '@jest/globals';
import { norwegianHolidays } from './holidays.js';
import { osloInstant } from './oslo-time.js';
import { freeIndexes, freeSlots, generateSlots, slotTable, type AvailabilityRule, type Busy } from './slots.js';

const rule = (over: Partial<AvailabilityRule> = {}): AvailabilityRule => ({
  placeId: 'room',
  officiantId: null,
  weekday: 5,
  startTime: '10:00',
  endTime: '14:00',
  slotMinutes: 30,
  bufferMinutes: 15,
  validFrom: '2027-01-01',
  validTo: null,
  ...over,
});
const iso = (d: Date) => d.toISOString();

describe('slot generation in Europe/Oslo', () => {
  it('fills the window with slot + buffer, each slot ending by the end time', () => {
    const slots = generateSlots([rule()], { from: '2027-01-08', to: '2027-01-08' });
    expect(slots.map((s) => iso(s.startsAt))).toEqual([
      '2027-01-08T09:00:00.000Z',
      '2027-01-08T09:45:00.000Z',
      '2027-01-08T10:30:00.000Z',
      '2027-01-08T11:15:00.000Z',
      '2027-01-08T12:00:00.000Z',
    ]);
    expect(iso(slots[0]!.endsAt)).toBe('2027-01-08T09:30:00.000Z');
    expect(iso(slots[0]!.busyUntil)).toBe('2027-01-08T09:45:00.000Z');
  });

  it('keeps 10:00 local on both sides of the spring change, the change day included (29 March 2026)', () => {
    const sunday = rule({ weekday: 7, startTime: '10:00', endTime: '10:30', validFrom: '2026-01-01' });
    const slots = generateSlots([sunday], { from: '2026-03-22', to: '2026-04-05' });
    // 22 March in CET (UTC+1); 29 March, the change day, in CEST (UTC+2); 5 April is Easter Sunday: none.
    expect(slots.map((s) => iso(s.startsAt))).toEqual(['2026-03-22T09:00:00.000Z', '2026-03-29T08:00:00.000Z']);
    const fridays = generateSlots([rule({ endTime: '10:30' })], { from: '2027-03-19', to: '2027-04-02' });
    // 26 March 2027 is Good Friday: none.
    expect(fridays.map((s) => iso(s.startsAt))).toEqual(['2027-03-19T09:00:00.000Z', '2027-04-02T08:00:00.000Z']);
  });

  it('keeps 10:00 local on both sides of the autumn change (31 October 2027), the change day included', () => {
    const sunday = rule({ weekday: 7, startTime: '10:00', endTime: '10:30' });
    const slots = generateSlots([sunday], { from: '2027-10-24', to: '2027-11-07' });
    expect(slots.map((s) => iso(s.startsAt))).toEqual(['2027-10-24T08:00:00.000Z', '2027-10-31T09:00:00.000Z', '2027-11-07T09:00:00.000Z']);
  });

  it('maps local wall time to the instant on the change days themselves', () => {
    expect(iso(osloInstant('2027-03-28', 60))).toBe('2027-03-28T00:00:00.000Z');
    expect(iso(osloInstant('2027-03-28', 180))).toBe('2027-03-28T01:00:00.000Z');
    expect(iso(osloInstant('2027-10-31', 240))).toBe('2027-10-31T03:00:00.000Z');
  });

  it('gives nothing on public holidays, moveable feasts computed (Good Friday 2027, Ascension 2028)', () => {
    expect(generateSlots([rule()], { from: '2027-03-26', to: '2027-03-26' })).toEqual([]);
    expect(generateSlots([rule({ weekday: 4 })], { from: '2028-05-25', to: '2028-05-25' })).toEqual([]);
    expect(generateSlots([rule({ weekday: 1 })], { from: '2027-05-17', to: '2027-05-17' })).toEqual([]);
    expect(generateSlots([rule({ weekday: 1 })], { from: '2027-05-10', to: '2027-05-10' })).toHaveLength(5);
  });

  it('knows the public holidays only, not observances', () => {
    const h = norwegianHolidays(2027);
    expect([...h].sort()).toEqual([
      '2027-01-01', '2027-03-25', '2027-03-26', '2027-03-28', '2027-03-29', '2027-05-01', '2027-05-06',
      '2027-05-16', '2027-05-17', '2027-12-25', '2027-12-26',
    ]);
    expect(norwegianHolidays(2028).has('2028-04-14')).toBe(true); // Good Friday 2028
  });

  it('skips blocked days, for one place or all, and days outside the rule', () => {
    const rules = [rule(), rule({ placeId: 'park' })];
    const one = generateSlots(rules, { from: '2027-01-08', to: '2027-01-08', blockedDays: [{ date: '2027-01-08', placeId: 'park' }] });
    expect(new Set(one.map((s) => s.placeId))).toEqual(new Set(['room']));
    expect(generateSlots(rules, { from: '2027-01-08', to: '2027-01-08', blockedDays: [{ date: '2027-01-08', placeId: null }] })).toEqual([]);
    expect(generateSlots([rule({ validFrom: '2027-02-01' })], { from: '2027-01-08', to: '2027-01-08' })).toEqual([]);
    expect(generateSlots([rule({ validTo: '2027-01-07' })], { from: '2027-01-08', to: '2027-01-08' })).toEqual([]);
  });

  it("gives no slots for a rule whose officiant's authorisation has run out", () => {
    const officiants = new Map([['o', { kind: 'authorised' as const, active: true, authorisedFrom: '2026-01-01', authorisedTo: '2027-01-10' }]]);
    const slots = generateSlots([rule({ officiantId: 'o' })], { from: '2027-01-08', to: '2027-01-15', officiants });
    expect(new Set(slots.map((s) => s.startsAt.toISOString().slice(0, 10)))).toEqual(new Set(['2027-01-08']));
  });

  it('leaves out slots in the past and those overlapping a busy time of the place or the officiant', () => {
    const slots = generateSlots([rule({ officiantId: 'o' }), rule({ placeId: 'park', officiantId: null })], {
      from: '2027-01-08',
      to: '2027-01-08',
      officiants: new Map([['o', { kind: 'mayor' as const, active: true, authorisedFrom: null, authorisedTo: null }]]),
    });
    const at = (h: number, m = 0) => new Date(Date.UTC(2027, 0, 8, h, m));
    const free = freeSlots(slots, [{ placeId: 'park', officiantId: 'o', startsAt: at(9, 45), busyUntil: at(10, 30) }], at(9, 10));
    const keys = free.map((s) => `${s.placeId} ${s.startsAt.toISOString().slice(11, 16)}`);
    expect(keys).not.toContain('room 09:00'); // past
    expect(keys).not.toContain('room 09:45'); // the officiant is busy in the park
    expect(keys).not.toContain('park 09:45'); // the park is busy
    expect(keys).toContain('park 10:30');
    expect(keys).toContain('room 10:30');
  });

  it("the slot table gives the same free slots as freeSlots, with each slot's JSON", () => {
    const officiants = new Map([
      ['o', { kind: 'mayor' as const, active: true, authorisedFrom: null, authorisedTo: null }],
      ['p', { kind: 'deputy_mayor' as const, active: true, authorisedFrom: null, authorisedTo: null }],
    ]);
    // Fridays with the mayor, Saturdays with the deputy in 45-minute slots, a week over the autumn change.
    const rules = [rule({ officiantId: 'o' }), rule({ weekday: 6, officiantId: 'p', slotMinutes: 45, bufferMinutes: 30 }), rule({ weekday: 1 })];
    const slots = generateSlots(rules, { from: '2027-10-22', to: '2027-11-06', officiants });
    const table = slotTable(slots);
    const at = (day: number, h: number, m = 0) => new Date(Date.UTC(2027, 9, day, h, m));
    const busy: Busy[] = [
      { placeId: 'room', officiantId: null, startsAt: at(29, 9, 40), busyUntil: at(29, 10, 0) }, // the room, across two slots
      { placeId: 'park', officiantId: 'p', startsAt: at(30, 10, 0), busyUntil: at(30, 10, 5) }, // the deputy elsewhere
      { placeId: 'park', officiantId: 'x', startsAt: at(29, 8, 0), busyUntil: at(29, 13, 0) }, // someone else elsewhere: no effect
      { placeId: 'room', officiantId: null, startsAt: at(25, 9, 30), busyUntil: at(25, 9, 45) }, // exactly the buffer after 09:00: no overlap
    ];
    const now = at(23, 9, 0);
    const expected = freeSlots(slots, busy, now);
    const free = freeIndexes(table, 'room', busy, now);
    expect(free.map((i) => slots[i])).toEqual(expected);
    expect(expected.length).toBeLessThan(slots.length - 3);
    const first = JSON.parse(table.json[free[0]!]!) as { startsAt: string; endsAt: string };
    expect(first).toEqual({ startsAt: expected[0]!.startsAt.toISOString(), endsAt: expected[0]!.endsAt.toISOString() });
  });
});
