// A release's main modules name what crosses between their wasm and their JS short.
// wasm-bindgen writes every such name twice, in the wasm and in the JS, and its names
// hardly compress (docs/size.md):
//
// - the imports of the JS glue: named after what each calls and a 16-digit hash
//   (`__wbg_setAttribute_f75317b2b5cabfb4`); the page's main module has about 210 of them,
//   7 KB of names in each file. Only the imports from wasm-bindgen's JS module are renamed;
//   the split's loader's (`./__wasm_split.js`) keep their names, which the loader exports.
//   The chunks import nothing from the JS: they call it through the main module. Each name
//   must be a key exactly once in the JS, or the stage fails rather than guess;
// - the function exports only the JS calls (`wasm.__wbindgen_malloc`, 30 times, and the
//   closures' entry points, whose names spell out their Rust types in up to 336
//   characters). The split's loader reads the exports the chunks import (the memory, the
//   function table, the shared globals) by name, so none that the loader names, and no
//   table, memory or global, is renamed;
// - the loader's module, which wasm-bindgen imports once for each function the wasm
//   imports from it (`import * as import1 … import6`, each a key of the import object):
//   imported once.
import { readFileSync, writeFileSync } from "node:fs";

/** The split's loader, the one module the wasm imports from besides wasm-bindgen's glue. */
const LOADER_MODULE = "./__wasm_split.js";

/** Names short what the wasm at `wasmPath` and the JS at `jsPath` share, both in place:
 * the glue's imports, the exports only the JS calls (none that `loader`, the split's
 * loader's text, names), and the loader's module imported once. `fail` reports what
 * cannot be renamed safely. */
export function shortenNames(wasmPath, jsPath, loader, fail) {
  shortenImports(wasmPath, jsPath, fail);
  shortenExports(wasmPath, jsPath, loader, fail);
  const js = readFileSync(jsPath, "utf8");
  writeFileSync(jsPath, oneLoaderImport(js, fail));
}

/** The JS with the split's loader imported once: wasm-bindgen imports its module once for
 * each function the wasm imports from it, all the same module. */
export function oneLoaderImport(js, fail) {
  const statement = /^import \* as (\w+) from "\.\/__wasm_split\.js";?\n/gm;
  const names = [...js.matchAll(statement)].map((match) => match[1]);
  if (names.length < 2) return js;
  const [first, ...rest] = names;
  let out = js.replace(statement, (line, name) => (name === first ? line : ""));
  for (const name of rest) {
    const key = new RegExp(`^\\s*"\\./__wasm_split\\.js": ${name},?\\n`, "m");
    if (!key.test(out)) fail(`the JS imports the split's loader as ${name} but gives it to the wasm in a way this stage does not know`);
    out = out.replace(key, "");
    if (new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(out)) fail(`the JS uses ${name}, the loader's module, elsewhere`);
  }
  return out;
}

/** Renames the function exports of the wasm at `wasmPath` that the JS at `jsPath` calls as
 * `wasm.<name>` and `loader` does not name, in both, in place. */
export function shortenExports(wasmPath, jsPath, loader, fail) {
  const wasm = readFileSync(wasmPath);
  let js = readFileSync(jsPath, "utf8");
  const exported = exportNames(wasm);
  const shortName = shortNames(new Set(exported.map(({ name }) => name)));
  const renamed = new Map();
  for (const { name, kind } of exported) {
    if (kind !== 0 || loader.includes(name)) continue;
    const call = new RegExp(`(?<![\\w$])wasm\\.${name.replaceAll("$", "\\$")}(?![\\w$])`, "g");
    if (!call.test(js)) continue;
    const short = shortName();
    renamed.set(name, short);
    js = js.replace(call, `wasm.${short}`);
  }
  const out = rewriteSection(wasm, 7, (section) => exportSection(section, (name) => renamed.get(name) ?? name));
  if (exportNames(out).length !== exported.length) fail(`${wasmPath}: the exports changed in number while renamed`);
  writeFileSync(wasmPath, out);
  writeFileSync(jsPath, js);
  return renamed.size;
}

/** Renames the glue imports of the wasm at `wasmPath` and the same keys in the JS at
 * `jsPath`, both in place; `fail` reports what cannot be renamed safely. */
