import pg from 'pg';
import { median, percentile, round } from '../lib/stats.mjs';
import { freshDatabase, login as loginAs, startSystem } from '../lib/system.mjs';

/**
 * Civil weddings (issue 14): the public free-slot search for a whole year over HTTP, across 5
 * places and 6 officiants with weekly availability, and 200 couples racing for the same slot
 * (exactly one hold; `double_bookings` counts rows beyond one in the database).
 */
const PORT = 3972;
const SEARCHES = 200;
const RACERS = 200;

function osloToday() {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
}
function addDays(iso, n) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export default {
  name: 'weddings',
  description: `free slots for a year over HTTP (5 places, 6 officiants; ${SEARCHES} searches) and ${RACERS} concurrent holds of one slot`,
  targets: {
    free_slots_p95_ms: { max: 20 },
    double_bookings: { max: 0 },
  },
  async run({ log }) {
    const databaseUrl = await freshDatabase('sek_bench_weddings');
    const system = await startSystem({ databaseUrl, port: PORT });
    const { base } = system;
    try {
      const staff = await loginAs(base, 'vigsel');
      const api = async (method, p, body, cookie = staff) => {
        const res = await fetch(`${base}${p}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
        const json = res.status === 204 ? null : await res.json();
        if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(json)}`);
        return json;
      };
      const today = osloToday();
      const places = (await api('GET', '/api/weddings/places')).items;
      for (let i = places.length; i < 5; i++) {
        places.push(await api('POST', '/api/weddings/places', { name: `Benkrom ${i + 1}`, capacity: 30, accessibility: '' }));
      }
      const officiants = (await api('GET', '/api/weddings/officiants')).items;
      for (let i = officiants.length; i < 6; i++) {
        officiants.push(await api('POST', '/api/weddings/officiants', { name: `Vigsler ${i + 1}`, kind: 'authorised', decisionRef: `KS ${i}/26`, authorisedFrom: addDays(today, -30), authorisedTo: addDays(today, 400) }));
      }
      // Every place open Monday to Saturday, 09:00–15:00 in 30-minute slots, with officiants in turn.
      for (const [p, place] of places.entries()) {
        for (let weekday = 1; weekday <= 6; weekday++) {
          const officiant = officiants[(p + weekday) % officiants.length];
          await api('POST', '/api/weddings/availability', { placeId: place.id, officiantId: officiant.id, weekday, startTime: '09:00', endTime: '15:00', slotMinutes: 30, bufferMinutes: 15, validFrom: today, validTo: null });
        }
      }
      const from = addDays(today, 1);
      const to = addDays(from, 365);
      const url = (place) => `${base}/api/public/demo/weddings/slots?placeId=${place.id}&from=${from}&to=${to}`;
      let slotCount = 0;
      for (const place of places) slotCount = Math.max(slotCount, (await (await fetch(url(place))).json()).slots.length); // warm-up
      const samples = [];
      for (let i = 0; i < SEARCHES; i++) {
        const t = performance.now();
        const res = await fetch(url(places[i % places.length]));
        await res.json();
        samples.push(performance.now() - t);
        if (res.status !== 200) throw new Error(`slots ${res.status}`);
      }
      log(`free slots: p50 ${round(median(samples), 2)} ms, p95 ${round(percentile(samples, 95), 2)} ms (up to ${slotCount} slots a place)`);

      // The race: every couple wants the first free slot of the third place.
      const target = places[2];
      const first = (await (await fetch(url(target))).json()).slots[0];
      const statuses = await Promise.all(
        Array.from({ length: RACERS }, () =>
          fetch(`${base}/api/public/demo/weddings/holds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ placeId: target.id, startsAt: first.startsAt }) }).then(async (r) => {
            const body = await r.json();
            return r.status === 409 ? body.code : r.status;
          }),
        ),
      );
      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      const rows = (await db.query(`select count(*)::int as n from wedding_booking where place_id = $1 and starts_at = $2 and status in ('held', 'booked')`, [target.id, first.startsAt])).rows[0].n;
      await db.end();
      const won = statuses.filter((s) => s === 201).length;
      const taken = statuses.filter((s) => s === 'WEDDING_SLOT_TAKEN').length;
      log(`race: ${won} hold, ${taken} WEDDING_SLOT_TAKEN, ${RACERS - won - taken} other; ${rows} row(s) in the database`);
      if (won !== 1 || taken !== RACERS - 1) throw new Error(`race gave ${JSON.stringify(statuses.filter((s) => s !== 'WEDDING_SLOT_TAKEN'))}`);
      return {
        metrics: {
          places: places.length,
          officiants: officiants.length,
          slots_per_place_year: slotCount,
          free_slots_p50_ms: round(median(samples), 2),
          free_slots_p95_ms: round(percentile(samples, 95), 2),
          race_holds: won,
          race_slot_taken: taken,
          double_bookings: Math.max(0, rows - 1),
        },
        context: { searches: SEARCHES, racers: RACERS, period_days: 365 },
      };
    } finally {
      await system.stop();
    }
  },
};
