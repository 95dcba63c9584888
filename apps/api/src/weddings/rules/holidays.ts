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

/** A public holiday with its name in Norwegian and English (date-holidays has no nynorsk). */
export interface NamedHoliday {
  date: string;
  name: { nb: string; en: string };
}

/** The public holidays of a year with their names, by date (17 May can be two: Grunnlovsdagen and Andre pinsedag). */
export function norwegianHolidayList(year: number): NamedHoliday[] {
  const en = new Map(norway.getHolidays(year, 'en').filter((h) => h.type === 'public').map((h) => [`${h.date}|${h.rule}`, h.name]));
  return norway
    .getHolidays(year, 'no')
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: h.date.slice(0, 10), name: { nb: h.name, en: en.get(`${h.date}|${h.rule}`) ?? h.name } }));
}
