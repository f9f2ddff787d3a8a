// Stage 8: where the workshop room's server is, when it is not the page's own origin. A
// bundle served from a CDN names the room server's origin at build time
// (CVC_ROOM_SERVER=https://rooms.example scripts/build.sh): the page's
// Content-Security-Policy then allows it in connect-src, and a <meta name="cvc-room-server">
// tells the page where to find it. Without it, the page looks for rooms on its own origin
// (crates/server serves the bundle and the API together).
import { addressFrom, allowConnect, secureOrLocal } from "./connect.mjs";
import { facts } from "./facts.mjs";

export async function run(build) {
  const origin = process.env.CVC_ROOM_SERVER;
  if (!origin) return;
  const url = addressFrom(build, "CVC_ROOM_SERVER");
  if (!secureOrLocal(url) || url.origin !== origin.replace(/\/$/, "")) {
    build.fail(`CVC_ROOM_SERVER=${origin}: give an origin only, https:// (or http:// on this computer), such as https://rooms.example`);
  }
  allowConnect(build, url.origin, "the room server");
  build.page = build.page.replace("</head>", `<meta name="${facts(build).room_server_meta}" content="${url.origin}"></head>`);
  console.log(`post-build: the room server is ${url.origin}`);
}
