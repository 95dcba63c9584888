import { parseConfig } from './config/config.js';
import { BrowserPool } from './pdf/browser-pool.js';
import { PdfRenderer } from './pdf/pdf-renderer.service.js';
import * as layout from './pdf/document-layout.js';
import { agendaDocument } from '../src/scenarios/pdf.mjs';
import { sampleMemory } from '../src/lib/memory.mjs';
import { Logger } from '@nestjs/common';
Logger.overrideLogger(['warn','error']);
const doc = agendaDocument(layout);
const config = parseConfig({ NODE_ENV: 'production', PDF_POOL_SIZE: '2' });
const pool = new BrowserPool(config); const r = new PdfRenderer(pool, config);
for (let i = 0; i <= 400; i++) {
  await Promise.all([r.render(doc), r.render(doc)]);
  if (i % 100 === 0) { const m = sampleMemory(() => pool.browserProcessId()).stop(); console.log(process.env.NO_RESET ? 'noreset' : 'reset', i * 2, 'renders, PSS MB', m.pssMb.toFixed(0), 'node rss', (process.memoryUsage().rss/1048576).toFixed(0)); }
}
await pool.close();
