import { loadavg } from 'node:os';
import pg from 'pg';
import { percentile, round } from '../lib/stats.mjs';
import { freshDatabase, login as loginAs, startSystem } from '../lib/system.mjs';

/**
 * Full-text search (issue 5, item 7): DOCUMENTS case documents (default 100,000) with generated
 * Norwegian text, written straight into the database with SQL (generation is not what is measured),
 * then GET /api/search over HTTP with a set of varied queries: common and rare words, inflected
 * forms, phrases, negation, several words, and deep pages. Measured as the secretariat (sees all),
 * as an elected official (exempt papers filtered by body in SQL) and as the public (published
 * papers only). Runs the built system as a child process on its own database.
 */
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 100_000);
const DOCUMENTS_PER_CASE = 5;
const ROUNDS = 3;
const PORT = 4102;

/** Topics of municipal case work: each has its own words; documents are mostly about one topic. */
const TOPICS = [
  ['barnehage', ['Kommunen trenger flere barnehageplasser i Nordbygda.', 'Barnehagen ved Fjordvik skole har venteliste.', 'Det foreslås å bygge en ny barnehage med seks avdelinger.', 'Foreldrebetalingen i barnehagene følger maksimalprisen.', 'Barnehagebehovet er beregnet ut fra fødselstallene.']],
  ['skole', ['Skolebruksplanen vurderer sammenslåing av to skoler.', 'Elevtallet ved Sørbygda skole har gått ned over flere år.', 'Skolebygget har behov for rehabilitering av ventilasjonsanlegget.', 'Skoleskyssen må vurderes på nytt ved endret skolegrense.', 'Lærertettheten oppfyller normen i opplæringsloven.']],
  ['vei', ['Fylkesveien gjennom sentrum skal få ny gang- og sykkelvei.', 'Veivedlikeholdet har et etterslep på flere millioner kroner.', 'Trafikksikkerhetsplanen prioriterer skoleveiene.', 'Brøyting og strøing av kommunale veier settes ut på anbud.', 'Det er søkt om fartsdumper i boligfeltet.']],
  ['vann', ['Vannverket i Nordbygda må oppgraderes for å møte drikkevannsforskriften.', 'Avløpsnettet har lekkasjer som gir innlekking av overvann.', 'Gebyrene for vann og avløp økes med fire prosent.', 'Ny høydebasseng sikrer vannforsyningen ved brann.', 'Separering av overvann og spillvann gjennomføres etappevis.']],
  ['helse', ['Sykehjemmet har behov for tolv nye langtidsplasser.', 'Hjemmetjenesten melder om økt pågang og lange kjøreavstander.', 'Legevakten samarbeider med nabokommunene om nattberedskap.', 'Fastlegeordningen er under press og rekruttering er krevende.', 'Velferdsteknologi skal prøves ut i omsorgsboligene.']],
  ['plan', ['Reguleringsplanen for Fjordvik sentrum legges ut til offentlig ettersyn.', 'Kommuneplanens arealdel avsetter nye områder til bolig.', 'Dispensasjon fra byggegrensen mot sjø anbefales ikke.', 'Planprogrammet beskriver konsekvensutredningen.', 'Innsigelse fra statsforvalteren gjelder jordvern.']],
  ['økonomi', ['Økonomiplanen viser et merforbruk i helse og omsorg.', 'Budsjettjusteringen dekker økte strømkostnader.', 'Disposisjonsfondet er under anbefalt nivå.', 'Lånegjelden øker som følge av investeringene.', 'Årsregnskapet viser et netto driftsresultat på to prosent.']],
  ['kultur', ['Kulturhuset får tilskudd til ny scenerigg.', 'Biblioteket utvider åpningstidene med meråpent bibliotek.', 'Idrettsanlegget ved stadion trenger nytt kunstgress.', 'Frivilligsentralen søker om driftstilskudd.', 'Kulturskolen har venteliste på flere instrumenter.']],
  ['næring', ['Næringsarealet ved havna selges til lokale bedrifter.', 'Kommunen søker om midler til omstilling etter nedleggelsen.', 'Reiselivsstrategien satser på helårsturisme.', 'Havbruksfondet gir inntekter til kommunen.', 'Skjenkebevilling for uteservering innvilges for sesongen.']],
  ['klima', ['Klimaplanen setter mål om halvering av utslippene.', 'Flomsonekartet viser at flere boliger ligger utsatt til.', 'Kommunens bilpark skal elektrifiseres innen fire år.', 'Rassikring langs fjellsiden prioriteres i handlingsplanen.', 'Energieffektivisering av formålsbyggene gir lavere driftskostnader.']],
];
const COMMON = [
  'Saken legges fram for politisk behandling.',
  'Kommunedirektøren anbefaler at forslaget vedtas.',
  'Tiltaket er innarbeidet i budsjettet for neste år.',
  'Høringsuttalelsene er oppsummert i vedlegget.',
  'Administrasjonen vil komme tilbake med en egen sak.',
  'Vurderingen bygger på tall fra Statistisk sentralbyrå.',
  'Forslaget har vært drøftet med tillitsvalgte.',
  'Det vises til tidligere vedtak i kommunestyret.',
];

