// End-to-end checks of the release bundle in headless Chromium, as visitors and host pages
// get it. Usage: node tests/e2e/run.mjs [dist] [suite ...] (all suites when none is named).
import { launch } from "./browser.mjs";
import { serve } from "./serve.mjs";
import { tally } from "./harness.mjs";
import * as app from "./app.mjs";
import * as consultants from "./consultants.mjs";
import * as workshop from "./workshop.mjs";
import * as firstPaint from "./first_paint.mjs";
import * as hosts from "./hosts.mjs";
import * as realUse from "./real_use.mjs";
import * as wordpress from "./wordpress.mjs";
import * as rooms from "./rooms.mjs";
import * as leads from "./leads.mjs";

const dist = process.argv[2] ?? "dist";
// The app's own origin sends Access-Control-Allow-Origin, as its host must for embedding.
const server = await serve(dist, { cors: true });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const suites = { app, firstPaint, consultants, hosts, leads, workshop, realUse, rooms, wordpress };
const chosen = process.argv.slice(3);
for (const [name, suite] of Object.entries(suites)) {
  if (chosen.length === 0 || chosen.includes(name)) await suite.run({ browser, origin, dist });
}
await browser.close();
server.close();
console.log(`e2e: ${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 ? 0 : 1);
