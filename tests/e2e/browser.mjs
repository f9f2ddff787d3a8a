// Launches Debian's Chromium through playwright-core (never a downloaded browser), with
// the flags this network needs: no background connections to hosts it cannot reach.
import { chromium } from "playwright-core";

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** Reads a page's JS heap, DOM node count and event listeners through the DevTools
 * protocol, after two forced garbage collections (the first can leave what a finaliser of
 * the first freed): what the long-session benchmarks and the embed's memory check compare. */
export async function memoryReader(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  return async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const read = (name) => metrics.find((metric) => metric.name === name)?.value ?? NaN;
    return { heap: read("JSHeapUsedSize"), nodes: read("Nodes"), listeners: read("JSEventListeners") };
  };
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };
