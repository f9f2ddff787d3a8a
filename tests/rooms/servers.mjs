// The room server's real parts, started by the tests themselves: the cvc-server binary
// (built by cargo, as `cargo test` left it) on SQLite or PostgreSQL, and a private
// PostgreSQL 15 cluster from Debian's own package, run as the postgres user on a port and
// socket folder of its own (PostgreSQL refuses to run as root), stopped afterwards.
import { execFileSync, spawn } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../e2e/harness.mjs";

const PG = "/usr/lib/postgresql/15/bin";
/** The binary to run: the debug build, or CVC_SERVER_BINARY (the benchmark's release). */
export const binary = () => process.env.CVC_SERVER_BINARY ?? "target/debug/cvc-server";

/** Builds the server (debug; `cargo test` has built its dependencies already). */
export function buildServer() {
  if (process.env.CVC_SERVER_BINARY) return;
  execFileSync("cargo", ["build", "--quiet", "-p", "cvc-server"], { stdio: "inherit" });
}

/** Waits until `check` resolves truthy, polling. */
export async function until(check, { timeout = 15000, every = 50, what = "a condition" } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
}

/**
 * Starts cvc-server on a free port with `database` (sqlite://… or postgres://…) and any
 * further flags; resolves once /health answers. `kill(signal)` stops it; its log is kept
 * in `log` (the tests read it: no figures may appear there).
 */
export async function startServer(database, flags = [], { port } = {}) {
  port ??= await freePort();
  const child = spawn(binary(), ["--listen", `127.0.0.1:${port}`, "--database", database, ...flags], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, CVC_LOG: process.env.CVC_LOG ?? "info" },
  });
  const server = { child, port, url: `http://127.0.0.1:${port}`, log: "", exited: null };
  child.stdout.on("data", (chunk) => (server.log += chunk));
  child.stderr.on("data", (chunk) => (server.log += chunk));
  server.exit = new Promise((resolve) => child.on("exit", (code, signal) => resolve((server.exited = { code, signal }))));
  server.kill = async (signal = "SIGTERM") => {
    if (server.exited) return server.exited;
    child.kill(signal);
    return server.exit;
  };
  await until(async () => {
    if (server.exited) throw new Error(`the server exited: ${JSON.stringify(server.exited)}\n${server.log}`);
    const answer = await fetch(`${server.url}/health`);
    return answer.ok;
  }, { what: `cvc-server on ${port}` });
  return server;
}

/** A fresh SQLite database's address, in a folder of its own. */
export function sqliteDatabase() {
  const dir = mkdtempSync(join(tmpdir(), "cvc-rooms-"));
  return { url: `sqlite://${join(dir, "data", "rooms.sqlite")}`, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A private PostgreSQL cluster with a `rooms` database; `restart()` crashes and restarts it. */
export async function startPostgres() {
  const dir = mkdtempSync(join(tmpdir(), "cvc-pg-"));
  chownSync(dir, 101, 104);
  const port = await freePort();
  const asPostgres = (args) => execFileSync("runuser", ["-u", "postgres", "--", ...args], { stdio: "pipe", encoding: "utf8" });
  asPostgres([`${PG}/initdb`, "-D", `${dir}/data`, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200`;
  const start = () => asPostgres([`${PG}/pg_ctl`, "-D", `${dir}/data`, "-o", options, "-l", `${dir}/log`, "-w", "start"]);
  const stop = (mode = "fast") => asPostgres([`${PG}/pg_ctl`, "-D", `${dir}/data`, "-m", mode, "-w", "stop"]);
  start();
  execFileSync("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-c", "create database rooms"], { stdio: "pipe" });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/rooms`,
    /** A crash: stopped at once, as a killed server would be, then started again. */
    crash: () => stop("immediate"),
    start,
    stop: () => {
      try {
        stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    psql: (sql) => execFileSync("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", "rooms", "-At", "-c", sql], { encoding: "utf8" }).trim(),
  };
}

/**
 * The presenter's stream, read as a browser's fetch would (EventSource cannot send the
 * token, or `query`): `events` collects each event with the time it came; `close()` ends it.
 */
export function openStream(url, code, token, { lastEventId, query } = {}) {
  const controller = new AbortController();
  const stream = { events: [], ended: false, status: null, close: () => controller.abort() };
  stream.ready = (async () => {
    // With `query` (as a browser's EventSource opens it: `key=…`), no header.
    const headers = query ? { accept: "text/event-stream" } : { authorization: `Bearer ${token}`, accept: "text/event-stream" };
    if (lastEventId !== undefined) headers["last-event-id"] = String(lastEventId);
    const address = `${url}/api/rooms/${code}/stream${query ? `?${query}` : ""}`;
    const answer = await fetch(address, { headers, signal: controller.signal });
    stream.status = answer.status;
    if (!answer.ok) {
      stream.ended = true;
      return;
    }
    stream.done = (async () => {
      const decoder = new TextDecoder();
      let buffer = "";
      try {
        for await (const chunk of answer.body) {
          buffer += decoder.decode(chunk, { stream: true });
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = { at: performance.now(), event: "message", data: "", id: null };
            for (const line of block.split("\n")) {
              if (line.startsWith("event:")) event.event = line.slice(6).trim();
              else if (line.startsWith("data:")) event.data += line.slice(5).trim();
              else if (line.startsWith("id:")) event.id = line.slice(3).trim();
            }
            if (event.data) {
              event.json = JSON.parse(event.data);
              stream.events.push(event);
            }
          }
        }
      } catch {
        // Aborted, or the server went away.
      }
      stream.ended = true;
    })();
  })();
  return stream;
}

/** A participant's random id, as a phone makes it. */
export const participantId = (n) => `phone-${String(n).padStart(6, "0")}-${Math.random().toString(36).slice(2, 10)}`;

/** The least a phone's entry may be: one of model.md's inputs (a body that gives none, such
 * as `{}`, is refused, since counted it would be the defaults). */
export const someFigures = { lifetime_profit: 45000 };
