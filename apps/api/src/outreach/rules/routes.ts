/**
 * Planning a day's home visits. Approved applications not yet visited are grouped into routes by
 * area and ordered so that two officials can walk or drive them in one go:
 * 1. sorted by postcode (Norwegian postcodes are laid out geographically: close numbers are
 *    close places), then street name, then house number (numerically: 2 before 10), then name;
 * 2. cut into routes: a new route starts when the postal region (the first two digits of the
 *    postcode) changes or the route has `maxStops` stops.
 * Staff may change the order afterwards; the time windows follow the order.
 */
export interface Plannable {
  id: string;
  postcode: string;
  address: string;
  name: string;
}

export interface PlannedGroup<T extends Plannable> {
  /** "9990" or "9990–9994": the postcodes the route covers. */
  area: string;
  items: T[];
}

export const ORDER_EXPLANATION = 'Ordnet etter postnummer, så gatenavn og husnummer. Ny rute når postnummerområdet (de to første sifrene) skifter eller ruten har fått fullt.';

/** Street and house number out of "Storgata 12 B": ["storgata", 12, "b"]. */
export function addressKey(address: string): [string, number, string] {
  const first = address.split(',')[0]!.trim().toLowerCase();
  const m = /^(.*?)\s+(\d+)\s*([a-zæøå]?)\b/i.exec(first);
  if (!m) return [first, 0, ''];
  return [m[1]!.trim(), Number(m[2]), m[3]!.toLowerCase()];
}

export function compareStops(a: Plannable, b: Plannable): number {
  if (a.postcode !== b.postcode) return a.postcode < b.postcode ? -1 : 1;
  const [sa, na, la] = addressKey(a.address);
  const [sb, nb, lb] = addressKey(b.address);
  return sa.localeCompare(sb, 'nb') || na - nb || la.localeCompare(lb, 'nb') || a.name.localeCompare(b.name, 'nb') || a.id.localeCompare(b.id);
}

export function groupIntoRoutes<T extends Plannable>(items: readonly T[], maxStops = 8): PlannedGroup<T>[] {
  const sorted = [...items].sort(compareStops);
  const groups: T[][] = [];
  for (const item of sorted) {
    const current = groups.at(-1);
    if (current && current.length < maxStops && current[0]!.postcode.slice(0, 2) === item.postcode.slice(0, 2)) current.push(item);
    else groups.push([item]);
  }
  return groups.map((g) => {
    const first = g[0]!.postcode;
    const last = g.at(-1)!.postcode;
    return { area: first === last ? first : `${first}–${last}`, items: g };
  });
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}
function hhmm(total: number): string {
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Consecutive time windows from `start`, one per stop; null when they would run past midnight. */
export function timeWindows(start: string, minutesPerVisit: number, count: number): { from: string; to: string }[] | null {
  const s = minutes(start);
  if (s + minutesPerVisit * count > 24 * 60 - 1) return null;
  return Array.from({ length: count }, (_, i) => ({ from: hhmm(s + i * minutesPerVisit), to: hhmm(s + (i + 1) * minutesPerVisit) }));
}
