// The code several chunks share, in fewer files. wasm-split-cli puts each piece of code
// that two or more chunks use (and the main module does not) into a shared chunk of its
// own, one per set of chunks that use it: 30 or so for six chunks, most of them a few
// hundred bytes. The page's charts waited for 15 of them, so a wide screen fetched 16
// files for the charts, paying each file's request, wasm header and compression again
// (docs/size.md, "Shared chunks").
//
// Here every shared chunk joins the group of the first chunk, in the order of
// cvc_core::parts::Chunk::ALL (a build fact), that waits for it, and each group is one
// file: the charts, first, have one file of everything they share with other chunks. A
// chunk then waits for each group it has a piece in, and may fetch code it does not run
// yet: code of the chunks before it in that order, which the charts (that come without
// being asked) mostly run anyway. The order is the one with the fewest bytes over all the
// chunks, each with what it waits for (docs/size.md).
//
// But a calculator that shows only its headline never fetches the charts, and may still
// fetch the lead form (Chunk::WITHOUT_CHARTS, a build fact). So the charts' group is cut
// by which of those chunks also wait for a piece: the lead form fetches what it shares with
// the charts, not everything the charts share with the panels, the presenter view and the
// room (about 11 KB; one more file for the charts and for each chunk that fetches both).
//
// A shared chunk is a module that imports the main module's memory, table and stack
// pointer and fills its table slots and data at fixed places; it exports nothing and
// calls the other chunks only through the table. So the members of a group are one
// module when put side by side: binaryen's wasm-merge does that, then each import the
// members repeat (one memory, one table, one stack pointer) is kept once, and the
// loader's variables for the members all name the group's one load.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Merges the shared chunks in the folder `work` (`chunk_<n>.wasm`) into one file per
 * group and rewrites the split's `loader` text to load each group once; returns the new
 * loader text. `order` is the chunks' names in the order of `Chunk::ALL`; `withoutFirst`
 * those of `Chunk::WITHOUT_CHARTS`, which may come without the first; `features` the wasm
 * features (`--enable-…`); `keepNames` keeps the functions' names (a development
 * build's); `fail` reports what cannot be merged. */
export function mergeSharedChunks(work, loader, order, withoutFirst, features, keepNames, fail) {
  const groups = new Map();
  const waiting = sharedChunkUsers(loader);
  // Every shared chunk the loader defines is waited for, or this stage misread the loader.
  for (const [, n] of loader.matchAll(/const __chunk_(\d+) = makeLoad\(/g)) {
    if (!waiting.has(Number(n))) fail(`the split's loader defines __chunk_${n}, but no chunk waits for it the way this stage reads`);
  }
  for (const [shared, users] of waiting) {
    const first = order.find((chunk) => users.has(chunk));
    if (!first) fail(`the shared chunk ${shared} is waited for by no chunk the build facts name (${[...users]})`);
    const group = first === order[0] ? `${first}+${withoutFirst.filter((chunk) => users.has(chunk)).join("+")}` : first;
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push(shared);
  }
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    members.sort((a, b) => a - b);
    const [kept, ...merged] = members;
    const files = members.map((n) => join(work, `chunk_${n}.wasm`));
    const text = quietly("wasm-merge", [...files.flatMap((file, i) => [file, `m${i}`]), ...features, "--enable-multimemory", "-S", "-o", "-"], fail);
    const wat = join(work, `chunk_${kept}.wat`);
    writeFileSync(wat, oneOfEachImport(text, fail));
    execFileSync("wasm-as", [wat, ...features, ...(keepNames ? ["--debuginfo"] : []), "-o", files[0]], { stdio: "inherit" });
    rmSync(wat);
    for (const n of merged) {
      rmSync(join(work, `chunk_${n}.wasm`));
      // One definition: its text may not run into the next `const` or `export`.
      const definition = new RegExp(`const __chunk_${n} = makeLoad\\(\\(\\) => \\{(?:(?!\\n(?:const|export) )[\\s\\S])*?\\n\\}\\n, \\[\\]\\);`);
      if (!definition.test(loader)) fail(`the split's loader no longer defines __chunk_${n} the way this stage knows`);
      loader = loader.replace(definition, `const __chunk_${n} = __chunk_${kept};`);
    }
  }
  return loader;
}

/** Runs a binaryen tool and returns what it prints, showing its warnings but the one every
 * module of this toolchain gives (wasm-bindgen's name subsection that binaryen does not
 * know, docs/size.md). */
function quietly(tool, args, fail) {
  const run = spawnSync(tool, args, { encoding: "utf8", maxBuffer: 1 << 30 });
  const said = (run.stderr ?? "").split("\n").filter((line) => line && !/^warning: unknown name subsection with id \d+ at \d+$/.test(line));
  if (said.length) console.error(said.join("\n"));
  if (run.status !== 0) fail(`${tool} failed (${run.error?.message ?? `exit ${run.status}`})`);
  return run.stdout;
}

/** Each split point's load in the split's loader text (before it is minified): its name,
 * the file it fetches of its own (none where the split left it empty), and the numbers of
 * the shared chunks it waits for (`__chunk_<n>`). */
export function splitPointLoads(loader) {
  return [...loader.matchAll(/export const __wasm_split_load_([a-z]+) = wrapAsyncCb\(makeLoad\(([\s\S]*?)\]\)\);/g)].map(([, name, body]) => ({
    name,
    own: body.match(/new URL\("\.\/([^"]+)"/)?.[1],
    waits: [...body.matchAll(/__chunk_(\d+)/g)].map(([, n]) => Number(n)),
  }));
}

/** For each shared chunk of the loader (its number), the names of the chunks that wait
 * for it. */
function sharedChunkUsers(loader) {
  const users = new Map();
  for (const { name, waits } of splitPointLoads(loader)) {
    for (const n of waits) {
      if (!users.has(n)) users.set(n, new Set());
      users.get(n).add(name);
    }
  }
  return users;
}

/** The merged module's text with each import the members repeat (the same module and
 * field) declared once, and every use of a repeat naming the one kept. Names inside
 * string literals (data) are left alone. */
function oneOfEachImport(text, fail) {
  const kept = new Map();
  const renamed = new Map();
  const lines = text.split("\n").filter((line) => {
    const declared = line.match(/^\s*\(import "([^"]*)" "([^"]*)" \((memory|table|global|func) (\$\S+) (.*)$/);
    if (!declared) return true;
    const [, module, field, kind, name, rest] = declared;
    const key = `${module}\u0000${field}`;
    const first = kept.get(key);
    if (!first) {
      kept.set(key, { name, kind, rest });
      return true;
    }
    if (first.kind !== kind || first.rest !== rest) fail(`the shared chunks import ${module}.${field} differently: ${first.kind} ${first.rest} and ${kind} ${rest}`);
    renamed.set(name, first.name);
    return false;
  });
  const imports = lines.filter((line) => /^\s*\(import /.test(line)).length;
  if (imports !== kept.size) fail(`the merged shared chunks declare ${imports} imports, of which this stage read ${kept.size}`);
  // Identifiers outside string literals, per the text format's idchars.
  return lines
    .join("\n")
    .split(/("(?:[^"\\]|\\.)*")/)
    .map((piece, i) => (i % 2 === 1 ? piece : piece.replace(/\$[0-9A-Za-z!#$%&'*+\-./:<=>?@\\^_`|~]+/g, (id) => renamed.get(id) ?? id)))
    .join("");
}
