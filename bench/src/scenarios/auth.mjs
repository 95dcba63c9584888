import autocannon from 'autocannon';
import { loadavg } from 'node:os';
import { processCpuSeconds } from '../lib/cpu.mjs';
import { round } from '../lib/stats.mjs';
import { freshDatabase, login as loginAs, startSystem } from '../lib/system.mjs';

/**
 * The fixed cost of a signed-in request (issue 17): plain authenticated GETs over HTTP with 10
 * clients, counted per CPU-second of the API process (read from /proc), so the figure says what
 * a request costs the API rather than how busy the machine was. `GET /api/bodies` reads tenant data
 * (session, tenant scope, one query, commit); `GET /api/auth/me` reads none (session only).
 */
const PORT = 3973;
const CONNECTIONS = 10;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);

async function perCpuSecond(pid, url, cookie) {
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers: { cookie } }); // warm-up
  const cpu0 = await processCpuSeconds(pid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers: { cookie } });
  const cpu = (await processCpuSeconds(pid)) - cpu0;
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { perCpuS: Math.round(result.requests.total / cpu), perS: Math.round(result.requests.total / DURATION_S), cpuMs: round((cpu * 1000) / result.requests.total, 3), p50: result.latency.p50 };
}

export default {
  name: 'auth',
  description: `requests per API CPU-second for plain authenticated GETs (${CONNECTIONS} clients, ${DURATION_S} s each)`,
  targets: {},
  async run({ log }) {
    const databaseUrl = await freshDatabase('sek_bench_auth');
    const system = await startSystem({ databaseUrl, port: PORT });
    try {
      const cookie = await loginAs(system.base, 'sekretariat');
      const loadBefore = round(loadavg()[0], 1);
      const bodies = await perCpuSecond(system.pid, `${system.base}/api/bodies`, cookie);
      const me = await perCpuSecond(system.pid, `${system.base}/api/auth/me`, cookie);
      log(`GET /api/bodies: ${bodies.perCpuS}/CPU-s (${bodies.cpuMs} ms CPU each, ${bodies.perS}/s); GET /api/auth/me: ${me.perCpuS}/CPU-s (${me.cpuMs} ms, ${me.perS}/s)`);
      return {
        metrics: {
          authenticated_get_per_cpu_s: bodies.perCpuS,
          authenticated_get_cpu_ms: bodies.cpuMs,
          authenticated_get_per_s: bodies.perS,
          authenticated_get_p50_ms: bodies.p50,
          session_only_get_per_cpu_s: me.perCpuS,
          session_only_get_cpu_ms: me.cpuMs,
        },
        context: { connections: CONNECTIONS, duration_s: DURATION_S, load_before: loadBefore, load_after: round(loadavg()[0], 1), routes: ['GET /api/bodies', 'GET /api/auth/me'] },
      };
    } finally {
      await system.stop();
    }
  },
};
