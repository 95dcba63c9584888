import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { median, percentile, round } from '../lib/stats.mjs';

/**
 * The officials' reader (issue "Meetings, agendas and case documents"): GET /api/reader/meetings/:id
 * for a meeting of ITEMS items and DOCUMENTS documents, as the demo official (a member of the body,
 * so exempt papers are open), over HTTP with a kept-alive connection, sequential requests. The API runs
 * in this process on its own database so the SQL statements per request can be counted through
 * MikroORM's logger, the same way as the query-count integration test.
 */
const API_DIST = new URL('../../../apps/api/dist/', import.meta.url);
const ITEMS = 100;
const DOCUMENTS = 500;
const WARM_UP = 30;
const RUNS = Number(process.env.BENCH_READER_RUNS ?? 500);
const PORT = 3971;
const PASSWORD = 'bench-passord-1';

async function loadApi() {
  const file = new URL('create-app.js', API_DIST);
  if (!existsSync(file)) throw new Error(`${file.pathname} is missing: build the API first (npm run build -w @sekretariat/api).`);
  const nest = createRequire(new URL('../package.json', API_DIST)).resolve('@nestjs/common');
  const { Logger } = await import(pathToFileURL(nest).href);
  Logger.overrideLogger(['warn', 'error']);
  const [{ parseConfig }, { createApp }, { migrate }, { ormOptions }, { seedMunicipality }, { MikroORM }] = await Promise.all([
    import(new URL('config/config.js', API_DIST).href),
    import(file.href),
    import(new URL('database/migrate.js', API_DIST).href),
    import(new URL('database/orm-options.js', API_DIST).href),
    import(new URL('database/seed/seed-municipality.js', API_DIST).href),
    import(pathToFileURL(createRequire(new URL('../package.json', API_DIST)).resolve('@mikro-orm/postgresql')).href),
  ]);
  return { parseConfig, createApp, migrate, ormOptions, seedMunicipality, MikroORM };
}

/** A published meeting of Kommunestyret, a week ahead: ITEMS cases (every fifth exempt) with DOCUMENTS documents between them. */
async function insertMeeting(db) {
  const { rows: [ks] } = await db.query(`select id, municipality_id from body where kind = 'kommunestyre'`);
  const { rows: [official] } = await db.query(`select id from app_user where username = 'politiker'`);
  const startsAt = new Date(Date.now() + 7 * 86400_000);
  const year = startsAt.getUTCFullYear();
  const meetingId = randomUUID();
  await db.query('begin');
  await db.query(`insert into meeting (id, municipality_id, body_id, starts_at, place, status) values ($1, $2, $3, $4, 'Kommunestyresalen', 'notice_sent')`, [meetingId, ks.municipality_id, ks.id, startsAt]);
  const perCase = DOCUMENTS / ITEMS;
  for (let i = 1; i <= ITEMS; i++) {
    const caseId = randomUUID();
    const exempt = i % 5 === 0;
    await db.query(
      `insert into political_case (id, municipality_id, archive_reference, title, case_officer, summary, background, assessment, recommendation, public, legal_ground)
       values ($1, $2, $3, $4, 'Åse Bække', $5, $6, $7, $8, $9, $10)`,
      [caseId, ks.municipality_id, `${year % 100}/${9000 + i}`, `Sak ${i}: reguleringsplan for Bæverfjord næringsområde`, 'Kort sammendrag av saken. '.repeat(8), 'Bakgrunn for saken. '.repeat(60), 'Kommunedirektørens vurdering. '.repeat(60), 'Kommunestyret vedtar planen.', !exempt, exempt ? 'offl13-fvl13' : null],
    );
    const itemId = randomUUID();
    await db.query(
      `insert into agenda_item (id, municipality_id, meeting_id, body_id, case_id, type, year, sequence, number, position) values ($1, $2, $3, $4, $5, 'PS', $6, $7, $8, $7)`,
      [itemId, ks.municipality_id, meetingId, ks.id, caseId, year, 9000 + i, `PS ${9000 + i}/${String(year % 100).padStart(2, '0')}`],
    );
    if (i % 2 === 0) await db.query(`insert into reader_read_mark (id, municipality_id, user_id, agenda_item_id) values ($1, $2, $3, $4)`, [randomUUID(), ks.municipality_id, official.id, itemId]);
    for (let d = 0; d < perCase; d++) {
      const docId = randomUUID();
      const docExempt = d === perCase - 1 && i % 3 === 0;
      await db.query(
        `insert into case_document (id, municipality_id, case_id, title, filename, content_type, size, sha256, public, legal_ground, position, storage_key)
         values ($1, $2, $3, $4, $5, 'application/pdf', 250000, $6, $7, $8, $9, $10)`,
        [docId, ks.municipality_id, caseId, `Vedlegg ${d + 1} til sak ${i}`, `vedlegg-${i}-${d + 1}.pdf`, '0'.repeat(64), !docExempt, docExempt ? 'offl13-fvl13' : null, d, `bench/${docId}`],
      );
      if (d % 2 === 0) await db.query(`insert into reader_read_mark (id, municipality_id, user_id, document_id) values ($1, $2, $3, $4)`, [randomUUID(), ks.municipality_id, official.id, docId]);
      if (d === 0) {
        await db.query(`insert into reader_annotation (id, municipality_id, user_id, document_id, page, quote, text, client_updated_at) values ($1, $2, $3, $4, 2, 'sitat', 'Et notat', now())`, [randomUUID(), ks.municipality_id, official.id, docId]);
      }
    }
  }
  await db.query('commit');
  await db.query('analyze');
  return meetingId;
}

