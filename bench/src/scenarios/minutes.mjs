import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { median, percentile, round, time } from '../lib/stats.mjs';

/**
 * The møteprotokoll of a 60-item kommunestyre meeting (27 members, a split vote with the party
 * breakdown in every third item, a disqualification, decisions of a few paragraphs), composed and
 * rendered with the API's own composer and warm renderer (tagged PDF with bookmarks).
 */
const API_DIST = new URL('../../../apps/api/dist/', import.meta.url);
const ITEMS = 60;
const WARM_UP = 2;
const RUNS = 8;
const run = promisify(execFile);

async function loadApi() {
  const file = new URL('minutes/protocol.composer.js', API_DIST);
  if (!existsSync(file)) throw new Error(`${file.pathname} is missing: build the API first (npm run build -w @sekretariat/api).`);
  const nest = createRequire(new URL('../package.json', API_DIST)).resolve('@nestjs/common');
  const { Logger } = await import(pathToFileURL(nest).href);
  Logger.overrideLogger(['warn', 'error']);
  const [{ parseConfig }, { BrowserPool }, { PdfRenderer }, { composeProtocol }, { countVote }] = await Promise.all([
    import(new URL('config/config.js', API_DIST).href),
    import(new URL('pdf/browser-pool.js', API_DIST).href),
    import(new URL('pdf/pdf-renderer.service.js', API_DIST).href),
    import(file.href),
    import(new URL('minutes/rules/votes.js', API_DIST).href),
  ]);
  return { parseConfig, BrowserPool, PdfRenderer, composeProtocol, countVote };
}

const PARTIES = [['Ap', 8], ['H', 7], ['Sp', 4], ['FrP', 4], ['SV', 2], ['KrF', 1], ['V', 1]];
const GIVEN = ['Åse', 'Ørjan', 'Áilu', 'Máret', 'Kari', 'Ola', 'Nils', 'Ingrid', 'Siri'];
const FAMILY = ['Bække', 'Ødegård', 'Čoarvi', 'Sárá', 'Nordmann', 'Haugen', 'Lie', 'Dahl'];

export function protocolModel(countVote) {
  const members = PARTIES.flatMap(([party, n], p) =>
    Array.from({ length: n }, (_, i) => ({ personId: `${p}-${i}`, name: `${GIVEN[(p + i) % GIVEN.length]} ${FAMILY[(p * 3 + i) % FAMILY.length]}`, party })),
  );
  const items = Array.from({ length: ITEMS }, (_, i) => {
    const against = i % 3 === 0 ? members.filter((m) => m.party === 'FrP' || (m.party === 'H' && m.personId.endsWith('-0'))).map((m) => m.personId) : [];
    const voted = countVote(members, against, { memberCount: 27, chairPersonId: '0-0', subject: 'Innstillingen', language: 'nb' });
    return {
      number: `PS ${i + 1}/26`,
      title: `Sak ${i + 1}: reguleringsplan, budsjettendring eller tilskudd til lag og foreninger i Kárášjoga`,
      archiveReference: `26/${1000 + i}`,
      exempt: i === 7,
      citation: i === 7 ? 'koml. § 11-5 tredje ledd bokstav b jf. offl. § 23 første ledd' : null,
      outcome: 'treated',
      treatment: 'Saken ble debattert. Det ble fremmet ett forslag i tillegg til innstillingen.',
      decision: 'Kommunestyret slutter seg til vurderingene i saksframlegget og vedtar forslaget slik det foreligger.\n\nKommunedirektøren får fullmakt til å gjennomføre vedtaket.',
      decisionExempt: false,
      votingPresent: 27,
      quorate: true,
      disqualifications: i === 12 ? [{ name: members[3].name, citation: 'fvl. § 6 første ledd bokstav a', disqualified: true, note: '' }] : [],
      proposals: [
        { kind: 'recommendation', proposer: 'Innstilling', onBehalfOf: '', text: 'Kommunestyret vedtar planen slik den foreligger.', outcome: 'voted', result: voted.result },
        ...(i % 3 === 0 ? [{ kind: 'addition', proposer: `${members[20].name} (FrP)`, onBehalfOf: '', text: 'Saken utsettes til neste møte.', outcome: 'voted', result: countVote(members, members.filter((m) => m.party !== 'FrP').map((m) => m.personId), { memberCount: 27, chairPersonId: '0-0', subject: 'Forslaget', language: 'nb' }).result }] : []),
      ],
    };
  });
  return {
    municipalityName: 'Kárášjoga gielda – Karasjok kommune',
    bodyName: 'Kommunestyret',
    language: 'nb',
    startsAt: '2026-03-12T17:00:00.000Z',
    place: 'Kommunestyresalen, Rådhuset',
    remote: false,
    openedAt: '18:00',
    closedAt: '23:10',
    remarks: '',
    chairName: members[0].name,
    memberCount: 27,
    attendees: members.map((m) => ({ name: m.name, party: m.party, role: 'member', title: '', meetsFor: null, onlyItem: null, present: true, absenceReason: '', fromItem: null, toItem: null, arrivedAt: null, leftAt: null })),
    items,
    version: 1,
    correctionReason: null,
    approvalMethod: 'signatures',
    approvedAt: '2026-03-15T10:00:00.000Z',
    approvedInItem: null,
    signatories: [{ name: members[1].name, signedAt: '2026-03-14T09:00:00.000Z' }, { name: members[9].name, signedAt: '2026-03-15T10:00:00.000Z' }],
  };
}

async function pageCount(pdf) {
  const dir = await mkdtemp(join(tmpdir(), 'bench-protocol-'));
  try {
    const file = join(dir, 'protocol.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdfinfo', [file]);
    return { pages: Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]), tagged: /^Tagged:\s+yes/m.test(stdout) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export default {
  name: 'minutes',
  description: `${ITEMS}-item møteprotokoll composed and rendered by the warm pool (tagged, bookmarks)`,
  targets: { protocol_60_items_ms: { max: 2000 } },

  async run({ log }) {
    const api = await loadApi();
    const config = api.parseConfig({ ...process.env, NODE_ENV: 'production' });
    const pool = new api.BrowserPool(config);
    const renderer = new api.PdfRenderer(pool, config);
    const load = loadavg()[0];
    if (load > 0.5) log(`warning: load average ${load.toFixed(2)} before the run; figures will be noisy`);
    const model = protocolModel(api.countVote);
    const compose = () => ({ ...api.composeProtocol(model, { edition: 'internal', generatedAt: new Date('2026-03-15T10:00:00Z') }), outline: true });
    try {
      let pdf;
      for (let i = 0; i < WARM_UP; i++) pdf = await renderer.render(compose());
      const { pages, tagged } = await pageCount(pdf);
      if (!tagged) throw new Error('the protocol is not a tagged PDF');
      log(`document: ${pages} pages, tagged, ${round(pdf.byteLength / 1024)} kB`);
      const composeMs = [];
      const total = [];
      for (let i = 0; i < RUNS; i++) {
        composeMs.push(await time(async () => compose()));
        total.push(await time(() => renderer.render(compose())));
      }
      return {
        metrics: {
          protocol_60_items_ms: round(median(total)),
          protocol_60_items_p95_ms: round(percentile(total, 95)),
          compose_ms: round(median(composeMs), 2),
          pages,
          pdf_kb: round(pdf.byteLength / 1024),
        },
        context: { items: ITEMS, runs: RUNS, pool_size: config.PDF_POOL_SIZE, load_1m_before: round(load, 2) },
      };
    } finally {
      await pool.close();
    }
  },
};
