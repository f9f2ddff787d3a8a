// A release's main modules import their JS glue under short names. wasm-bindgen names
// each import after what it calls and a 16-digit hash (`__wbg_setAttribute_f75317b2b5cabfb4`),
// and writes every name twice: in the wasm's import section and as a key of the JS's
// import object. The page's main module has about 210 of them, 7 KB of names in each
// file, and the hashes hardly compress: renamed to one or two letters, the first load is
// 6.4 KB smaller gzip, and what another site fetches 7.7 KB (docs/size.md).
//
// Only the imports from wasm-bindgen's JS module are renamed; the split's loader's
// (`./__wasm_split.js`) keep their names, which the loader exports. The chunks import
// nothing from the JS: they call it through the main module. Each name must be a key
// exactly once in the JS, or the stage fails rather than guess.
import { readFileSync, writeFileSync } from "node:fs";

/** The JS module wasm-bindgen's glue is imported from, as the wasm names it. */
const GLUE_MODULE = "./main_bg.js";

/** Renames the glue imports of the wasm at `wasmPath` and the same keys in the JS at
 * `jsPath`, both in place; `fail` reports what cannot be renamed safely. */
export function shortenImports(wasmPath, jsPath, fail) {
  const wasm = readFileSync(wasmPath);
  let js = readFileSync(jsPath, "utf8");
  const renamed = new Map();
  let next = 0;
  const shortName = () => {
    let name;
    do name = letters(next++);
    while (RESERVED.has(name));
    return name;
  };
  const out = rewriteImports(wasm, (module, field) => {
    if (module !== GLUE_MODULE) return field;
    if (!renamed.has(field)) renamed.set(field, shortName());
    return renamed.get(field);
  });
  for (const [long, short] of renamed) {
    // The key in the import object, and nothing else: a name seen elsewhere (a comment,
    // another use) means the JS is not the shape this stage knows.
    const key = new RegExp(`(?<![\\w$])${long}(?![\\w$])`, "g");
    const uses = js.match(key)?.length ?? 0;
    if (uses !== 1) fail(`${jsPath}: the import ${long} is named ${uses} times in the JS, not once`);
    js = js.replace(key, short);
  }
  writeFileSync(wasmPath, out);
  writeFileSync(jsPath, js);
  return renamed.size;
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
/** Keywords, which older engines refuse as bare keys of an object. */
const RESERVED = new Set(["do", "if", "in"]);
/** `a`…`Z`, then `aa`, `ab`…: the n-th short name. */
function letters(index) {
  let name = "";
  let n = index;
  do {
    name = ALPHABET[n % ALPHABET.length] + name;
    n = Math.floor(n / ALPHABET.length) - 1;
  } while (n >= 0);
  return name;
}

/** The wasm with each import's field renamed by `rename(module, field)`; every other
 * byte as it was. */
export function rewriteImports(wasm, rename) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, sizeEnd] = readLeb(wasm, at + 1);
    const end = sizeEnd + size;
    if (id !== 2) {
      parts.push(wasm.subarray(at, end));
    } else {
      const body = importSection(wasm.subarray(sizeEnd, end), rename);
      parts.push(Buffer.from([2]), leb(body.length), body);
    }
    at = end;
  }
  return Buffer.concat(parts);
}

function importSection(section, rename) {
  let at = 0;
  const read = () => {
    const [value, end] = readLeb(section, at);
    at = end;
    return value;
  };
  const name = () => {
    const length = read();
    const text = section.subarray(at, at + length).toString("utf8");
    at += length;
    return text;
  };
  const count = read();
  const out = [leb(count)];
  for (let i = 0; i < count; i += 1) {
    const module = name();
    const field = name();
    const descStart = at;
    const kind = section[at++];
    if (kind === 0) read(); // a function: its type
    else if (kind === 1) { at += 1; limits(); } // a table: element type and limits
    else if (kind === 2) limits(); // a memory
    else if (kind === 3) at += 2; // a global: value type and mutability
    else if (kind === 4) { at += 1; read(); } // a tag
    else throw new Error(`an import of kind ${kind}, which this stage does not know`);
    out.push(text(module), text(rename(module, field)), section.subarray(descStart, at));
  }
  if (at !== section.length) throw new Error("the import section has bytes after its imports");
  return Buffer.concat(out);

  function limits() {
    const flags = read();
    read();
    if (flags & 1) read();
  }
}

function text(value) {
  const bytes = Buffer.from(value, "utf8");
  return Buffer.concat([leb(bytes.length), bytes]);
}

function readLeb(bytes, start) {
  let value = 0;
  let shift = 0;
  let at = start;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(byte & 0x80)) return [value, at];
  }
}

function leb(value) {
  const bytes = [];
  let rest = value;
  do {
    let byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
    if (rest) byte |= 0x80;
    bytes.push(byte);
  } while (rest);
  return Buffer.from(bytes);
}
