import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { parseConfig } from '../config/config.js';

/** Stand-ins for puppeteer's Browser and Page: just what the pool touches. */
class FakePage extends EventEmitter {
  closed = false;
  constructor(readonly owner: FakeBrowser) {
    super();
  }
  browser(): FakeBrowser {
    return this.owner;
  }
  isClosed(): boolean {
    return this.closed;
  }
  async setJavaScriptEnabled(): Promise<void> {}
  async setRequestInterception(): Promise<void> {}
  async goto(): Promise<null> {
    return null;
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

class FakeBrowser extends EventEmitter {
  connected = true;
  readonly pages: FakePage[] = [];
  async newPage(): Promise<FakePage> {
    const page = new FakePage(this);
    this.pages.push(page);
    return page;
  }
  async version(): Promise<string> {
    return 'FakeChrome/1';
  }
  process(): { pid: number } {
    return { pid: 4242 };
  }
  async close(): Promise<void> {
    this.crash();
  }
  crash(): void {
    this.connected = false;
    this.emit('disconnected');
  }
}

const launched: FakeBrowser[] = [];
const findBrowserExecutable = jest.fn((configured: string | undefined) => configured ?? '/usr/bin/chromium');
const launchBrowser = jest.fn(async () => {
  const browser = new FakeBrowser();
  launched.push(browser);
  return browser;
});
jest.unstable_mockModule('./browser-finder.js', () => ({ findBrowserExecutable, launchBrowser }));

const { BrowserPool, MAX_USES_PER_PAGE, MAX_WAITING } = await import('./browser-pool.js');
const { PdfRenderError } = await import('./pdf.errors.js');

function pool(size = 2, env: Record<string, string> = {}): InstanceType<typeof BrowserPool> {
  return new BrowserPool(parseConfig({ NODE_ENV: 'test', PDF_POOL_SIZE: String(size), ...env }));
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets queued promise callbacks (slot hand-over, page reset) run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

beforeAll(() => Logger.overrideLogger(false));

beforeEach(() => {
  launched.length = 0;
  launchBrowser.mockClear();
  findBrowserExecutable.mockClear();
});

describe('BrowserPool', () => {
  it('launches one browser lazily, shared by concurrent first callers', async () => {
    const p = pool(4);
    expect(launchBrowser).not.toHaveBeenCalled();
    await Promise.all([1, 2, 3].map(() => p.withPage(async () => undefined)));
    expect(launchBrowser).toHaveBeenCalledTimes(1);
    await p.close();
  });

  it('never runs more than PDF_POOL_SIZE at once and serves waiters first come, first served', async () => {
    const p = pool(2);
    const started: number[] = [];
    const gates = Array.from({ length: 6 }, () => deferred());
    let running = 0;
    let maxRunning = 0;
    const jobs = gates.map((gate, i) =>
      p.withPage(async () => {
        started.push(i);
        running++;
        maxRunning = Math.max(maxRunning, running);
        await gate.promise;
        running--;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    expect(p.stats()).toEqual(expect.objectContaining({ busy: 2, waiting: 4 }));
    // Finish out of order: the freed slot still goes to the longest waiter.
    gates[1]!.resolve();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    for (const gate of gates) gate.resolve();
    await Promise.all(jobs);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(maxRunning).toBe(2);
    await settle();
    expect(p.stats()).toEqual(expect.objectContaining({ busy: 0, waiting: 0, idle: 2 }));
    // Pages are reused: two pages served six renders.
    expect(launched[0]!.pages).toHaveLength(2);
    await p.close();
  });

  it('refuses new work at once when MAX_WAITING requests already wait', async () => {
    const p = pool(1);
    const gate = deferred();
    const jobs = Array.from({ length: MAX_WAITING + 1 }, () => p.withPage(() => gate.promise));
    await settle();
    expect(p.stats()).toEqual(expect.objectContaining({ busy: 1, waiting: MAX_WAITING }));
    await expect(p.withPage(async () => undefined)).rejects.toMatchObject({
      code: 'PDF_RENDER_FAILED',
      reason: expect.stringContaining('already waiting'),
    });
    gate.resolve();
    await Promise.all(jobs);
    await p.close();
  });

  it('retires a page after MAX_USES_PER_PAGE renders, so Chromium can free its memory', async () => {
    const p = pool(1);
    for (let i = 0; i < MAX_USES_PER_PAGE; i++) await p.withPage(async () => undefined);
    const [first] = launched[0]!.pages;
    expect(first!.closed).toBe(true);
    await p.withPage(async (page) => expect(page).not.toBe(first));
    expect(launched[0]!.pages).toHaveLength(2);
    await p.close();
  });

  it('discards a page whose use failed and frees its slot', async () => {
    const p = pool(1);
    await expect(
      p.withPage(async () => {
        throw new Error('render blew up');
      }),
    ).rejects.toThrow('render blew up');
    expect(launched[0]!.pages[0]!.closed).toBe(true);
    await p.withPage(async (page) => expect(page).toBe(launched[0]!.pages[1]));
    await p.close();
  });

  it('starts a new browser on the next request after a crash', async () => {
    const p = pool(2);
    await p.withPage(async () => undefined);
    launched[0]!.crash();
    expect(p.stats().browserConnected).toBe(false);
    await p.withPage(async (page) => expect((page as unknown as FakePage).browser()).toBe(launched[1]));
    expect(launchBrowser).toHaveBeenCalledTimes(2);
    await p.close();
  });

  it('fails a page that crashes mid-render at once', async () => {
    const p = pool(1);
    const result = p.withPage(async (page) => {
      page.emit('error', new Error('Page crashed!'));
      return new Promise<never>(() => undefined);
    });
    await expect(result).rejects.toBeInstanceOf(PdfRenderError);
    await p.close();
  });

  it('without Chromium, keeps the app up and fails renders with PdfRenderError naming the cause', async () => {
    findBrowserExecutable.mockImplementation(() => {
      throw new Error('No Chromium found for PDF rendering. Tried: /usr/bin/chromium-headless-shell');
    });
    try {
      const p = new BrowserPool(parseConfig({ NODE_ENV: 'production' }));
      await expect(p.onModuleInit()).resolves.toBeUndefined();
      const failure = p.withPage(async () => undefined);
      await expect(failure).rejects.toBeInstanceOf(PdfRenderError);
      await expect(failure).rejects.toMatchObject({
        code: 'PDF_RENDER_FAILED',
        status: 503,
        reason: expect.stringContaining('No Chromium found'),
      });
      expect(p.stats().busy).toBe(0);
      await p.close();
    } finally {
      findBrowserExecutable.mockImplementation(
        (configured: string | undefined) => configured ?? '/usr/bin/chromium',
      );
    }
  });

  it('on close, lets the render in flight finish, rejects waiters and closes the browser', async () => {
    const p = pool(1);
    const gate = deferred();
    const inFlight = p.withPage(async () => {
      await gate.promise;
      return 'done';
    });
    const waiting = p.withPage(async () => 'never');
    await settle();
    const closing = p.close();
    await expect(waiting).rejects.toBeInstanceOf(PdfRenderError);
    gate.resolve();
    await expect(inFlight).resolves.toBe('done');
    await closing;
    expect(launched[0]!.connected).toBe(false);
    await expect(p.withPage(async () => undefined)).rejects.toBeInstanceOf(PdfRenderError);
  });
});
