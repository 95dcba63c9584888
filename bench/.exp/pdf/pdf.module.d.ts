/**
 * PDF rendering: one warm, bounded Chromium pool and a renderer on top. Composers (./composers) are pure
 * functions that turn domain data into HTML; feature modules call them and hand the result to PdfRenderer.
 * Relies on the global ConfigModule for CONFIG.
 */
export declare class PdfModule {
}
