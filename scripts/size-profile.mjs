// Where the bytes of the wasm go: runs twiggy on the wasm that still has its names (the
// one cargo writes, before wasm-bindgen and wasm-opt strip them) and groups the result by
// crate and by module of this project. Prints two Markdown tables; scripts/size-profile.sh
// writes them into docs/size.md.
//
// Usage: node scripts/size-profile.mjs [path/to/customer-value-calculator.wasm]
import { execFileSync } from "node:child_process";

const wasm = process.argv[2] ?? "target/wasm32-unknown-unknown/release/customer-value-calculator.wasm";
const csv = execFileSync("twiggy", ["top", "-n", "1000000", "--format", "csv", wasm], {
  encoding: "utf8",
  maxBuffer: 256 * 1024 * 1024,
});

/** Splits one CSV line (twiggy quotes names that hold commas). */
function fields(line) {
  const out = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(current);
      current = "";
    } else current += c;
  }
  out.push(current);
  return out;
}

// This project's crates (crates/*): cvc_model, cvc_core, cvc_browser, cvc_view, cvc_page,
// cvc_extras, and the binaries' own crates.
const OURS = /\b(cvc_[a-z]+|customer_value_calculator|extras)::/;
const STD = ["core", "alloc", "std", "compiler_builtins", "dlmalloc", "panic_abort", "__rustc"];

/** The first crate path in a piece of a symbol, past `<`, `&`, `mut`, `dyn`. */
function firstCrate(text) {
  const match = text.replace(/^[<&\s(\[]*((mut|dyn|const) )*/, "").match(/^([A-Za-z_][A-Za-z0-9_]*)::/);
  return match ? match[1] : null;
}

/**
 * The crate a symbol is there for. Generic code instantiated for this project's types
 * (a component's `view`, a sort of its bars) counts as this project's: it exists because
 * of them. Methods of primitives count as the standard library's.
 */
function crateOf(name) {
  if (/^(data segment|elem|type|table|memory|global|export|import|code)\b/.test(name) || /^(data|elem|type|table|code)\[/.test(name)) {
    return "(data: constants, strings, tables)";
  }
  const ours = name.match(OURS);
  if (ours) return ours[1];
  let crate = firstCrate(name);
  if (!crate && name.startsWith("<")) {
    // <f64 as core::str::FromStr>::from_str, <str>::replace: the trait's crate, or std.
    const trait = name.match(/ as ([^>]*)>/);
    crate = (trait && firstCrate(trait[1])) || "core";
  }
  if (!crate) return name.startsWith("__") || name === "main" ? "(runtime glue)" : "(other)";
  return STD.includes(crate) ? `std: ${crate}` : crate;
}

/** The module of this project a symbol is in, two or three levels deep. */
function moduleOf(name) {
  const found = name.match(OURS);
  if (!found) return null;
  const path = name.slice(found.index).split("::");
  const segments = [];
  for (const segment of path) {
    if (!/^[a-z_][a-z0-9_]*$/.test(segment)) break;
    segments.push(segment);
    if (segments.length === 3) break;
  }
  return segments.length ? segments.join("::") : "(crate root)";
}

const byCrate = new Map();
const byModule = new Map();
let total = 0;
for (const line of csv.trim().split("\n").slice(1)) {
  const [raw, size] = fields(line);
  // Symbols carry their crate's hash: cvc_core[9e12c34c9b261e7b]::codec.
  const name = raw.replace(/\[[0-9a-f]{16}\]/g, "");
  // wasm-bindgen removes its describe functions and its custom section, and wasm-opt the
  // names: none of them ship.
  if (name.includes("describe::") || name.includes("__wbindgen_describe") || name.startsWith("custom section") || name.includes("subsection")) continue;
  const bytes = Number(size);
  if (!Number.isFinite(bytes)) continue;
  total += bytes;
  const crate = crateOf(name);
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + bytes);
  const module = moduleOf(name);
  if (module) byModule.set(module, (byModule.get(module) ?? 0) + bytes);
}

function table(title, map, limit) {
  const rows = [...map.entries()].sort((a, b) => b[1] - a[1]);
  const shown = rows.slice(0, limit);
  const rest = rows.slice(limit).reduce((sum, [, bytes]) => sum + bytes, 0);
  let out = `| ${title} | bytes | share |\n|---|---:|---:|\n`;
  for (const [key, bytes] of shown) out += `| ${key} | ${bytes.toLocaleString("en")} | ${((100 * bytes) / total).toFixed(1)}% |\n`;
  if (rest > 0) out += `| (${rows.length - limit} more) | ${rest.toLocaleString("en")} | ${((100 * rest) / total).toFixed(1)}% |\n`;
  return out;
}

console.log(`Profiled: \`${wasm}\`, ${total.toLocaleString("en")} bytes of code and data before wasm-bindgen and wasm-opt.\n`);
console.log(table("crate", byCrate, 25));
console.log(table("module of this project", byModule, 40));
