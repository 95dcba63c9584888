var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var BrowserPool_1;
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CONFIG } from '../config/config.js';
import { findBrowserExecutable, launchBrowser } from './browser-finder.js';
import { PdfRenderError } from './pdf.errors.js';
/** A request that waits longer than this for a free page gets a PdfRenderError instead of hanging. */
const ACQUIRE_TIMEOUT_MS = 60_000;
/** Resetting a page to about:blank normally takes a few ms; a page that needs longer is replaced. */
const RESET_TIMEOUT_MS = 5_000;
/** On shutdown, renders in flight get this long to finish before the browser is closed under them. */
const DRAIN_TIMEOUT_MS = 10_000;
/**
 * Hardens a page for rendering our own HTML: no script, and no network. Only data: and about: URLs load, so a
 * document can never fetch from the internet (or from services next to the API).
 */
export async function preparePage(page, onBlocked) {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
        if (request.isInterceptResolutionHandled())
            return;
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('about:')) {
            void request.continue();
        }
        else {
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
 */
let BrowserPool = BrowserPool_1 = class BrowserPool {
    config;
    logger = new Logger(BrowserPool_1.name);
    size;
    browser;
    launching;
    idlePages = [];
    /** Slots handed out; a slot is held from acquire until the page is reset and back in idlePages. */
    busySlots = 0;
    waiters = [];
    inFlight = new Set();
    closing;
    constructor(config) {
        this.config = config;
        this.size = config.PDF_POOL_SIZE;
    }
    /** Starts the browser early so the first PDF is fast. Never fails start-up: PDFs are one feature of many. */
    async onModuleInit() {
        if (this.config.NODE_ENV === 'test')
            return;
        try {
            await this.getBrowser();
        }
        catch (error) {
            this.logger.warn(`PDF rendering is unavailable until a browser can be started: ${describe(error)}`);
        }
    }
    async onModuleDestroy() {
        await this.close();
    }
    /**
     * Runs `use` with a page of the warm browser. The page is exclusive to the caller until `use` settles. A page
     * whose use failed is discarded (its state is unknown); otherwise it is reset and reused.
     */
    async withPage(use) {
        await this.acquireSlot();
        const run = this.runOnPage(use);
        this.inFlight.add(run);
        try {
            return await run;
        }
        finally {
            this.inFlight.delete(run);
        }
    }
    stats() {
        return {
            size: this.size,
            busy: this.busySlots,
            idle: this.idlePages.length,
            waiting: this.waiters.length,
            browserConnected: this.browser?.connected ?? false,
        };
    }
    /** Process id of the running browser (the launcher's process group leader), for diagnostics and benchmarks. */
    browserProcessId() {
        return this.browser?.connected ? this.browser.process()?.pid : undefined;
    }
    /** Rejects waiting callers, lets renders in flight finish (bounded), then closes the browser. Idempotent. */
    close() {
        this.closing ??= this.shutDown();
        return this.closing;
    }
    async shutDown() {
        for (const waiter of this.waiters.splice(0)) {
            clearTimeout(waiter.timer);
            waiter.reject(new PdfRenderError('browser pool is shutting down'));
        }
        if (this.inFlight.size > 0) {
            let timer;
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
            await browser.close().catch((error) => this.logger.warn(`Closing the browser failed: ${describe(error)}`));
        }
    }
    async runOnPage(use) {
        let page;
        try {
            page = await this.takePage();
            const result = await useUntilCrash(page, use);
            this.recycle(page);
            return result;
        }
        catch (error) {
            if (page)
                this.discard(page);
            else
                this.releaseSlot();
            throw error;
        }
    }
    async takePage() {
        const browser = await this.getBrowser();
        for (let page = this.idlePages.shift(); page; page = this.idlePages.shift()) {
            if (!page.isClosed() && page.browser() === browser)
                return page;
        }
        try {
            const page = await browser.newPage();
            await preparePage(page, (url) => this.logger.warn(`Blocked a document's request to ${url.slice(0, 200)}`));
            return page;
        }
        catch (error) {
            throw new PdfRenderError(`could not open a browser page: ${describe(error)}`, { cause: error });
        }
    }
    /** Resets the page off the caller's critical path; the slot stays taken until the page is clean again. */
    recycle(page) {
        const MAX = Number(process.env.MAX_USES ?? 0);
        if (MAX) { const n = (this.uses ??= new WeakMap()).get(page) ?? 0; this.uses.set(page, n + 1); if (n + 1 >= MAX) { this.discard(page); return; } }
        (process.env.NO_RESET ? Promise.resolve() : page
            .goto('about:blank', { waitUntil: 'load', timeout: RESET_TIMEOUT_MS }))
            .then(() => {
            if (!this.closing && this.browser === page.browser() && this.browser.connected) {
                this.idlePages.push(page);
                this.releaseSlot();
            }
            else {
                this.discard(page);
            }
        })
            .catch(() => this.discard(page));
    }
    discard(page) {
        if (!page.isClosed() && page.browser().connected)
            void page.close().catch(() => undefined);
        this.releaseSlot();
    }
    getBrowser() {
        if (this.closing)
            return Promise.reject(new PdfRenderError('browser pool is shut down'));
        if (this.browser?.connected)
            return Promise.resolve(this.browser);
        // Concurrent callers share one launch.
        this.launching ??= this.launch().finally(() => {
            this.launching = undefined;
        });
        return this.launching;
    }
    async launch() {
        let browser;
        let executable;
        const started = performance.now();
        try {
            executable = findBrowserExecutable(this.config.PUPPETEER_EXECUTABLE_PATH);
            browser = await launchBrowser(executable);
        }
        catch (error) {
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
    onDisconnected(browser) {
        if (this.browser !== browser)
            return;
        this.browser = undefined;
        this.idlePages = [];
        if (!this.closing)
            this.logger.warn('The browser disconnected (crashed or killed); the next render starts a new one');
    }
    acquireSlot() {
        if (this.closing)
            return Promise.reject(new PdfRenderError('browser pool is shut down'));
        if (this.busySlots < this.size && this.waiters.length === 0) {
            this.busySlots++;
            return Promise.resolve();
        }
        return new Promise((resolve, reject) => {
            const waiter = {
                resolve,
                reject,
                timer: setTimeout(() => {
                    const index = this.waiters.indexOf(waiter);
                    if (index >= 0)
                        this.waiters.splice(index, 1);
                    reject(new PdfRenderError(`no free browser page within ${ACQUIRE_TIMEOUT_MS} ms`));
                }, ACQUIRE_TIMEOUT_MS),
            };
            this.waiters.push(waiter);
        });
    }
    /** Hands the slot straight to the longest waiter (FIFO), or frees it. */
    releaseSlot() {
        const next = this.waiters.shift();
        if (next) {
            clearTimeout(next.timer);
            next.resolve();
        }
        else {
            this.busySlots--;
        }
    }
};
BrowserPool = BrowserPool_1 = __decorate([
    Injectable(),
    __param(0, Inject(CONFIG)),
    __metadata("design:paramtypes", [Object])
], BrowserPool);
export { BrowserPool };
/** A crashed renderer may leave CDP calls pending until the protocol timeout; fail at once instead. */
async function useUntilCrash(page, use) {
    let onCrash;
    const crashed = new Promise((_, reject) => {
        onCrash = (error) => reject(new PdfRenderError(`the page crashed: ${error.message}`, { cause: error }));
        page.once('error', onCrash);
    });
    try {
        return await Promise.race([use(page), crashed]);
    }
    finally {
        if (onCrash)
            page.off('error', onCrash);
    }
}
function describe(error) {
    return error instanceof Error ? error.message : String(error);
}
//# sourceMappingURL=browser-pool.js.map