function shortenImports(wasmPath, jsPath, fail) {
  const wasm = readFileSync(wasmPath);
  // The glue's module is named after wasm-bindgen's --out-name (`./main_bg.js` for an
  // entry, `./floor_bg.js` for the yardstick): the one that is not the loader's.
  const modules = new Set();
  rewriteImports(wasm, (module, field) => {
    modules.add(module);
    return field;
  });
  modules.delete(LOADER_MODULE);
  if (modules.size !== 1) fail(`${wasmPath}: imports from ${[...modules].join(", ")}, not from one glue module`);
  const [glue] = modules;
  let js = readFileSync(jsPath, "utf8");
  const renamed = new Map();
  const shortName = shortNames();
  const out = rewriteImports(wasm, (module, field) => {
    if (module !== glue) return field;
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
  if (renamed.size === 0) fail(`${wasmPath}: no import of ${glue} was renamed`);
  writeFileSync(wasmPath, out);
  writeFileSync(jsPath, js);
  return renamed.size;
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
/** Keywords, which older engines refuse as bare keys of an object. */
const RESERVED = new Set(["do", "if", "in"]);
/** A source of short names, one per call, none a keyword or one of `taken`. */
function shortNames(taken = new Set()) {
  let next = 0;
  return () => {
    let name;
    do name = letters(next++);
    while (RESERVED.has(name) || taken.has(name));
    return name;
  };
}

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
  return rewriteSection(wasm, 2, (section) => importSection(section, rename));
}

/** The wasm with the section of `id` replaced by `rewrite(its body)`; every other byte as
 * it was. */
function rewriteSection(wasm, id, rewrite) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error("not a wasm module");
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const sectionId = wasm[at];
    const [size, sizeEnd] = readLeb(wasm, at + 1);
    const end = sizeEnd + size;
    if (sectionId !== id) {
      parts.push(wasm.subarray(at, end));
    } else {
      const body = rewrite(wasm.subarray(sizeEnd, end));
      parts.push(Buffer.from([id]), leb(body.length), body);
    }
    at = end;
  }
  return Buffer.concat(parts);
}

/** Each export's name and kind (0 a function, 1 a table, 2 a memory, 3 a global). */
function exportNames(wasm) {
  const found = [];
  rewriteSection(wasm, 7, (section) => exportSection(section, (name, kind) => {
    found.push({ name, kind });
    return name;
  }));
  return found;
}

/** A reader of a section's body from its start: LEB128 numbers, names, bytes. */
function cursor(section) {
  const reader = {
    at: 0,
    read() {
      const [value, end] = readLeb(section, reader.at);
      reader.at = end;
      return value;
    },
    name() {
      const length = reader.read();
      const name = section.subarray(reader.at, reader.at + length).toString("utf8");
      reader.at += length;
      return name;
    },
    byte() {
      return section[reader.at++];
    },
    done(what) {
      if (reader.at !== section.length) throw new Error(`the ${what} section has bytes after its ${what}s`);
    },
  };
  return reader;
}

function exportSection(section, rename) {
  const c = cursor(section);
  const count = c.read();
  const out = [leb(count)];
  for (let i = 0; i < count; i += 1) {
    const name = c.name();
    const kind = c.byte();
    const index = c.read();
    out.push(text(rename(name, kind)), Buffer.from([kind]), leb(index));
  }
  c.done("export");
  return Buffer.concat(out);
}

function importSection(section, rename) {
  const c = cursor(section);
  const count = c.read();
  const out = [leb(count)];
  const limits = () => {
    const flags = c.read();
    c.read();
    if (flags & 1) c.read();
  };
  for (let i = 0; i < count; i += 1) {
    const module = c.name();
    const field = c.name();
    const descStart = c.at;
    const kind = c.byte();
    if (kind === 0) c.read(); // a function: its type
    else if (kind === 1) { c.at += 1; limits(); } // a table: element type and limits
    else if (kind === 2) limits(); // a memory
    else if (kind === 3) c.at += 2; // a global: value type and mutability
    else if (kind === 4) { c.at += 1; c.read(); } // a tag
    else throw new Error(`an import of kind ${kind}, which this stage does not know`);
    out.push(text(module), text(rename(module, field)), section.subarray(descStart, c.at));
  }
  c.done("import");
  return Buffer.concat(out);
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
