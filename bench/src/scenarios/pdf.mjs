import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { sampleMemory } from '../lib/memory.mjs';
import { median, percentile, round, time } from '../lib/stats.mjs';

/**
 * The warm browser pool against launching Chromium per document, on one fixed 10-page A4 document
 * (an agenda table in Norwegian, embedded Noto Sans, tagged PDF), through the API's own renderer.
 */
const API_DIST = new URL('../../../apps/api/dist/', import.meta.url);

const WARM_UP = 3;
const WARM_RUNS = 20;
const LAUNCH_RUNS = 8;
const CONCURRENT = 20;
/** Agenda items; tuned so the document is exactly EXPECTED_PAGES pages (checked on every run). */
const AGENDA_ITEMS = 74;
const EXPECTED_PAGES = 10;

const run = promisify(execFile);

async function loadApi() {
  const file = new URL('pdf/pdf-renderer.service.js', API_DIST);
  if (!existsSync(file)) {
    throw new Error(`${file.pathname} is missing: build the API first (npm run build -w @sekretariat/api).`);
  }
  // The renderer logs every render at debug level; keep the benchmark's output to warnings and errors.
  const nest = createRequire(new URL('../package.json', API_DIST)).resolve('@nestjs/common');
  const { Logger } = await import(pathToFileURL(nest).href);
  Logger.overrideLogger(['warn', 'error']);
  const [{ parseConfig }, { findBrowserExecutable }, { BrowserPool }, { PdfRenderer }, layout] =
    await Promise.all([
      import(new URL('config/config.js', API_DIST).href),
      import(new URL('pdf/browser-finder.js', API_DIST).href),
      import(new URL('pdf/browser-pool.js', API_DIST).href),
      import(file.href),
      import(new URL('pdf/document-layout.js', API_DIST).href),
    ]);
  return { parseConfig, findBrowserExecutable, BrowserPool, PdfRenderer, ...layout };
}

const TOPICS = [
  ['Budsjett og økonomiplan', 'Årsbudsjett 2027 og økonomiplan 2027–2030 for Kárášjoga gielda'],
  ['Plan og bygg', 'Reguleringsplan for Bæverfjord næringsområde – andre gangs behandling'],
  ['Oppvekst', 'Skolebruksplan: framtidig struktur for grunnskolen i Øvre Sørdal og Ávjovárgeaidnu'],
  ['Helse og omsorg', 'Tildeling av sykehjemsplasser og korttidsopphold – endring av forskrift'],
  ['Kultur', 'Søknad om tilskudd til Riddu Riđđu og lokale kulturtiltak i Čáhcesuolu'],
  ['Samferdsel', 'Trafikksikkerhetsplan 2026–2029: gang- og sykkelveg langs fylkesveg 92'],
  ['Klima og miljø', 'Klimaregnskap for kommunens egen drift og tiltak for å nå målene i 2030'],
  ['Kontrollutvalget', 'Forvaltningsrevisjon av byggesaksbehandlingen – rapport og oppfølging'],
];
const OFFICERS = ['Åse Bække', 'Ørjan Ødegård', 'Áilu Čoarvi', 'Máret Sárá', 'Ŋunni Šiellá', 'Bjørn Østgård'];

/** A deterministic agenda ("saksliste") composed with the API's own document shell. */
export function agendaDocument({ renderDocument, escapeHtml }) {
  const rows = Array.from({ length: AGENDA_ITEMS }, (_, i) => {
    const [area, title] = TOPICS[i % TOPICS.length];
    const number = `${String(i + 1).padStart(3, '0')}/26`;
    return (
      `<tr><td>${escapeHtml(number)}</td><td><strong>${escapeHtml(title)}</strong><br>` +
      `<span class="muted">${escapeHtml(area)}. Kommunedirektørens innstilling: Kommunestyret slutter seg til ` +
      `vurderingene i saksframlegget og vedtar forslaget slik det foreligger, med de endringene som følger av ` +
      `høringsuttalelsene fra råd og utvalg.</span></td><td>${escapeHtml(OFFICERS[i % OFFICERS.length])}</td></tr>`
    );
  }).join('\n');
  const title = 'Møteinnkalling – Kommunestyret 12.03.2026';
  const html = renderDocument({
    lang: 'nb',
    title,
    css: 'td:first-child { width: 4.5em; white-space: nowrap; } td:last-child { width: 9em; }',
    body: `<header class="doc-header"><p class="doc-kicker">Kárášjoga gielda – Karasjok kommune</p>
<h1>${escapeHtml(title)}</h1>
<dl class="doc-facts"><dt>Møtested</dt><dd>Kommunestyresalen, Rådhuset</dd><dt>Tid</dt><dd>12.03.2026 kl. 09:00</dd></dl></header>
<h2 id="saker">Saksliste</h2>
<table aria-labelledby="saker"><thead><tr><th scope="col">Saksnr.</th><th scope="col">Sak</th><th scope="col">Saksbehandler</th></tr></thead>
<tbody>${rows}</tbody></table>`,
  });
  return {
    html,
    title,
    headerText: 'Kárášjoga gielda – Karasjok kommune',
    footerText: 'Møteinnkalling',
    lang: 'nb',
  };
}

