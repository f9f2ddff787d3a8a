// A benchmark of the room server (not a test): the release binary on SQLite, on a private
// PostgreSQL, and as two processes sharing PostgreSQL, each under
//   1. a workshop: 200 participants each sending 10 edits over a minute while the
//      presenter streams the room;
//   2. a burst: 1,000 PUTs a second for 10 s (5 rooms of 200 phones, each phone once a
//      second), the presenter streaming one room;
//   3. (SQLite, and PostgreSQL with --full) 500 open rooms of 200 entries each: the
//      server's memory.
// It prints throughput, p50/p99 of a PUT's answer and of the time from that answer to the
// presenter's stream showing it, errors, and the server's memory (resident, and its peak).
// Figures go to docs/benchmarks.md.
//
// Usage: cargo build --release -p cvc-server && node scripts/room-load.mjs [--quick] [--full]
import { readFileSync } from "node:fs";
import { call, openRoom } from "../tests/rooms/api.mjs";
import { openStream, participantId, sqliteDatabase, startPostgres, startServer, until } from "../tests/rooms/servers.mjs";

process.env.CVC_SERVER_BINARY ??= "target/release/cvc-server";
process.env.CVC_LOG ??= "warn";
const quick = process.argv.includes("--quick");
const full = process.argv.includes("--full");
const FLAGS = ["--address-rate", "1000000", "--participant-rate", "100", "--rooms-per-hour", "1000000", "--db-connections", "16"];

const percentile = (values, fraction) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
};
const ms = (value) => (Number.isFinite(value) ? value.toFixed(1) : "–");

/** Resident memory of a process now and at its peak, in MB (from /proc). */
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name) => Number(status.match(new RegExp(`${name}:\\s+(\\d+)`))?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/** Sends one PUT and notes when it was answered, with the version it made. */
async function put(url, code, participant, scenario, record) {
  const sent = performance.now();
  try {
    const answer = await call(url, "PUT", `/api/rooms/${code}/entries/${participant}`, { body: scenario });
    const answered = performance.now();
    record.push({ code, sent, answered, status: answer.status, version: answer.json?.version ?? null });
  } catch {
    record.push({ code, sent, answered: performance.now(), status: 0, version: null });
  }
}

/** From each answered PUT to the first stream event that holds its version. */
function streamLatencies(record, stream, code) {
  const events = stream.events.filter((event) => event.event === "summary").map((event) => ({ at: event.at, version: Number(event.id) }));
  const out = [];
  for (const put of record) {
    if (put.code !== code || put.version === null || put.status >= 300) continue;
    const seen = events.find((event) => event.version >= put.version);
    if (seen) out.push(Math.max(0, seen.at - put.answered));
  }
  return out;
}

function summarise(name, record, latencies, seconds, servers) {
  const ok = record.filter((put) => put.status >= 200 && put.status < 300);
  const answers = ok.map((put) => put.answered - put.sent);
  const errors = record.length - ok.length;
  const mem = servers.map((server) => memory(server.child.pid));
  return {
    name,
    sent: record.length,
    throughput: ok.length / seconds,
    answer50: percentile(answers, 0.5),
    answer99: percentile(answers, 0.99),
    stream50: percentile(latencies, 0.5),
    stream99: percentile(latencies, 0.99),
    errors,
    rss: mem.map((m) => m.rss.toFixed(0)).join(" + "),
    peak: mem.map((m) => m.peak.toFixed(0)).join(" + "),
  };
}

async function workshop(servers) {
  const [a, b = a] = servers;
  const room = await openRoom(a.url, "Load: workshop");
  const stream = openStream(b.url, room.code, room.presenter_token);
  await stream.ready;
  const record = [];
  const participants = 200;
  const edits = quick ? 3 : 10;
  const span = (quick ? 15 : 60) * 1000;
  const start = performance.now();
  const jobs = [];
  for (let p = 0; p < participants; p++) {
    const id = participantId(p);
    for (let e = 0; e < edits; e++) {
      const at = ((e + Math.random()) / edits) * span;
      const server = p % 2 === 0 ? a : b;
      jobs.push(new Promise((resolve) => setTimeout(resolve, at)).then(() => put(server.url, room.code, id, { lifetime_profit: 20000 + p * 100 + e }, record)));
    }
  }
  await Promise.all(jobs);
  const seconds = (performance.now() - start) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 500));
  stream.close();
  return summarise("200 participants × 10 edits over a minute", record, streamLatencies(record, stream, room.code), seconds, servers);
}

