// Nianbao's service worker: the app starts with the network off once it has been loaded.
// Scoped to the app's folder (GitHub Pages project sites of one user share an origin).
// The precache list and version are written at build time by tools/post-build.mjs.
const PRECACHE = __PRECACHE__;
const VERSION = '__VERSION__';
const CACHE_PREFIX = 'nianbao-';
const CACHE = CACHE_PREFIX + VERSION;

self.addEventListener('install', (event) => {
  // A new version waits until the page says the user agreed to reload (see 'message').
  // Past the HTTP cache: the tools worker's files keep their names from one version to the next,
  // and a stale copy of them must not be cached beside a new editor.
  const fresh = PRECACHE.map((url) => new Request(url, { cache: 'reload' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(fresh)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith(CACHE_PREFIX) && key !== CACHE).map((key) => caches.delete(key)),
      ))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

function isPage(request) {
  return request.mode === 'navigate' || new URL(request.url).pathname.endsWith('/index.html');
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (isPage(request)) {
    // Network first, so a new version is seen as soon as there is a network; the cached page
    // when there is none (the editor's or the supervisor's, by folder; the editor's for any other).
    // The page is not written back to the cache: a newer page would point at files this
    // version did not precache, and break the next offline start.
    const page = new URL(request.url);
    page.search = '';
    page.hash = '';
    page.pathname = page.pathname.replace(/index\.html$/, '');
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(page.href, { cacheName: CACHE }).then((hit) => hit || caches.match('./', { cacheName: CACHE })),
      ),
    );
    return;
  }
  // Hashed file names never change content: cache first.
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
