import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Browser, Page, PDFOptions } from 'puppeteer-core';
import { CONFIG, type Config } from '../config/config.js';
import { findBrowserExecutable, launchBrowser } from './browser-finder.js';
import { BrowserPool, preparePage } from './browser-pool.js';
import { escapeHtml } from './document-layout.js';
import { PdfInputTooLargeError, PdfRenderError } from './pdf.errors.js';

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
  /** Bookmarks (the PDF outline) from the document's headings, e.g. one per agenda item. */
  outline?: boolean;
  /**
   * False leaves "Side X av Y" out of the footer, for a document that is merged with others and
   * numbered afterwards across the whole file (the meeting papers).
   */
  pageNumbers?: boolean;
}

const RENDER_TIMEOUT_MS = 30_000;

/** Left/right margins are repeated in the header/footer templates so their text lines up with the body. */
const SIDE_MARGIN = '20mm';
const MARGIN = { top: '24mm', bottom: '20mm', left: SIDE_MARGIN, right: SIDE_MARGIN };

/**
 * Header and footer templates are rendered by Chromium in a separate context that cannot use the page's
 * embedded fonts, so they fall back to installed fonts (DejaVu Sans on Debian; embedded as TrueType).
 */
const RUNNING_TEXT_STYLE =
  `box-sizing:border-box;width:100%;padding:0 ${SIDE_MARGIN};display:flex;justify-content:space-between;` +
  "gap:12pt;font-family:'Noto Sans','DejaVu Sans','Liberation Sans',sans-serif;font-size:7.5pt;color:#444;";

export function headerTemplate(doc: Pick<PdfDocument, 'title' | 'headerText'>): string {
  return (
    `<div style="${RUNNING_TEXT_STYLE}padding-top:9mm;">` +
    `<span>${escapeHtml(doc.headerText ?? '')}</span><span>${escapeHtml(doc.title)}</span></div>`
  );
}

export function footerTemplate(doc: Pick<PdfDocument, 'footerText' | 'pageNumbers'>): string {
  return (
    `<div style="${RUNNING_TEXT_STYLE}padding-bottom:8mm;">` +
    `<span>${escapeHtml(doc.footerText ?? '')}</span>` +
    (doc.pageNumbers === false ? '' : '<span>Side <span class="pageNumber"></span> av <span class="totalPages"></span></span>') +
    '</div>'
  );
}

export function pdfOptions(doc: PdfDocument): PDFOptions {
  return {
    format: 'A4',
    margin: MARGIN,
    printBackground: true,
    // Tagged PDF: structure for screen readers; ~10 ms (15%) of a 10-page render, see docs/benchmarks.md.
    tagged: true,
    outline: doc.outline ?? false,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(doc),
    footerTemplate: footerTemplate(doc),
    waitForFonts: true,
    timeout: RENDER_TIMEOUT_MS,
  };
}

/** Prints one document on a prepared page. Shared by the pooled and the launch-per-document paths. */
export async function renderOnPage(page: Page, doc: PdfDocument): Promise<Buffer> {
  // 'load' suffices: the HTML is self-contained and page.pdf waits for the fonts (waitForFonts).
  await page.setContent(doc.html, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS });
  // The document's <title> and lang become the PDF's Title and language; the explicit values win.
  await page.evaluate(
    (title, lang) => {
      document.title = title;
      if (lang) document.documentElement.lang = lang;
    },
    doc.title,
    doc.lang ?? null,
  );
  const pdf = await page.pdf(pdfOptions(doc));
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

/**
 * Turns composed HTML into PDF. `render` uses the warm BrowserPool; `renderWithFreshBrowser` launches a browser
 * per document and exists to measure what the pool saves (bench/) and as a fallback for one-off scripts.
 */
@Injectable()
export class PdfRenderer {
  private readonly logger = new Logger(PdfRenderer.name);

  constructor(
    private readonly pool: BrowserPool,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async render(doc: PdfDocument): Promise<Buffer> {
    this.assertRenderable(doc);
    const started = performance.now();
    try {
      const pdf = await this.pool.withPage((page) => renderOnPage(page, doc));
      this.logger.debug(`Rendered "${doc.title}" (${pdf.byteLength} bytes) in ${elapsed(started)} ms`);
      return pdf;
    } catch (error) {
      throw this.renderFailed(doc, error);
    }
  }

  async renderWithFreshBrowser(doc: PdfDocument): Promise<Buffer> {
    this.assertRenderable(doc);
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser(findBrowserExecutable(this.config.PUPPETEER_EXECUTABLE_PATH));
      const page = await browser.newPage();
      await preparePage(page);
      return await renderOnPage(page, doc);
    } catch (error) {
      throw this.renderFailed(doc, error);
    } finally {
      await browser?.close().catch(() => undefined);
    }
  }

  private assertRenderable(doc: PdfDocument): void {
    const bytes = Buffer.byteLength(doc.html, 'utf8');
    if (bytes > this.config.PDF_MAX_HTML_BYTES) {
      throw new PdfInputTooLargeError(bytes, this.config.PDF_MAX_HTML_BYTES);
    }
  }

  private renderFailed(doc: PdfDocument, error: unknown): PdfRenderError {
    const failure =
      error instanceof PdfRenderError
        ? error
        : new PdfRenderError(error instanceof Error ? error.message : String(error), { cause: error });
    this.logger.warn(`Could not render "${doc.title}": ${failure.reason}`);
    return failure;
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