export default {
  name: 'reader',
  description: `GET /api/reader/meetings/:id for a meeting of ${ITEMS} items and ${DOCUMENTS} documents, as the official, over HTTP; SQL statements per request`,
  targets: {
    p95_ms: { max: 30 },
    response_kb: { max: 150 },
    queries_per_request: { max: 12 },
  },

  async run({ log }) {
    const api = await loadApi();
    const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const dbName = 'sek_bench_reader';
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.query(`create database ${dbName}`);
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    const dbUrl = url.toString();

    let app;
    const db = new pg.Client({ connectionString: dbUrl });
    try {
      const setup = await api.MikroORM.init(api.ormOptions(dbUrl));
      try {
        await api.migrate(setup);
        await api.seedMunicipality(setup, { slug: 'demo', name: 'Fjordvik kommune', number: '9901', password: PASSWORD, seed: 1 });
      } finally {
        await setup.close();
      }
      await db.connect();
      log(`inserting a meeting of ${ITEMS} items and ${DOCUMENTS} documents`);
      const meetingId = await insertMeeting(db);

      const config = api.parseConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'error', JOBS_IN_PROCESS: 'false' });
      const created = await api.createApp(config, dbUrl, { bufferLogs: false });
      app = created.app;
      await app.init();
      await app.listen({ port: PORT, host: '127.0.0.1' });
      const base = `http://127.0.0.1:${PORT}`;
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'politiker', password: PASSWORD }) });
      if (!login.ok) throw new Error(`login: ${login.status}`);
      const cookie = login.headers.get('set-cookie').split(';')[0];

      const read = async () => {
        const res = await fetch(`${base}/api/reader/meetings/${meetingId}`, { headers: { cookie } });
        const body = await res.json();
        if (res.status !== 200) throw new Error(`reader: ${res.status} ${JSON.stringify(body)}`);
        return body;
      };
      const first = await read();
      const documents = first.items.reduce((n, i) => n + i.documentCount, 0);
      if (first.items.length !== ITEMS || documents !== DOCUMENTS) throw new Error(`got ${first.items.length} items and ${documents} documents`);
      const bytes = Buffer.byteLength(JSON.stringify(first));
      // One item in full (what the item page loads, and what the offline cache fetches per item).
      const itemRes = await fetch(`${base}/api/reader/items/${first.items[0].id}`, { headers: { cookie } });
      if (itemRes.status !== 200) throw new Error(`reader item: ${itemRes.status}`);
      const itemBytes = Buffer.byteLength(await itemRes.text());
      // Measured: the whole response received, not parsed (parsing is the client's cost, not the API's).
      const fetchOnly = async () => {
        const res = await fetch(`${base}/api/reader/meetings/${meetingId}`, { headers: { cookie } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`reader: ${res.status}`);
      };
      for (let i = 0; i < WARM_UP; i++) await fetchOnly();

      // Every statement MikroORM sends passes its logger; count those of the measured requests.
      const logger = created.orm.config.getLogger();
      const original = logger.logQuery.bind(logger);
      let queries = 0;
      let sqlMs = 0;
      logger.logQuery = (context) => {
        queries++;
        sqlMs += context.took ?? 0;
        original(context);
      };
      const load = loadavg()[0];
      if (load > 0.5) log(`warning: load average ${load.toFixed(2)} before the run; figures will be noisy`);
      log(`${RUNS} sequential requests`);
      const times = [];
      try {
        for (let i = 0; i < RUNS; i++) {
          const t = performance.now();
          await fetchOnly();
          times.push(performance.now() - t);
        }
      } finally {
        logger.logQuery = original;
      }
      return {
        metrics: {
          items: ITEMS,
          documents: DOCUMENTS,
          p50_ms: round(median(times), 2),
          p95_ms: round(percentile(times, 95), 2),
          p99_ms: round(percentile(times, 99), 2),
          queries_per_request: round(queries / RUNS, 2),
          /** Time inside the SQL statements (MikroORM's own measure, whole milliseconds per statement). */
          sql_ms_per_request: round(sqlMs / RUNS, 2),
          response_kb: round(bytes / 1024, 1),
          /** GET /api/reader/items/:id for one item (its case presentation and 5 documents). */
          item_response_kb: round(itemBytes / 1024, 1),
        },
        context: { runs: RUNS, warm_up: WARM_UP, client: 'fetch, same process, kept-alive connection', load_1m_before: round(load, 2) },
      };
    } finally {
      await app?.close();
      await db.end().catch(() => {});
      await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => {});
      await admin.end();
    }
  },
};
