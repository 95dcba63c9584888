import { parseConfig } from './config/config.js';
import { BrowserPool } from './pdf/browser-pool.js';
import { PdfRenderer } from './pdf/pdf-renderer.service.js';
import * as layout from './pdf/document-layout.js';
import { agendaDocument } from '../src/scenarios/pdf.mjs';
import { Logger } from '@nestjs/common';
Logger.overrideLogger(['warn','error']);
const med = a => { const s=[...a].sort((x,y)=>x-y); return s[Math.floor(s.length/2)].toFixed(1); };
const doc = agendaDocument(layout);
const config = parseConfig({ NODE_ENV: 'production' });
const pool = new BrowserPool(config); const r = new PdfRenderer(pool, config);
await Promise.all([1,2,3,4].map(() => r.render(doc)));
const res = { reset: [], noreset: [] };
for (let i = 0; i < 30; i++) for (const k of ['reset', 'noreset']) {
  if (k === 'noreset') process.env.NO_RESET = '1'; else delete process.env.NO_RESET;
  const t = performance.now(); await r.render(doc); res[k].push(performance.now() - t);
}
console.log('with about:blank reset', med(res.reset), 'without', med(res.noreset));
const c = { reset: [], noreset: [] };
for (let i = 0; i < 3; i++) for (const k of ['reset', 'noreset']) {
  if (k === 'noreset') process.env.NO_RESET = '1'; else delete process.env.NO_RESET;
  const t = performance.now(); await Promise.all(Array.from({length: 20}, () => r.render(doc))); c[k].push(performance.now() - t);
}
console.log('concurrent 20: reset', med(c.reset), 'without', med(c.noreset));
await pool.close();
