import { Module } from '@nestjs/common';
import { BrowserPool } from './browser-pool.js';
import { PdfRenderer } from './pdf-renderer.service.js';

/**
 * PDF rendering: one warm, bounded Chromium pool and a renderer on top. Composers (./composers) are pure
 * functions that turn domain data into HTML; feature modules call them and hand the result to PdfRenderer.
 * Relies on the global ConfigModule for CONFIG.
 */
@Module({
  providers: [BrowserPool, PdfRenderer],
  exports: [BrowserPool, PdfRenderer],
})
export class PdfModule {}
