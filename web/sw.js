// Customer Value Calculator: the service worker, so that the calculator opens and works
// with no network after one visit (a workshop's Wi-Fi, a phone in a basement).
// scripts/post-build/service-worker.mjs writes the two constants below at build time: this release's
// version and the files it precaches. Nobody edits the list by hand.
//
// - One cache per release, named after the release. A new release installs its own cache
//   complete, then takes over and deletes every older one, so no stale file stays behind.
// - The page is served from the cache first, and its files from the same cache. Their
//   names carry a content hash, so a page can only ever load the files of its own
//   release: if they are gone, it fails to start and says so, rather than mixing two.
// - Only GET requests for the page and the release's own files are answered. Anything
//   else (the room's API, its live stream, `release.json`) is left to the browser: a
//   stream answered through a worker's `fetch` ends for good when its connection drops,
//   where the browser's own EventSource asks again.
const RELEASE = "__RELEASE__";
const FILES = __FILES__;
const CACHE = `cvc-${RELEASE}`;
const PATHS = new Set(FILES.map((file) => new URL(file, self.location.href).pathname));

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Straight from the network, not from the browser's HTTP cache, so the release is whole.
      await cache.addAll(FILES.map((file) => new Request(file, { cache: "reload" })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("cvc-") && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  const isPage = request.mode === "navigate" && (url.pathname === scope.pathname || url.pathname === `${scope.pathname}index.html`);
  if (!isPage && !PATHS.has(url.pathname)) return;
  // caches.match with a cache name, not caches.open: a worker that a newer release has
  // replaced may still answer a last request, and must not re-create its deleted cache.
  // The page, whatever scenario its query string carries, is the release's own page.
  const cached = isPage ? caches.match(scope.href, { cacheName: CACHE }) : caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  event.respondWith(cached.then((response) => response ?? fetch(request)));
});
