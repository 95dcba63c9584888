import Holidays from 'date-holidays';

const norway = new Holidays('NO');
const cache = new Map<number, ReadonlySet<string>>();

/**
 * Norway's public holidays (helligdager and 1 and 17 May) of a year as ISO dates, computed by
 * date-holidays (Easter and the feasts that move with it included); observances are left out.
 */
export function norwegianHolidays(year: number): ReadonlySet<string> {
  let set = cache.get(year);
  if (!set) {
    set = new Set(norway.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    cache.set(year, set);
  }
  return set;
}

export function isNorwegianHoliday(day: string): boolean {
  return norwegianHolidays(Number(day.slice(0, 4))).has(day);
}