export const QUERIES = [
  'barnehager', 'barnehage', 'skolebruksplan', 'skoler', 'gang- og sykkelvei', 'vannverket', 'avløp', 'sykehjem', 'hjemmetjenesten',
  'reguleringsplan', '"offentlig ettersyn"', 'dispensasjon byggegrense', 'økonomiplan', 'disposisjonsfond', 'kunstgress', 'bibliotek',
  'havbruksfondet', 'skjenkebevilling', 'klimaplan', 'flomsone', 'rassikring', 'fastlege', 'velferdsteknologi', 'ventilasjonsanlegget',
  'barnehage -nordbygda', 'skole or barnehage', 'trafikksikkerhet skolevei', 'statsforvalteren jordvern', 'strømkostnader', 'kommunedirektøren',
  'vedtak', 'budsjett', 'Fjordvik sentrum', 'gnr 45', 'elevtall', 'legevakt natt', 'høydebasseng brann', 'innsigelse', 'kulturskole venteliste', 'omstilling',
];

export default {
  name: 'search',
  description: `full-text search over ${DOCUMENTS.toLocaleString('en')} generated documents: latency of GET /api/search over HTTP`,
  targets: {
    staff_p95_ms: { max: 50 },
    official_p95_ms: { max: 50 },
    public_p95_ms: { max: 50 },
  },
  async run({ log }) {
    const databaseUrl = await freshDatabase('sek_bench_search');
    const system = await startSystem({ databaseUrl, port: PORT, env: { JOBS_IN_PROCESS: 'false' } });
    const { base } = system;
    try {
      const login = (username) => loginAs(base, username);
      const secretariat = await login('sekretariat');
      const official = await login('politiker');
      const me = await (await fetch(`${base}/api/auth/me`, { headers: { cookie: secretariat } })).json();
      const municipalityId = me.user.municipality.id;
      const slug = me.user.municipality.slug ?? 'demo';

      const db = new pg.Client({ connectionString: databaseUrl });
      await db.connect();
      log(`generating ${DOCUMENTS.toLocaleString('en')} documents`);
      const t0 = performance.now();
      await generate(db, municipalityId);
      const generateS = (performance.now() - t0) / 1000;
      const { rows: [size] } = await db.query(`select pg_size_pretty(pg_total_relation_size('case_document')) as documents, pg_size_pretty(pg_relation_size('case_document_search_index')) as gin`);
      log(`generated in ${round(generateS, 1)} s; case_document ${size.documents}, GIN index ${size.gin}`);
      await db.end();

      const measure = async (label, urlFor, cookie) => {
        const times = [];
        let hits = 0;
        // One warm-up pass (plans, caches), then ROUNDS measured passes.
        for (let round_ = 0; round_ <= ROUNDS; round_++) {
          for (const [i, q] of QUERIES.entries()) {
            const offset = i % 10 === 9 ? 100 : 0;
            const t = performance.now();
            const res = await fetch(urlFor(q, offset), { headers: cookie ? { cookie } : {} });
            const body = await res.json();
            const ms = performance.now() - t;
            if (res.status !== 200) throw new Error(`${label} ${q}: ${res.status} ${JSON.stringify(body)}`);
            if (round_ > 0) {
              times.push(ms);
              hits += body.total;
            }
          }
        }
        log(`${label}: p50 ${round(percentile(times, 50), 1)} ms, p95 ${round(percentile(times, 95), 1)} ms, max ${round(Math.max(...times), 1)} ms, mean hits ${Math.round(hits / times.length)}`);
        return times;
      };
      // The machine is shared: say how busy it was, so runs can be compared fairly.
      const loadBefore = round(loadavg()[0], 2);
      log(`load average before measuring: ${loadBefore}`);
      // A control: the cheapest signed-in request (session, tenant transaction, JSON), to tell
      // what the search adds from what any request costs on this machine at this moment.
      const control = [];
      for (let i = 0; i < 4 * QUERIES.length; i++) {
        const t = performance.now();
        await (await fetch(`${base}/api/auth/me`, { headers: { cookie: secretariat } })).json();
        if (i >= QUERIES.length) control.push(performance.now() - t);
      }
      log(`control GET /api/auth/me: p50 ${round(percentile(control, 50), 1)} ms, p95 ${round(percentile(control, 95), 1)} ms`);
      const staffUrl = (q, offset) => `${base}/api/search?q=${encodeURIComponent(q)}&limit=20&offset=${offset}`;
      const staff = await measure('secretariat', staffUrl, secretariat);
      const officialTimes = await measure('official', staffUrl, official);
      const publicTimes = await measure('public', (q, offset) => `${base}/api/public/${slug}/search?q=${encodeURIComponent(q)}&limit=20&offset=${offset}`);
      return {
        metrics: {
          documents: DOCUMENTS,
          cases: Math.ceil(DOCUMENTS / DOCUMENTS_PER_CASE),
          generate_s: round(generateS, 1),
          control_p50_ms: round(percentile(control, 50), 2),
          control_p95_ms: round(percentile(control, 95), 2),
          staff_p50_ms: round(percentile(staff, 50), 2),
          staff_p95_ms: round(percentile(staff, 95), 2),
          official_p50_ms: round(percentile(officialTimes, 50), 2),
          official_p95_ms: round(percentile(officialTimes, 95), 2),
          public_p50_ms: round(percentile(publicTimes, 50), 2),
          public_p95_ms: round(percentile(publicTimes, 95), 2),
        },
        context: { queries: QUERIES.length, rounds: ROUNDS, documents_per_case: DOCUMENTS_PER_CASE, load_before: loadBefore, load_after: round(loadavg()[0], 2) },
      };
    } finally {
      await system.stop();
    }
  },
};