async function pageCount(pdf) {
  const dir = await mkdtemp(join(tmpdir(), 'bench-pdf-'));
  try {
    const file = join(dir, 'agenda.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdfinfo', [file]);
    return {
      pages: Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]),
      tagged: /^Tagged:\s+yes/m.test(stdout),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export default {
  name: 'pdf',
  description: `${EXPECTED_PAGES}-page A4 agenda: warm pool vs a browser launched per document`,
  targets: {
    warm_median_ms: { max: 250 },
    ratio: { min: 3 },
  },

  async run({ log }) {
    const api = await loadApi();
    // The same configuration path as the API (PUPPETEER_EXECUTABLE_PATH, PDF_POOL_SIZE, ...).
    const config = api.parseConfig({ ...process.env, NODE_ENV: 'production' });
    const pool = new api.BrowserPool(config);
    const renderer = new api.PdfRenderer(pool, config);
    const doc = agendaDocument(api);
    const load = loadavg()[0];
    if (load > 0.5) log(`warning: load average ${load.toFixed(2)} before the run; figures will be noisy`);

    try {
      // Fill the pool (all pages created) and warm the browser's caches before measuring.
      await Promise.all(Array.from({ length: config.PDF_POOL_SIZE }, () => renderer.render(doc)));
      let pdf;
      for (let i = 0; i < WARM_UP; i++) pdf = await renderer.render(doc);
      const { pages, tagged } = await pageCount(pdf);
      if (pages !== EXPECTED_PAGES || !tagged) {
        throw new Error(`the agenda rendered as ${pages} pages (tagged: ${tagged}); adjust AGENDA_ITEMS`);
      }
      log(`document: ${pages} pages, tagged, ${round(pdf.byteLength / 1024)} kB`);

      // Interleaved, so both paths see the same background load (the machine may be shared): after every
      // 2–3 warm renders comes one render with a freshly launched browser.
      log(`${WARM_RUNS} warm-pool renders interleaved with ${LAUNCH_RUNS} launch-per-document renders`);
      await renderer.renderWithFreshBrowser(doc); // warm-up: the first launch also pays for disk caches
      const warm = [];
      const launch = [];
      for (let i = 0; i < WARM_RUNS; i++) {
        warm.push(await time(() => renderer.render(doc)));
        if (Math.floor(((i + 1) * LAUNCH_RUNS) / WARM_RUNS) > Math.floor((i * LAUNCH_RUNS) / WARM_RUNS)) {
          launch.push(await time(() => renderer.renderWithFreshBrowser(doc)));
        }
      }

      log(`${CONCURRENT} concurrent renders through a pool of ${config.PDF_POOL_SIZE}`);
      const memory = sampleMemory(() => pool.browserProcessId());
      const started = performance.now();
      await Promise.all(Array.from({ length: CONCURRENT }, () => renderer.render(doc)));
      const concurrentMs = performance.now() - started;
      const peak = memory.stop();

      const version = await pool.withPage((page) => page.browser().version());
      return {
        metrics: {
          warm_median_ms: round(median(warm)),
          warm_p95_ms: round(percentile(warm, 95)),
          launch_median_ms: round(median(launch)),
          launch_p95_ms: round(percentile(launch, 95)),
          ratio: round(median(launch) / median(warm), 2),
          concurrent_20_total_ms: round(concurrentMs),
          rss_peak_mb: round(peak.rssMb),
          pss_peak_mb: round(peak.pssMb),
          pages,
          pdf_kb: round(pdf.byteLength / 1024),
        },
        context: {
          browser: version,
          executable: api.findBrowserExecutable(config.PUPPETEER_EXECUTABLE_PATH),
          pool_size: config.PDF_POOL_SIZE,
          load_1m_before: round(load, 2),
          runs: { warm: WARM_RUNS, launch: LAUNCH_RUNS, concurrent: CONCURRENT },
        },
      };
    } finally {
      await pool.close();
    }
  },
};