async function burst(servers) {
  const rooms = await Promise.all(Array.from({ length: 5 }, (_, i) => openRoom(servers[0].url, `Load: burst ${i}`)));
  const watched = rooms[0];
  const stream = openStream(servers.at(-1).url, watched.code, watched.presenter_token);
  await stream.ready;
  const record = [];
  const phones = rooms.flatMap((room) => Array.from({ length: 200 }, (_, i) => ({ code: room.code, id: participantId(i) })));
  const seconds = quick ? 3 : 10;
  const start = performance.now();
  const pending = [];
  // Open loop: every 10 ms, the next 10 phones send, whatever the answers' pace.
  await new Promise((resolve) => {
    let tick = 0;
    const timer = setInterval(() => {
      for (let i = 0; i < 10; i++) {
        const phone = phones[(tick * 10 + i) % phones.length];
        const server = servers[(tick + i) % servers.length];
        pending.push(put(server.url, phone.code, phone.id, { lifetime_profit: 20000 + tick }, record));
      }
      tick += 1;
      if (tick >= seconds * 100) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 500));
  stream.close();
  return summarise(`a burst of 1,000 PUTs a second for ${seconds} s`, record, streamLatencies(record, stream, watched.code), elapsed, servers);
}

async function fullRooms(servers) {
  const [server] = servers;
  const rooms = 500;
  const each = 200;
  const codes = [];
  for (let r = 0; r < rooms; r++) codes.push((await openRoom(server.url, `Load: full ${r}`)).code);
  const jobs = [];
  for (let r = 0; r < rooms; r++) for (let p = 0; p < each; p++) jobs.push({ code: codes[r], id: participantId(p), p });
  let next = 0;
  const record = [];
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      await put(server.url, job.code, job.id, { lifetime_profit: 20000 + job.p }, record);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: 64 }, worker));
  const seconds = (performance.now() - start) / 1000;
  const failed = record.filter((put) => put.status >= 300 || put.status === 0).length;
  const mem = memory(server.child.pid);
  return { entries: record.length - failed, failed, seconds, rss: mem.rss, peak: mem.peak };
}

async function measure(label, servers, { withFull }) {
  const rows = [await workshop(servers), await burst(servers)];
  console.log(`\n## ${label}\n`);
  console.log("| load | PUTs | answered 2xx a second | answer p50 / p99 (ms) | to the presenter's stream p50 / p99 (ms) | errors | server memory now / peak (MB) |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const row of rows) {
    console.log(`| ${row.name} | ${row.sent} | ${row.throughput.toFixed(0)} | ${ms(row.answer50)} / ${ms(row.answer99)} | ${ms(row.stream50)} / ${ms(row.stream99)} | ${row.errors} | ${row.rss} / ${row.peak} |`);
  }
  if (withFull) {
    const filled = await fullRooms(servers);
    console.log(`\n500 open rooms of 200 entries each: ${filled.entries} entries in ${filled.seconds.toFixed(0)} s (${filled.failed} failed); server memory ${filled.rss.toFixed(0)} MB resident, ${filled.peak.toFixed(0)} MB at its peak.`);
  }
}

const sqlite = sqliteDatabase();
try {
  const server = await startServer(sqlite.url, FLAGS);
  try {
    await measure("SQLite, one process", [server], { withFull: !quick });
  } finally {
    await server.kill();
  }
} finally {
  sqlite.remove();
}

const postgres = await startPostgres();
try {
  const one = await startServer(postgres.url, FLAGS);
  try {
    await measure("PostgreSQL 15, one process", [one], { withFull: full });
  } finally {
    await one.kill();
  }
  const a = await startServer(postgres.url, FLAGS);
  const b = await startServer(postgres.url, FLAGS);
  try {
    await measure("PostgreSQL 15, two processes (PUTs to both, the presenter's stream on the second)", [a, b], { withFull: false });
  } finally {
    await a.kill();
    await b.kill();
  }
} finally {
  postgres.stop();
}
await until(() => true);
