// Stage 4: the web app manifest (a name in both languages, the icons, the theme colour)
// and its icons, drawn here (icons.mjs).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ACCENT, pngIcon, svgIcon } from "./icons.mjs";

export const ICONS = [
  { src: "icon-192.png", sizes: "192x192", type: "image/png", draw: () => pngIcon(192) },
  { src: "icon-512.png", sizes: "512x512", type: "image/png", draw: () => pngIcon(512) },
  { src: "icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable", draw: () => pngIcon(512, { maskable: true }) },
  { src: "icon.svg", sizes: "any", type: "image/svg+xml", draw: () => svgIcon() },
];

export async function run(build) {
  for (const icon of ICONS) writeFileSync(join(build.staging, icon.src), icon.draw());
  const manifest = {
    name: "Customer Value Calculator · מחשבון ערך לקוח",
    short_name: "Customer value · ערך לקוח",
    description: "What poor customer service costs a small business, and what investing in service returns. מה עולה שירות גרוע לעסק קטן, ומה מחזירה השקעה בשירות.",
    lang: "en",
    dir: "auto",
    start_url: "./",
    scope: "./",
    display: "standalone",
    background_color: "#f6f7f9",
    theme_color: ACCENT,
    icons: ICONS.map(({ draw, ...icon }) => icon),
  };
  writeFileSync(join(build.staging, "manifest.webmanifest"), `${JSON.stringify(manifest, null, 2)}\n`);
}
