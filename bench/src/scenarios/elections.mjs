import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { postgresCpuSeconds, processCpuSeconds } from '../lib/cpu.mjs';
import { percentile, round } from '../lib/stats.mjs';
import { freshDatabase, login as loginAs, startSystem } from '../lib/system.mjs';

/**
 * The counter under load (issue 6): import of a synthetic roll of VOTERS voters (default 5 M) with
 * COPY, lookup latency over HTTP against that roll, and registration throughput over HTTP with
 * 50 concurrent clients, counting double registrations. Runs the built system as a child process
 * on its own database (DATABASE_URL's server, default the machine's 127.0.0.1:5432).
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const API = path.join(ROOT, 'apps/api/dist');
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const VOTERS = Number(process.env.BENCH_VOTERS ?? 5_000_000);
const LOOKUPS = 2000;
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
const PORT = 3970;
const run = promisify(execFile);

function today() {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
}
function addDays(iso, n) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export default {
  name: 'elections',
  description: `roll import of ${VOTERS.toLocaleString('en')} voters, lookup p95 and registration throughput over HTTP (${CONNECTIONS} clients)`,
  targets: {
    roll_import_s: { max: 90 },
    lookup_p95_ms: { max: 10 },
    registrations_per_s: { min: 2000 },
    double_registrations: { max: 0 },
  },
  async run({ log }) {
    const databaseUrl = await freshDatabase('sek_bench_elections');
    const system = await startSystem({ databaseUrl, port: PORT, env: { DB_POOL_MAX: '45' } });
    const { base } = system;
    try {
      const login = (username) => loginAs(base, username);
      const organiser = await login('sekretariat');
      const clerk = await login('valgmedarbeider');
      const api = async (method, p, body, cookie = organiser) => {
        const res = await fetch(`${base}${p}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
        const json = await res.json();
        if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(json)}`);
        return json;
      };
      const day = today();
      const election = await api('POST', '/api/elections', { name: 'Benchmark-folkeavstemning', type: 'folkeavstemning', electionDay: addDays(day, 7), advanceFrom: addDays(day, -1), advanceTo: addDays(day, 1) });
      const place = await api('POST', `/api/elections/${election.id}/places`, { name: 'Servicetorget', openingHours: [{ date: day, from: '00:00', to: '23:59' }], staff: ['valgmedarbeider'] });

      // Roll: generated once per size and kept under .data/bench.
      const rollFile = path.join(ROOT, `.data/bench/roll-${VOTERS}.csv`);
      if (!existsSync(rollFile)) {
        log(`generating ${rollFile}`);
        await run(NODE, [path.join(ROOT, 'scripts/gen-roll.mjs'), '--voters', String(VOTERS), '--out', rollFile, '--own', '9901', '--own-share', '0.02'], { cwd: ROOT });
      }
      const { importRoll } = await import(path.join(API, 'elections/roll-import.js'));
      const municipality = (await api('GET', '/api/auth/me')).user.municipality.id;
      log('importing the roll');
      const t0 = performance.now();
      const result = await importRoll({ databaseUrl, electionId: election.id, municipalityId: municipality, source: createReadStream(rollFile, { highWaterMark: 1 << 20 }) });
      const importS = (performance.now() - t0) / 1000;
      if (!result.committed) throw new Error(result.message);
      log(`imported ${result.imported} in ${round(importS, 1)} s`);

      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      await db.query('analyze roll_voter');
      const sample = (await db.query(`select personal_number from roll_voter tablesample system (1) limit ${LOOKUPS + 200000}`)).rows.map((r) => r.personal_number);

      // Lookup latency: sequential requests, as at one counter, over a kept-alive connection.
      const lookups = [];
      for (let i = 0; i < LOOKUPS; i++) {
        const pn = sample[(i * 7919) % sample.length];
        const t = performance.now();
        const res = await fetch(`${base}/api/elections/${election.id}/lookup?personalNumber=${pn}`, { headers: { cookie: clerk } });
        await res.json();
        lookups.push(performance.now() - t);
        if (res.status !== 200) throw new Error(`lookup ${res.status}`);
      }

      // Registration throughput: 50 clients, each request a different voter and a new idempotency key.
      const voters = sample.slice(LOOKUPS);
      let next = 0;
      const apiPid = system.pid;
      const cpuApi0 = await processCpuSeconds(apiPid);
      const cpuPg0 = await postgresCpuSeconds();
      const result2 = await autocannon({
        url: `${base}/api/elections/${election.id}/votes`,
        connections: CONNECTIONS,
        duration: DURATION_S,
        method: 'POST',
        headers: { cookie: clerk, 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({ personalNumber: voters[next++ % voters.length], votingPlaceId: place.id, identityChecked: true, idempotencyKey: randomUUID(), envelopeSerial: null }),
            }),
          },
        ],
      });
      const cpuApi = (await processCpuSeconds(apiPid)) - cpuApi0;
      const cpuPg = (await postgresCpuSeconds()) - cpuPg0;
      const doubles = (await db.query(`select count(*)::int as n from (select personal_number from advance_vote where status = 'approved' group by election_id, personal_number having count(*) > 1) d`)).rows[0].n;
      const counted = (await db.query(`select count(*)::int as n from advance_vote where status = 'approved'`)).rows[0].n;
      await db.end();
      const ok = result2['2xx'];
      log(`${ok} registered, ${result2.non2xx} refused (voters repeat once the sample is used up), ${counted} counted; API ${cpuApi} s CPU, PostgreSQL ${cpuPg} s CPU`);
      return {
        metrics: {
          voters: result.imported,
          roll_import_s: round(importS, 1),
          roll_import_rows_per_s: Math.round(result.imported / importS),
          lookup_p50_ms: round(percentile(lookups, 50), 2),
          lookup_p95_ms: round(percentile(lookups, 95), 2),
          registrations_per_s: Math.round(ok / DURATION_S),
          registration_p50_ms: result2.latency.p50,
          registration_p97_5_ms: result2.latency.p97_5,
          non2xx: result2.non2xx,
          double_registrations: doubles,
          api_cpu_share: round(cpuApi / (cpuApi + cpuPg || 1), 2),
          postgres_cpu_share: round(cpuPg / (cpuApi + cpuPg || 1), 2),
        },
        context: { connections: CONNECTIONS, duration_s: DURATION_S },
      };
    } finally {
      await system.stop();
    }
  },
};
