/*
 * Sekretariat's service worker: lets an elected official read a meeting's papers offline
 * (on a plane) once they have opened them. Hand-written and small on purpose.
 *
 * - The app shell (index.html, scripts, styles, texts) is cached on install and whenever fetched;
 *   pages (navigations) are network-first with the cached index.html as fallback.
 * - The reader's API (GET /api/reader/…) and document contents (GET /api/documents/:id/content)
 *   are network-first, cached when fetched. No other API response is cached: they hold personal
 *   data the reader does not need offline.
 * - The app deletes the papers cache on logout (see reader/offline/offline-papers.ts).
 */
const SHELL_CACHE = 'sekretariat-shell-v1';
const PAPERS_CACHE = 'sekretariat-papers';
const INDEX = '/index.html';

/** Content-hashed bundles never change under their name: cache-first. */
const HASHED = /-[A-Z0-9]{8}\.(js|css)$/;
const READER_API = /^\/api\/reader\//;
const DOCUMENT_CONTENT = /^\/api\/documents\/[^/]+\/content$/;

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell());
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith('sekretariat-shell-') && name !== SHELL_CACHE)
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;

  if (url.pathname.startsWith('/api/')) {
    if (READER_API.test(url.pathname) || DOCUMENT_CONTENT.test(url.pathname)) {
      event.respondWith(networkFirst(request, PAPERS_CACHE));
    }
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
    return;
  }
  event.respondWith(
    HASHED.test(url.pathname) ? cacheFirst(request) : networkFirst(request, SHELL_CACHE),
  );
});

/** index.html and what it loads at once (read from its script and stylesheet tags). */
async function cacheShell() {
  const cache = await caches.open(SHELL_CACHE);
  const response = await fetch(INDEX, { cache: 'no-cache' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(INDEX, response);
  const assets = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css|ico))"/g)].map((m) => m[1]);
  await Promise.all(
    assets.map((asset) =>
      cache.add(new URL(asset, self.location.origin).pathname).catch(() => undefined),
    ),
  );
}

async function page(request) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      const cache = await caches.open(SHELL_CACHE);
      await cache.put(INDEX, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(INDEX);
    if (cached) return cached;
    throw error;
  }
}

async function networkFirst(request, cacheName) {
  try {
    const response = await fetch(request);
    if (response.ok && response.status === 200) {
      const cache = await caches.open(cacheName);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { cacheName, ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: SHELL_CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.status === 200) {
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}
