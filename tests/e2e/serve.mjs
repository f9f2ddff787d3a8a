// A tiny static server for dist/, for the end-to-end tests and screenshots. It serves
// .wasm as application/wasm, as any production host must. With `cors`, it also sends
// Access-Control-Allow-Origin, as the app's host must for other sites to embed it.
// `rewrite(path, body)` may change a file on its way out (the embed tests point the demo
// page at another origin with it); `blocked(path)` refuses a file, and `delay(path)`
// holds it back for some milliseconds, as a proxy or a slow connection would; `gzip`
// compresses as a CDN does (scripts/lighthouse.sh); `cacheControl` is sent with every file.
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg"]);

export function serve(root, { port = 0, host = "127.0.0.1", cors = false, rewrite = null, blocked = null, delay = null, gzip = false, cacheControl = "no-cache" } = {}) {
  // Hostile links may be long (the tests send a 100 kB parameter); let them reach the app.
  const server = createServer({ maxHeaderSize: 1 << 20 }, async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(root, path.endsWith("/") ? join(path, "index.html") : path);
    const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": cacheControl };
    if (cors) headers["access-control-allow-origin"] = "*";
    const wait = delay ? delay(path) : 0;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (blocked && blocked(path)) {
      response.writeHead(403, { "content-type": "text/plain" });
      response.end("blocked");
      return;
    }
    try {
      let body = await readFile(file);
      if (rewrite) body = rewrite(path, body);
      if (gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
        body = gzipSync(body, { level: 9 });
        headers["content-encoding"] = "gzip";
        headers.vary = "Accept-Encoding";
      }
      response.writeHead(200, headers);
      response.end(body);
    } catch {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
    }
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
