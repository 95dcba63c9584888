import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { CONFIG, type Config } from '../config/config.js';
import { findBrowserExecutable, launchBrowser } from './browser-finder.js';
import { PdfRenderError } from './pdf.errors.js';

/** A request that waits longer than this for a free page gets a PdfRenderError instead of hanging. */
const ACQUIRE_TIMEOUT_MS = 60_000;
/**
 * Beyond this many waiting requests, new ones are refused at once (503) rather than queued: each waiter holds
 * its composed HTML (~300 kB with the fonts), and at ~100 ms a render the last would wait for seconds anyway.
 */
export const MAX_WAITING = 100;
/**
 * A page renders this many documents, then is closed and replaced. Chromium's memory grows with every document
 * a page has shown (800 renders: +240 MB); retiring pages keeps it flat at the cost of one newPage() (~70 ms)
 * per 100 renders. Measured in docs/benchmarks.md.
 */
export const MAX_USES_PER_PAGE = 100;
/** On shutdown, renders in flight get this long to finish before the browser is closed under them. */
const DRAIN_TIMEOUT_MS = 10_000;

export interface BrowserPoolStats {
  size: number;
  busy: number;
  idle: number;
  waiting: number;
  browserConnected: boolean;
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Hardens a page for rendering our own HTML: no script, and no network. Only data: and about: URLs load, so a
 * document can never fetch from the internet (or from services next to the API).
 */
export async function preparePage(page: Page, onBlocked?: (url: string) => void): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('about:')) {
      void request.continue();
    } else {
      onBlocked?.(url);
      void request.abort('blockedbyclient');
    }
  });
}

/**
 * One warm Chromium and a bounded set of reusable pages (PDF_POOL_SIZE). Callers beyond the bound wait in FIFO
 * order. The browser starts on first use (and at module init outside tests); if it crashes or is killed, the
 * next request starts a new one. Without a usable Chromium the app still runs and renders fail with
 * PdfRenderError.
 *
 * Between uses a page is not navigated anywhere: the next render's setContent replaces the whole document
 * (script is off, so no state survives in it). Navigating to about:blank after each render cost 19–34% of the
 * throughput of a burst on two cores and did not reduce memory; retiring pages does (MAX_USES_PER_PAGE).
 */