/**
 * Cases with their saksframlegg and DOCUMENTS_PER_CASE documents each, in SQL: each document is
 * about one topic (its sentences and a few common ones), 8 to 40 sentences long (about 0.5 to
 * 3 kB of text), every tenth exempt. Every case is on an agenda item of a meeting; a third of the
 * meetings are published.
 */
async function generate(db, municipalityId) {
  const cases = Math.ceil(DOCUMENTS / DOCUMENTS_PER_CASE);
  await db.query('begin');
  await db.query(`create temp table topic (n int primary key, word text, sentences text[])`);
  for (const [n, [word, sentences]] of TOPICS.entries()) await db.query('insert into topic values ($1, $2, $3)', [n, word, sentences]);
  await db.query(`create temp table common (sentences text[])`);
  await db.query('insert into common values ($1)', [COMMON]);
  const bodies = (await db.query(`select id from body where municipality_id = $1 order by name`, [municipalityId])).rows.map((r) => r.id);
  // Meetings: 50 per body, spread over the coming years so numbering never collides with the demo's.
  await db.query(
    `create temp table bench_meeting as
     select gen_random_uuid() as id, b.id as body_id, b.n as body_n, g as n
     from unnest($1::uuid[]) with ordinality as b(id, n), generate_series(1, 50) g`,
    [bodies],
  );
  await db.query(
    `insert into meeting (id, municipality_id, body_id, starts_at, place, status)
     select id, $1, body_id, timestamptz '2031-01-05 18:00+01' + (n * interval '7 days'), 'Rådhuset', case when n % 3 = 0 then 'notice_sent' else 'planned' end
     from bench_meeting`,
    [municipalityId],
  );
  await db.query(
    `create temp table bench_case as
     select gen_random_uuid() as id, g as n, (g % ${TOPICS.length}) as topic from generate_series(1, ${cases}) g`,
  );
  await db.query(
    `insert into political_case (id, municipality_id, archive_reference, title, case_officer, summary, background, assessment, recommendation, public, legal_ground)
     select c.id, $1, '31/' || (10000 + c.n), initcap(t.word) || ': sak ' || c.n || ' for Fjordvik, gnr ' || (c.n % 97) || ' bnr ' || (c.n % 31),
            'Kari Saksbehandler', t.sentences[1 + c.n % 5] || ' ' || t.sentences[1 + (c.n + 2) % 5],
            (select string_agg(t.sentences[1 + (c.n * k) % 5], ' ') from generate_series(1, 4) k),
            (select string_agg(cm.sentences[1 + (c.n + k) % ${COMMON.length}], ' ') from common cm, generate_series(1, 3) k),
            'Kommunedirektøren anbefaler at forslaget vedtas.', c.n % 20 <> 0, case when c.n % 20 = 0 then 'offl13-fvl13' end
     from bench_case c join topic t on t.n = c.topic`,
    [municipalityId],
  );
  await db.query(
    `insert into agenda_item (id, municipality_id, meeting_id, body_id, case_id, type, year, sequence, number, position)
     select gen_random_uuid(), $1, m.id, m.body_id, c.id, 'PS', 2031, c.n, 'PS ' || c.n || '/31', 1 + c.n / ${bodies.length * 50}
     from bench_case c join bench_meeting m on m.body_n = 1 + c.n % ${bodies.length} and m.n = 1 + (c.n / ${bodies.length}) % 50`,
    [municipalityId],
  );
  await db.query(
    `insert into case_document (id, municipality_id, case_id, title, filename, content_type, size, sha256, public, legal_ground, position, storage_key, text, text_status)
     select gen_random_uuid(), $1, c.id, initcap(t.word) || ' – vedlegg ' || d, 'vedlegg-' || c.n || '-' || d || '.pdf', 'application/pdf',
            20000 + c.n % 5000, repeat('0', 64), (c.n + d) % 10 <> 0, case when (c.n + d) % 10 = 0 then 'offl14' end, d, '00000000-0000-4000-8000-000000000000',
            (select string_agg(case when k % 4 = 0 then cm.sentences[1 + (c.n * d + k) % ${COMMON.length}] else t.sentences[1 + (c.n + d * k) % 5] end, ' ')
             from common cm, generate_series(1, 8 + (c.n * 7 + d * 13) % 33) k),
            'done'
     from bench_case c join topic t on t.n = c.topic, generate_series(1, ${DOCUMENTS_PER_CASE}) d`,
    [municipalityId],
  );
  await db.query('commit');
  // As autovacuum leaves the tables in a running system: statistics, and the rows the published
  // flag's triggers rewrote (a third of the cases, once their agenda items were written) and the
  // GIN indexes' pending lists cleaned up. One statement each: VACUUM refuses a transaction block.
  for (const table of ['political_case', 'case_document', 'agenda_item', 'meeting']) await db.query(`vacuum analyze ${table}`);
}
