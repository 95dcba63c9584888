import { DOCUMENT, Injectable, inject, isDevMode } from '@angular/core';

/** The cache the service worker (public/sw.js) keeps the reader's API answers and documents in. */
export const PAPERS_CACHE = 'sekretariat-papers';
/** The app shell's cache in public/sw.js (keep the names in step). */
export const SHELL_CACHE = 'sekretariat-shell-v1';

export type OfflineState = 'checking' | 'saving' | 'available' | 'failed' | 'unsupported';

/**
 * The page's side of offline reading: registers the service worker, saves a meeting's papers in
 * the cache when the meeting is opened, and deletes them on logout.
 */
@Injectable({ providedIn: 'root' })
export class OfflinePapers {
  private readonly document = inject(DOCUMENT);
  private readonly window = this.document.defaultView;

  /** Service workers need a browser that has them; not registered in development builds (ng serve) or tests. */
  get supported(): boolean {
    return !!this.window && 'serviceWorker' in this.window.navigator && 'caches' in this.window;
  }

  register(): void {
    if (!this.supported || isDevMode()) return;
    const url = new URL('sw.js', this.document.baseURI);
    this.window?.navigator.serviceWorker.register(url.pathname).catch((error: unknown) => {
      console.warn('Service worker not registered', error);
    });
  }

  /**
   * Fetches and caches every URL (the meeting, its annotations, its documents). Resolves to
   * 'available' when all are in the cache and a service worker will serve them offline.
   */
  async save(urls: readonly string[]): Promise<OfflineState> {
    const window = this.window;
    if (!window || !this.supported) return 'unsupported';
    try {
      const cache = await window.caches.open(PAPERS_CACHE);
      const missing: string[] = [];
      for (const url of urls) {
        // One at a time: a phone on a slow line should not open dozens of downloads at once.
        await cache.add(new Request(url, { credentials: 'same-origin' })).catch(() => {
          missing.push(url);
        });
      }
      if (missing.length > 0) return 'failed';
      const registration = await window.navigator.serviceWorker.getRegistration();
      return registration ? 'available' : 'unsupported';
    } catch {
      return 'failed';
    }
  }

  /**
   * Puts what this page has loaded from the app (scripts, styles, texts, fonts, the PDF worker)
   * into the shell cache. The service worker caches what it sees, but on the very first visit it
   * starts after much of that was loaded.
   */
  async saveShell(): Promise<void> {
    const window = this.window;
    if (!window || !this.supported) return;
    const origin = window.location.origin;
    const urls = new Set(
      window.performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name))
        .filter((url) => url.origin === origin && !url.pathname.startsWith('/api/'))
        .map((url) => url.pathname + url.search),
    );
    const cache = await window.caches.open(SHELL_CACHE);
    await Promise.all(
      [...urls].map(async (url) => {
        if (!(await cache.match(url))) await cache.add(url).catch(() => undefined);
      }),
    );
  }

  /** Whether all the URLs are in the cache (e.g. when offline, where nothing can be fetched). */
  async has(urls: readonly string[]): Promise<boolean> {
    const window = this.window;
    if (!window || !this.supported) return false;
    const cache = await window.caches.open(PAPERS_CACHE);
    const found = await Promise.all(urls.map((url) => cache.match(url, { ignoreVary: true })));
    return found.every(Boolean);
  }

  /** Deletes every cached paper and reader answer (on logout: they are the official's). */
  async clear(): Promise<void> {
    const window = this.window;
    if (!window || !('caches' in window)) return;
    await window.caches.delete(PAPERS_CACHE);
  }
}
