// Customer Value Calculator: the service worker of a development build (trunk serve).
// It exists only to get out of the way: if a release build was once served from this
// address, its worker would keep answering with the cached release. This one replaces
// it, deletes its caches, unregisters itself, and reloads the open pages, which then
// load straight from the development server.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("cvc-")) await caches.delete(name);
      }
      await self.registration.unregister();
      for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
    })(),
  );
});
