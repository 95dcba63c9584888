/** The current time, injectable so that tests can place themselves inside a voting period. */
export const CLOCK = Symbol('CLOCK');

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Norwegian local date (YYYY-MM-DD) and time (HH:MM) of an instant. */
const OSLO = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });

export function osloDateTime(at: Date): { date: string; time: string } {
  const [date, time] = OSLO.format(at).split(' ');
  return { date: date!, time: time! };
}
