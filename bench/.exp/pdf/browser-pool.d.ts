import { type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Page } from 'puppeteer-core';
import { type Config } from '../config/config.js';
export interface BrowserPoolStats {
    size: number;
    busy: number;
    idle: number;
    waiting: number;
    browserConnected: boolean;
}
/**
 * Hardens a page for rendering our own HTML: no script, and no network. Only data: and about: URLs load, so a
 * document can never fetch from the internet (or from services next to the API).
 */
export declare function preparePage(page: Page, onBlocked?: (url: string) => void): Promise<void>;
/**
 * One warm Chromium and a bounded set of reusable pages (PDF_POOL_SIZE). Callers beyond the bound wait in FIFO
 * order. The browser starts on first use (and at module init outside tests); if it crashes or is killed, the
 * next request starts a new one. Without a usable Chromium the app still runs and renders fail with
 * PdfRenderError.
 */
export declare class BrowserPool implements OnModuleInit, OnModuleDestroy {
    private readonly config;
    private readonly logger;
    private readonly size;
    private browser;
    private launching;
    private idlePages;
    /** Slots handed out; a slot is held from acquire until the page is reset and back in idlePages. */
    private busySlots;
    private readonly waiters;
    private readonly inFlight;
    private closing;
    constructor(config: Config);
    /** Starts the browser early so the first PDF is fast. Never fails start-up: PDFs are one feature of many. */
    onModuleInit(): Promise<void>;
    onModuleDestroy(): Promise<void>;
    /**
     * Runs `use` with a page of the warm browser. The page is exclusive to the caller until `use` settles. A page
     * whose use failed is discarded (its state is unknown); otherwise it is reset and reused.
     */
    withPage<T>(use: (page: Page) => Promise<T>): Promise<T>;
    stats(): BrowserPoolStats;
    /** Process id of the running browser (the launcher's process group leader), for diagnostics and benchmarks. */
    browserProcessId(): number | undefined;
    /** Rejects waiting callers, lets renders in flight finish (bounded), then closes the browser. Idempotent. */
    close(): Promise<void>;
    private shutDown;
    private runOnPage;
    private takePage;
    /** Resets the page off the caller's critical path; the slot stays taken until the page is clean again. */
    private recycle;
    private discard;
    private getBrowser;
    private launch;
    private onDisconnected;
    private acquireSlot;
    /** Hands the slot straight to the longest waiter (FIFO), or frees it. */
    private releaseSlot;
}
