// The app's icons, drawn at build time (the manifest stage, manifest.mjs, calls this): a rounded
// square in the accent colour with three rising bars, as SVG and as PNG at the sizes a
// web app manifest needs. The PNG encoder is the few lines the format needs (zlib is
// Node's own), so the build fetches nothing.
import { deflateSync } from "node:zlib";

export const ACCENT = "#0b5cad";
const ACCENT_RGB = [0x0b, 0x5c, 0xad];

// The drawing on a 100-unit square: background corner radius, and the three bars.
const RADIUS = 22;
const BARS = [
  { x: 22, width: 14, top: 58 },
  { x: 43, width: 14, top: 42 },
  { x: 64, width: 14, top: 24 },
];
const BASELINE = 78;

export function svgIcon() {
  const bars = BARS.map(({ x, width, top }) => `<rect x="${x}" y="${top}" width="${width}" height="${BASELINE - top}" rx="2" fill="#fff"/>`).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="${RADIUS}" fill="${ACCENT}"/>${bars}</svg>\n`;
}

/** Whether a point of the 100-unit drawing is inside the rounded square (`maskable`: the full square). */
function inBackground(x, y, maskable) {
  if (maskable) return true;
  const cx = Math.min(Math.max(x, RADIUS), 100 - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), 100 - RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
}

function onBar(x, y, maskable) {
  // A maskable icon keeps its drawing inside the safe zone, the middle 80%.
  const scale = maskable ? 0.8 : 1;
  const u = 50 + (x - 50) / scale;
  const v = 50 + (y - 50) / scale;
  return BARS.some(({ x: left, width, top }) => u >= left && u < left + width && v >= top && v < BASELINE);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A `size`×`size` RGBA PNG of the icon, each pixel sampled 4×4 for smooth edges. */
export function pngIcon(size, { maskable = false } = {}) {
  const rows = [];
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px += 1) {
      let background = 0;
      let bar = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = ((px + (sx + 0.5) / samples) / size) * 100;
          const y = ((py + (sy + 0.5) / samples) / size) * 100;
          if (inBackground(x, y, maskable)) {
            background += 1;
            if (onBar(x, y, maskable)) bar += 1;
          }
        }
      }
      const total = samples * samples;
      const white = bar / Math.max(background, 1);
      const at = 1 + px * 4;
      for (let channel = 0; channel < 3; channel += 1) {
        row[at + channel] = Math.round(ACCENT_RGB[channel] * (1 - white) + 255 * white);
      }
      row[at + 3] = Math.round((255 * background) / total);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}