@Injectable()
export class BrowserPool implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(BrowserPool.name);
  private readonly size: number;
  private browser: Browser | undefined;
  private launching: Promise<Browser> | undefined;
  private idlePages: Page[] = [];
  private readonly uses = new WeakMap<Page, number>();
  /** Slots handed out; a slot is held from acquire until the page is back in idlePages or closed. */
  private busySlots = 0;
  private readonly waiters: Waiter[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing: Promise<void> | undefined;

  constructor(@Inject(CONFIG) private readonly config: Config) {
    this.size = config.PDF_POOL_SIZE;
  }

  /** Starts the browser early so the first PDF is fast. Never fails start-up: PDFs are one feature of many. */
  async onModuleInit(): Promise<void> {
    if (this.config.NODE_ENV === 'test') return;
    try {
      await this.getBrowser();
    } catch (error) {
      this.logger.warn(`PDF rendering is unavailable until a browser can be started: ${describe(error)}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  /**
   * Runs `use` with a page of the warm browser. The page is exclusive to the caller until `use` settles. A page
   * whose use failed is discarded (its state is unknown); otherwise it goes back to the pool.
   */
  async withPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
    await this.acquireSlot();
    const run = this.runOnPage(use);
    this.inFlight.add(run);
    try {
      return await run;
    } finally {
      this.inFlight.delete(run);
    }
  }

  stats(): BrowserPoolStats {
    return {
      size: this.size,
      busy: this.busySlots,
      idle: this.idlePages.length,
      waiting: this.waiters.length,
      browserConnected: this.browser?.connected ?? false,
    };
  }

  /** Process id of the running browser (the launcher's process group leader), for diagnostics and benchmarks. */
  browserProcessId(): number | undefined {
    return this.browser?.connected ? this.browser.process()?.pid : undefined;
  }

  /** Rejects waiting callers, lets renders in flight finish (bounded), then closes the browser. Idempotent. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new PdfRenderError('browser pool is shutting down'));
    }
    if (this.inFlight.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.inFlight]),
        new Promise((resolve) => (timer = setTimeout(resolve, DRAIN_TIMEOUT_MS))),
      ]);
      clearTimeout(timer);
    }
    await this.launching?.catch(() => undefined);
    const browser = this.browser;
    this.browser = undefined;
    this.idlePages = [];
    if (browser) {
      await browser
        .close()
        .catch((error: unknown) => this.logger.warn(`Closing the browser failed: ${describe(error)}`));
    }
  }

  private async runOnPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
    let page: Page | undefined;
    try {
      page = await this.takePage();
      const result = await useUntilCrash(page, use);
      this.recycle(page);
      return result;
    } catch (error) {
      if (page) this.discard(page);
      else this.releaseSlot();
      throw error;
    }
  }

  private async takePage(): Promise<Page> {
    const browser = await this.getBrowser();
    for (let page = this.idlePages.shift(); page; page = this.idlePages.shift()) {
      if (!page.isClosed() && page.browser() === browser) return page;
    }
    try {
      const page = await browser.newPage();
      await preparePage(page, (url) =>
        this.logger.warn(`Blocked a document's request to ${url.slice(0, 200)}`),
      );
      return page;
    } catch (error) {
      throw new PdfRenderError(`could not open a browser page: ${describe(error)}`, { cause: error });
    }
  }

  private recycle(page: Page): void {
    const uses = (this.uses.get(page) ?? 0) + 1;
    const reusable =
      uses < MAX_USES_PER_PAGE && !this.closing && !page.isClosed() && page.browser() === this.browser;
    if (!reusable) {
      this.discard(page);
      return;
    }
    this.uses.set(page, uses);
    this.idlePages.push(page);
    this.releaseSlot();
  }

  private discard(page: Page): void {
    if (!page.isClosed() && page.browser().connected) void page.close().catch(() => undefined);
    this.releaseSlot();
  }

  private getBrowser(): Promise<Browser> {
    if (this.closing) return Promise.reject(new PdfRenderError('browser pool is shut down'));
    if (this.browser?.connected) return Promise.resolve(this.browser);
    // Concurrent callers share one launch.
    this.launching ??= this.launch().finally(() => {
      this.launching = undefined;
    });
    return this.launching;
  }

  private async launch(): Promise<Browser> {
    let browser: Browser;
    let executable: string;
    const started = performance.now();
    try {
      executable = findBrowserExecutable(this.config.PUPPETEER_EXECUTABLE_PATH);
      browser = await launchBrowser(executable);
    } catch (error) {
      throw new PdfRenderError(`could not start a browser: ${describe(error)}`, { cause: error });
    }
    if (this.closing) {
      await browser.close().catch(() => undefined);
      throw new PdfRenderError('browser pool is shut down');
    }
    browser.once('disconnected', () => this.onDisconnected(browser));
    this.browser = browser;
    this.idlePages = [];
    const version = await browser.version().catch(() => 'unknown version');
    this.logger.log(`Started ${executable} (${version}) in ${Math.round(performance.now() - started)} ms`);
    return browser;
  }

  private onDisconnected(browser: Browser): void {
    if (this.browser !== browser) return;
    this.browser = undefined;
    this.idlePages = [];
    if (!this.closing)
      this.logger.warn('The browser disconnected (crashed or killed); the next render starts a new one');
  }

  private acquireSlot(): Promise<void> {
    if (this.closing) return Promise.reject(new PdfRenderError('browser pool is shut down'));
    if (this.busySlots < this.size && this.waiters.length === 0) {
      this.busySlots++;
      return Promise.resolve();
    }
    if (this.waiters.length >= MAX_WAITING) {
      return Promise.reject(new PdfRenderError(`${this.waiters.length} PDFs are already waiting for a page`));
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(new PdfRenderError(`no free browser page within ${ACQUIRE_TIMEOUT_MS} ms`));
        }, ACQUIRE_TIMEOUT_MS),
      };
      this.waiters.push(waiter);
    });
  }

  /** Hands the slot straight to the longest waiter (FIFO), or frees it. */
  private releaseSlot(): void {
    const next = this.waiters.shift();
    if (next) {
      clearTimeout(next.timer);
      next.resolve();
    } else {
      this.busySlots--;
    }
  }
}

/** A crashed renderer may leave CDP calls pending until the protocol timeout; fail at once instead. */
async function useUntilCrash<T>(page: Page, use: (page: Page) => Promise<T>): Promise<T> {
  let onCrash: ((error: Error) => void) | undefined;
  const crashed = new Promise<never>((_, reject) => {
    onCrash = (error) => reject(new PdfRenderError(`the page crashed: ${error.message}`, { cause: error }));
    page.once('error', onCrash);
  });
  try {
    return await Promise.race([use(page), crashed]);
  } finally {
    if (onCrash) page.off('error', onCrash);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
