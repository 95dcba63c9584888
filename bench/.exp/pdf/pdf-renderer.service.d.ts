import type { Page, PDFOptions } from 'puppeteer-core';
import { type Config } from '../config/config.js';
import { BrowserPool } from './browser-pool.js';
/** A composed document, ready to print. Composers (see ./composers) produce these. */
export interface PdfDocument {
    /** A whole HTML document, normally from renderDocument() so the fonts are embedded. */
    html: string;
    /** The PDF's title (metadata) and the right-hand side of the running header. */
    title: string;
    /** Left-hand side of the running header, typically the municipality's name. */
    headerText?: string;
    /** Left-hand side of the footer, e.g. the date of printing; "Side X av Y" is always on the right. */
    footerText?: string;
    /** Overrides the document's lang attribute. */
    lang?: string;
}
export declare function headerTemplate(doc: Pick<PdfDocument, 'title' | 'headerText'>): string;
export declare function footerTemplate(doc: Pick<PdfDocument, 'footerText'>): string;
export declare function pdfOptions(doc: PdfDocument): PDFOptions;
/** Prints one document on a prepared page. Shared by the pooled and the launch-per-document paths. */
export declare function renderOnPage(page: Page, doc: PdfDocument): Promise<Buffer>;
/**
 * Turns composed HTML into PDF. `render` uses the warm BrowserPool; `renderWithFreshBrowser` launches a browser
 * per document and exists to measure what the pool saves (bench/) and as a fallback for one-off scripts.
 */
export declare class PdfRenderer {
    private readonly pool;
    private readonly config;
    private readonly logger;
    constructor(pool: BrowserPool, config: Config);
    render(doc: PdfDocument): Promise<Buffer>;
    renderWithFreshBrowser(doc: PdfDocument): Promise<Buffer>;
    private assertRenderable;
    private renderFailed;
}
